// A worker edits in the web app in Debian's Chromium: places a new resource by clicking the map, sees a refused field
// next to the field, meets someone else's change of the same resource (a version conflict with both values), and
// records and changes a tie. Saves a screenshot of each step and prints what the tests check as one JSON line.
// Usage: node browse-edit.mjs URL SCREENSHOT_FOLDER WORKER_TOKEN '{"nearId":…,"partner":…,"name":…,"mine":…,"theirs":…}'
import { browse, find, signInWithToken } from './browser.mjs';

const [url, shots, token, json] = process.argv.slice(2);
const args = JSON.parse(json);

await browse(shots, async browser => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = [];
  page.on('pageerror', e => errors.push(e.message));
  const result = {};
  const ready = () => page.waitForSelector('#map[data-state="ready"]', { timeout: 30_000 });
  const saved = async name => page.waitForFunction(n => document.getElementById('editor').hidden && document.getElementById('details-name').textContent === n, name, { timeout: 15_000 });
  await page.goto(url);
  await ready();
  await page.selectOption('#language', 'en');
  await page.evaluate(() => { document.getElementById('map').dataset.state = 'changing'; });
  await signInWithToken(page, token);
  await ready();
  result.markersBefore = Number(await page.getAttribute('#map', 'data-markers'));

  // A new resource, placed by a click on the map beside an actor it is near.
  await find(page, args.nearId);
  await page.click('#add-resource');
  result.hint = await page.textContent('#editor-hint');
  const box = await page.locator('#map').boundingBox();
  await page.mouse.click(box.x + box.width / 2 + 70, box.y + box.height / 2 + 50);
  await page.waitForSelector('#editor:not([hidden])');
  result.placedAt = { latitude: Number(await page.inputValue('#f-latitude')), longitude: Number(await page.inputValue('#f-longitude')) };
  result.placedArea = await page.locator('#f-areaId option:checked').textContent();
  await page.click('#editor-form button[type=submit]'); // no name yet
  await page.waitForFunction(() => document.getElementById('f-name-error').textContent !== '');
  result.nameError = await page.textContent('#f-name-error');
  result.nameInvalid = await page.getAttribute('#f-name', 'aria-invalid');
  result.nameFocused = await page.evaluate(() => document.activeElement?.id);
  await page.screenshot({ path: `${shots}/edit-1-field-error.png` });
  // The same refusal in Latvian, beside the field's Latvian label.
  await page.selectOption('#language', 'lv');
  await page.click('#editor-form button[type=submit]');
  await page.waitForFunction(() => document.getElementById('f-name-error').textContent.startsWith('Lauks'));
  result.nameErrorLatvian = await page.textContent('#f-name-error');
  result.nameLabelLatvian = await page.textContent('label[for="f-name"]');
  await page.screenshot({ path: `${shots}/edit-1-field-error-latvian.png` });
  await page.selectOption('#language', 'en');
  await page.fill('#f-name', args.name);
  await page.check('#f-targetGroups input[value="seniors"]');
  await page.click('#editor-form button[type=submit]');
  await saved(args.name);
  await ready();
  result.markersAfter = Number(await page.getAttribute('#map', 'data-markers'));
  result.createdId = await page.getAttribute('#find', 'data-id');
  await page.screenshot({ path: `${shots}/edit-2-created.png` });

  // Editing it while someone else saves another name: the conflict shows both, nothing is overwritten until asked.
  await page.click('#edit-resource');
  await page.waitForSelector('#editor:not([hidden])');
  await page.fill('#f-name', args.mine);
  result.theirSave = await page.evaluate(async ({ id, theirs, token }) => {
    const response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: 'mutation($id: ID!, $n: String!) { updateResource(input: { id: $id, name: $n }) { resource { version } } }', variables: { id, n: theirs } }),
    });
    return (await response.json()).data?.updateResource.resource.version ?? null;
  }, { id: result.createdId, theirs: args.theirs, token });
  await page.click('#editor-form button[type=submit]');
  await page.waitForSelector('#editor-conflict:not([hidden])');
  result.conflict = await page.textContent('#editor-conflict p');
  result.conflictName = await page.textContent('#f-name-error');
  await page.screenshot({ path: `${shots}/edit-3-version-conflict.png` });
  await page.click('#editor-conflict button:first-of-type'); // save mine over it
  await saved(args.mine);

  // A tie to a partner: a refused date next to its field, then saved; then its strength changed.
  await page.click('#add-tie');
  await page.waitForSelector('#editor:not([hidden])');
  await page.selectOption('#f-targetId', { label: args.partner });
  await page.selectOption('#f-type', 'SHARED_ACTIVITY');
  await page.fill('#f-strength', '3');
  await page.fill('#f-since', '2026-05-01');
  await page.fill('#f-until', '2026-01-01');
  await page.click('#editor-form button[type=submit]');
  await page.waitForFunction(() => document.getElementById('f-until-error').textContent !== '');
  result.untilError = await page.textContent('#f-until-error');
  await page.screenshot({ path: `${shots}/edit-4-tie-field-error.png` });
  await page.fill('#f-until', '');
  await page.click('#editor-form button[type=submit]');
  await saved(args.mine);
  await page.waitForSelector('#tie-list li');
  result.tiesListed = await page.locator('#tie-list li').allTextContents();
  await page.click('#tie-list li button');
  await page.waitForSelector('#editor:not([hidden])');
  await page.fill('#f-strength', '7');
  await page.click('#editor-form button[type=submit]');
  await page.waitForFunction(() => document.getElementById('f-strength-error').textContent !== '');
  result.strengthError = await page.textContent('#f-strength-error');
  await page.fill('#f-strength', '4');
  await page.click('#editor-form button[type=submit]');
  await saved(args.mine);
  await page.waitForFunction(() => document.querySelector('#tie-list li')?.textContent.includes('strength 4'));
  result.tiesAfterEdit = await page.locator('#tie-list li').allTextContents();
  await page.screenshot({ path: `${shots}/edit-5-tie-saved.png` });

  result.errors = errors;
  return result;
});
