// The first hour with the web app in Debian's Chromium: the admin signs in with the password, creates a worker for
// Daugavpils and signs out; the worker signs in with hers, finds a resource, reads the legend, opens an actor outside the
// network in Daugavpils, sees its suggested ties and records one through the tie form, and opens the report. Saves a
// numbered screenshot after each step and prints what it saw as one JSON line.
// Usage: node first-hour.mjs URL SCREENSHOT_FOLDER ADMIN_NAME ADMIN_PASSWORD
import { browse } from './browser.mjs';

const [url, shots, adminName, adminPassword] = process.argv.slice(2);
const worker = { name: 'Anna', password: 'Annas-parole-2026', municipality: 'Daugavpils' };

await browse(shots, async browser => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const pageErrors = [];
  page.on('pageerror', e => pageErrors.push(e.message));
  page.on('console', message => { if (message.type() === 'error') pageErrors.push(message.text()); });
  const result = {};
  const shotNames = [];
  const shot = async name => {
    const file = `${String(shotNames.length + 1).padStart(2, '0')}-${name}.png`;
    await page.screenshot({ path: `${shots}/${file}` });
    shotNames.push(file);
  };
  const ready = () => page.waitForSelector('#map[data-state="ready"]', { timeout: 30_000 });
  /** Signs in through the form as people do, and reads back who the bar says is signed in. */
  const signIn = async (name, password) => {
    await page.fill('#signin-name', name);
    await page.fill('#signin-password', password);
    await page.click('#signin-form button[type=submit]');
    await page.waitForSelector('#signed-in-as:not([hidden])', { timeout: 15_000 });
    await ready();
    return { shown: await page.textContent('#who'), role: await page.getAttribute('#signed-in-as', 'data-role') };
  };
  /** A query with the token the page holds, independent of what the page draws. */
  const query = (text, variables = {}) => page.evaluate(async ({ text, variables }) => {
    const response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${sessionStorage.getItem('token')}` },
      body: JSON.stringify({ query: text, variables }),
    });
    return (await response.json()).data;
  }, { text, variables });

  await page.goto(url);
  await ready();
  await shot('signed-out');

  // The admin signs in with the password and creates the worker: first with too short a password, then as meant.
  result.adminSignedIn = await signIn(adminName, adminPassword);
  await shot('admin-signed-in');
  await page.click('#open-admin');
  await page.waitForSelector('#admin[open] #users tr[data-id]');
  await page.fill('#new-user-name', worker.name);
  await page.fill('#new-user-email', 'anna@example.lv');
  await page.selectOption('#new-user-role', 'WORKER');
  await page.check(`#new-user-municipalities input[value="${worker.municipality}"]`);
  await page.fill('#new-user-password', 'īsa');
  await page.click('#new-user-create');
  await page.waitForFunction(() => document.getElementById('new-user-password-error').textContent !== '');
  result.shortPasswordRefused = await page.textContent('#new-user-password-error');
  await shot('admin-password-refused');
  await page.fill('#new-user-password', worker.password);
  await page.click('#new-user-create');
  await page.waitForSelector('#admin-message[data-created]');
  const id = await page.getAttribute('#admin-message', 'data-created');
  const row = page.locator(`#users tr[data-id="${id}"]`);
  result.workerCreated = {
    id,
    message: await page.textContent('#admin-message'),
    row: Object.fromEntries(await Promise.all(['name', 'role', 'municipalities', 'active', 'locked'].map(async cell => [cell, await row.locator(`td.${cell}`).textContent()]))),
  };
  await shot('admin-worker-created');
  await page.click('#close-admin');
  await page.click('#signout');
  await page.waitForSelector('#signin-form:not([hidden])');
  await ready();
  result.signedOutToken = await page.evaluate(() => sessionStorage.getItem('token'));
  await shot('admin-signed-out');

  // Anna signs in with her password and finds a resource by typing part of its name.
  result.annaSignedIn = await signIn(worker.name, worker.password);
  await shot('anna-signed-in');
  await page.fill('#find', 'draudz');
  await page.waitForSelector('#find-options:not([hidden]) [role=option]');
  result.findOptions = await page.locator('#find-options [role=option]').allTextContents();
  await shot('find-draudz');
  await page.locator('#find-options [role=option]', { hasText: 'Draudzība-K' }).click();
  await page.waitForFunction(() => document.getElementById('details-name').textContent.includes('Draudzība-K'));
  result.chosen = await page.getAttribute('#find', 'data-id');
  result.legendKinds = await page.locator('#legend-kinds li').count();
  result.areaLabels = await page.locator('.rm-area-label:not([hidden])').count();
  await shot('draudziba-k-chosen');

  // An actor outside the network in her municipality (the API says which), opened from the panel's lists.
  const daugavpils = (await query('{ areas(kinds: [CITY, MUNICIPALITY], text: "Daugavpils") { nodes { id name } } }')).areas.nodes.find(a => a.name === worker.municipality);
  const outside = (await query('query($scope: NetworkScopeInput) { network(scope: $scope) { isolatedActors { name } isolatedGroups { resources { name } } } }', { scope: { areaId: daugavpils.id } })).network;
  const names = [...outside.isolatedActors.map(a => a.name), ...outside.isolatedGroups.flatMap(g => g.resources.map(r => r.name))];
  if (names.length > 0) {
    await page.click(`#isolated-actors button:text-is("${names[0]}"), #isolated-groups button:text-is("${names[0]}")`);
    await page.waitForFunction(n => document.getElementById('details-name').textContent === n, names[0]);
    result.isolatedChosen = names[0];
    result.suggestedTies = await page.locator('path.rm-suggested-tie').count();
    result.suggestions = await page.locator('#suggestions > li > strong').allTextContents();
    await shot('isolated-actor-suggestions');

    // The first suggestion through the tie form, filled in with its partner and a type.
    const owner = await page.getAttribute('#find', 'data-id');
    await page.locator('#suggestions button.record').first().click();
    await page.waitForSelector('#editor:not([hidden])');
    const partner = await page.inputValue('#f-targetId');
    result.tieForm = { partner: await page.locator('#f-targetId option:checked').textContent(), type: await page.inputValue('#f-type'), strength: await page.inputValue('#f-strength') };
    await shot('tie-form-filled-in');
    await page.click('#editor-form button[type=submit]');
    await page.waitForFunction(() => document.getElementById('editor-saved').textContent !== '', null, { timeout: 15_000 });
    await ready();
    const saved = await query('query($id: ID!) { node(id: $id) { ... on Resource { relationships { type source { id } target { id } } } } }', { id: owner });
    result.recordedTie = {
      from: owner,
      to: partner,
      confirmation: await page.textContent('#editor-saved'),
      inApi: saved.node.relationships.some(r => (r.source.id === owner && r.target.id === partner) || (r.source.id === partner && r.target.id === owner)),
      suggestedTiesAfter: await page.locator('path.rm-suggested-tie').count(),
    };
    await shot('tie-recorded');
  }

  // The report opened alone, without days: the page chooses them.
  await page.goto(new URL('report.html', url).href);
  await page.waitForSelector('#report:not([data-state="loading"])', { timeout: 30_000 });
  result.reportFrom = await page.inputValue('#report-from');
  result.reportTo = await page.inputValue('#report-to');
  result.reportState = await page.getAttribute('#report', 'data-state');
  await shot('report');

  result.errors = pageErrors;
  result.shots = shotNames;
  return result;
});
