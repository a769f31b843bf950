// Mapping with the community, in Debian's Chromium: a Daugavpils worker creates a survey wave and invites five
// associations; two answer on a phone-sized screen with no account (one in Russian), the worker accepts part of their
// answers; a revoked and a made-up link open nothing; a second wave is answered and compared with the first. Prints
// what the tests check as one JSON line; saves a screenshot of each step.
// Usage: node browse-survey.mjs URL SCREENSHOT_FOLDER WORKER_TOKEN '{"invite":[…],"seniors":…,"parish":…,"library":…,"forte":…,"revoked":…}'
import { browse, signInWithToken } from './browser.mjs';

const [url, shots, token, json] = process.argv.slice(2);
const args = JSON.parse(json);
const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

await browse(shots, async browser => {
  const result = {};
  const errors = [];
  const worker = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  worker.on('pageerror', e => errors.push(e.message));
  await worker.goto(url);
  await worker.waitForSelector('#map[data-state="ready"]', { timeout: 30_000 });
  await signInWithToken(worker, token);
  await worker.waitForFunction(() => !document.getElementById('signed-in-as').hidden);
  // Clicked in the page, not at a point on screen: once signed in, the side panel above the link re-renders with what a
  // worker may see, and a click aimed just before that (a loaded CI run) landed beside the link.
  await worker.locator('#open-surveys').evaluate(link => link.click());
  await worker.waitForSelector('#surveys[data-state="ready"]');

  // Wave 1: created and five associations invited; each gets a link and a QR code, shown once.
  async function createWave(closes) {
    await worker.fill('#wave-name', 'Daugavpils partneru aptauja');
    await worker.selectOption('#wave-area', { label: 'Daugavpils' });
    await worker.fill('#wave-opens', '2026-01-01');
    await worker.fill('#wave-closes', closes);
    await worker.evaluate(() => { document.getElementById('surveys').dataset.state = 'changing'; });
    await worker.click('#new-wave button[type=submit]');
    await worker.waitForSelector('#surveys[data-state="wave"]');
  }
  async function invite(names) {
    await worker.evaluate(() => { document.getElementById('invite').open = true; });
    for (const name of names) await worker.locator('#invite-actors label', { hasText: name }).locator('input').check();
    await worker.click('#invite-send');
    await worker.waitForFunction(n => document.querySelectorAll('#issued li').length === n, names.length);
    return Object.fromEntries(await worker.$$eval('#issued li', items => items.map(li => [li.querySelector('strong').textContent, li.querySelector('a').href])));
  }
  await createWave('2099-12-31');
  const links = await invite(args.invite);
  result.waveTitle = await worker.textContent('#wave-title');
  result.links = Object.keys(links).length;
  result.qrCodes = await worker.$$eval('#issued img', images => images.filter(i => i.complete && i.naturalWidth > 0).length);
  await worker.screenshot({ path: `${shots}/survey-1-links.png`, fullPage: true });

  // "Draudzība-K" answers in Russian on a phone set to Russian, with no account: the parish found by typing without
  // diacritics, a new choir, the library; trust and value on PARTNER's scales. Each respondent's phone speaks the
  // language they answer in; the form opens in it, and the chooser is there for a phone that does not.
  const locales = { lv: 'lv-LV', ru: 'ru-RU', en: 'en-GB' };
  async function answer(link, language, steps) {
    const context = await browser.newContext({ ...phone, locale: locales[language] });
    const page = await context.newPage();
    page.on('pageerror', e => errors.push(e.message));
    await page.goto(link);
    await page.waitForSelector('#survey[data-state="ready"], #survey[data-state="error"]');
    const opened = {
      urlAfterOpen: page.url(), openedIn: await page.getAttribute('html', 'lang'),
      tokenStored: await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage })),
    };
    await page.selectOption('#language', language);
    if (steps) await steps(page);
    return { page, context, ...opened };
  }
  async function addFound(page, typed, name) {
    await page.fill('#partner-search', typed);
    await page.locator('#partner-options button', { hasText: name }).first().click();
  }
  const seniors = await answer(links[args.seniors], 'ru', async page => {
    result.titleRu = await page.textContent('#survey-title');
    result.consentRu = await page.textContent('#consent-text');
    await addFound(page, 'krizu dr', args.parish);
    await page.selectOption('#p0-frequency', 'MONTHLY');
    for (const [item, value] of [['reliable', 4], ['open', 3], ['sharesMission', 4], ['influence', 3], ['involvement', 3], ['resources', 2]])
      await page.check(`#p0-${item}-${value}`);
    await page.click('#add-new');
    await page.fill('#p1-newName', 'Križu senioru koris');
    await page.selectOption('#p1-newKind', 'INFORMAL_GROUP');
    await page.selectOption('#p1-type', 'SHARED_ACTIVITY');
    await page.selectOption('#p1-frequency', 'WEEKLY');
    await addFound(page, 'latgales centr', args.library);
    await page.selectOption('#p2-frequency', 'WEEKLY');
    await page.screenshot({ path: `${shots}/survey-2-phone-ru.png`, fullPage: true });
    // Without consent nothing is sent.
    await page.click('#submit');
    result.withoutConsent = await page.textContent('#survey-message');
    await page.check('#consent');
    await page.click('#submit');
    await page.waitForSelector('#survey[data-state="submitted"]');
    result.submittedRu = await page.textContent('#survey-message');
    result.phoneOverflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    await page.screenshot({ path: `${shots}/survey-3-phone-sent.png`, fullPage: true });
  });
  result.urlAfterOpen = seniors.urlAfterOpen;
  result.openedIn = seniors.openedIn;
  result.tokenStored = seniors.tokenStored;
  // The form's texts in all three languages.
  result.texts = {};
  for (const language of ['lv', 'ru', 'en']) {
    await seniors.page.selectOption('#language', language);
    result.texts[language] = {
      title: await seniors.page.textContent('#survey-title'), submit: await seniors.page.textContent('#submit'),
      frequency: await seniors.page.textContent('label[for="p0-frequency"]'), lang: await seniors.page.getAttribute('html', 'lang'),
    };
  }
  await seniors.context.close();

  // The parish answers in Latvian, naming "Draudzība-K" back.
  const parish = await answer(links[args.parish], 'lv', async page => {
    await addFound(page, 'draudziba', args.seniors);
    await page.selectOption('#p0-frequency', 'QUARTERLY');
    await page.check('#consent');
    await page.click('#submit');
    await page.waitForSelector('#survey[data-state="submitted"]');
  });
  await parish.context.close();

  // The worker revokes one link; it and a made-up one open nothing, said in the page's language.
  await worker.goto(new URL('surveys.html', url).href);
  await worker.waitForSelector('#surveys[data-state="ready"]');
  await worker.click('#wave-list li:last-child button');
  await worker.waitForSelector('#surveys[data-state="wave"]');
  await worker.locator('#invitations tr', { hasText: args.revoked }).locator('button').click();
  await worker.waitForFunction(name => [...document.querySelectorAll('#invitations tr')].some(r => r.textContent.includes(name) && !r.querySelector('button')), args.revoked);
  const revoked = await answer(links[args.revoked], 'ru');
  result.revokedRu = await revoked.page.textContent('#survey-status');
  await revoked.context.close();
  const madeUp = await answer(new URL('survey#made-up-token', url).href, 'en');
  result.madeUpEn = await madeUp.page.textContent('#survey-status');
  await madeUp.context.close();

  // Review: of "Draudzība-K", the parish and the choir accepted, the library rejected; of the parish, its tie accepted.
  async function decide(actor, accept, reject) {
    const box = worker.locator(`.response[data-actor=${JSON.stringify(actor)}]`);
    for (const key of accept) await box.locator(`tr[data-key="${key}"] input.decide-accept`).check();
    for (const key of reject) await box.locator(`tr[data-key="${key}"] input.decide-reject`).check();
    await box.locator('.save-decisions').click();
    await worker.waitForFunction(a => !document.querySelector(`.response[data-actor="${CSS.escape(a)}"] input`), actor);
  }
  result.itemsShown = await worker.locator(`.response[data-actor=${JSON.stringify(args.seniors)}] tr`).allTextContents();
  await decide(args.seniors, ['partner:0', 'partner:1'], ['partner:2']);
  await decide(args.parish, ['partner:0'], []);
  result.itemsDecided = await worker.locator(`.response[data-actor=${JSON.stringify(args.seniors)}] tr`).allTextContents();
  await worker.screenshot({ path: `${shots}/survey-4-reviewed.png`, fullPage: true });

  // Wave 2: "Draudzība-K" names the parish again and FORTE; FORTE names "Draudzība-K".
  await createWave('2099-12-31');
  const links2 = await invite([args.seniors, args.parish, args.forte]);
  const second = await answer(links2[args.seniors], 'ru', async page => {
    await page.waitForSelector('#p0-type').catch(() => {});
    await addFound(page, 'krizu dr', args.parish);
    await page.selectOption('#p0-frequency', 'WEEKLY');
    for (const item of ['reliable', 'open', 'sharesMission']) await page.check(`#p0-${item}-4`);
    await addFound(page, 'forte', args.forte);
    await page.check('#consent');
    await page.click('#submit');
    await page.waitForSelector('#survey[data-state="submitted"]');
  });
  await second.context.close();
  const forte = await answer(links2[args.forte], 'lv', async page => {
    await addFound(page, 'draudziba', args.seniors);
    for (const item of ['reliable', 'open', 'sharesMission']) await page.check(`#p0-${item}-3`);
    await page.check('#consent');
    await page.click('#submit');
    await page.waitForSelector('#survey[data-state="submitted"]');
  });
  await forte.context.close();
  await worker.goto(new URL('surveys.html', url).href);
  await worker.waitForSelector('#surveys[data-state="ready"]');
  await worker.click('#wave-list li:last-child button');
  await worker.waitForSelector('#surveys[data-state="wave"]');
  await worker.click('#compare');
  await worker.waitForSelector('#comparison:not([hidden])');
  const table = (page, selector) => page.$$eval(`${selector} tr`, rows => rows.map(r => [...r.children].map(c => c.textContent)));
  result.comparison = await table(worker, '#comparison .wave-figures tbody');
  result.changes = await worker.textContent('#comparison .wave-changes');
  result.comparedTies = await table(worker, '#comparison .wave-ties tbody');
  await worker.screenshot({ path: `${shots}/survey-5-compared.png`, fullPage: true });

  // The impact report compares the last two waves beside the dated ties, in the language chosen.
  await worker.goto(new URL('report.html', url).href);
  await worker.waitForFunction(() => document.getElementById('report').dataset.state === 'ready' && document.querySelector('#waves .wave-ties'));
  result.reportWaves = await worker.textContent('#waves-compared');
  result.reportTies = await table(worker, '#waves .wave-ties tbody');
  result.reportAddress = new URL(worker.url()).searchParams.get('waves');
  await worker.selectOption('#language', 'ru');
  result.reportTiesRu = await table(worker, '#waves .wave-ties tbody');
  result.reportHeadingRu = await worker.textContent('#waves-section h2');
  await worker.emulateMedia({ media: 'print' });
  await worker.screenshot({ path: `${shots}/survey-6-report-ru.png`, fullPage: true });
  result.errors = errors;
  return result;
});
