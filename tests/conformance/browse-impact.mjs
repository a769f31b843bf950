// A Cēsu worker's evidence, in Debian's Chromium: records an activity with its participants and attendance at a
// resource, records an introduction it led to, later records the tie that followed and the introduction's outcome,
// then opens the impact report for the pilot period and prints it as PDF, in Latvian and in English. Saves a
// screenshot of each step and the PDFs, and prints what the tests check as one JSON line.
// Usage: node browse-impact.mjs URL SCREENSHOT_FOLDER WORKER_TOKEN
//   '{"venueId":…,"schoolId":…,"partner":…,"pensioners":…,"school":…,"activity":…,"areaId":…,"from":…,"to":…}'
import { browse, find, signInWithToken } from './browser.mjs';

const [url, shots, token, json] = process.argv.slice(2);
const args = JSON.parse(json);

await browse(shots, async browser => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = [];
  page.on('pageerror', e => errors.push(e.message));
  const result = {};
  const ready = () => page.waitForSelector('#map[data-state="ready"]', { timeout: 30_000 });
  const saved = () => page.waitForFunction(() => document.getElementById('editor').hidden && document.getElementById('editor-saved').textContent !== '', null, { timeout: 15_000 });
  const submit = () => page.click('#editor-form button[type=submit]');
  await page.goto(url);
  await ready();
  await page.evaluate(() => { document.getElementById('map').dataset.state = 'changing'; });
  await signInWithToken(page, token);
  await ready();

  // The activity, at the library: the library organised it; the worker ticks who else took part and counts who came.
  await find(page, args.venueId);
  await page.click('#add-activity');
  await page.waitForSelector('#editor:not([hidden])');
  await page.fill('#f-name', args.activity);
  await page.selectOption('#f-kind', 'WORKSHOP');
  await page.fill('#f-startsOn', '2022-10-12');
  await page.check(`#f-participants input[value="${args.schoolId}"]`);
  await page.check(`#f-participants label:has-text("${args.pensioners}") input`);
  await page.fill('[id="f-attendance:total"]', '23');
  await page.fill('[id="f-attendance:seniors"]', '15');
  await page.fill('[id="f-attendance:youth"]', '3');
  await page.screenshot({ path: `${shots}/impact-1-activity-form.png` });
  await submit();
  await saved();
  await page.waitForFunction(name => document.getElementById('activity-list').textContent.includes(name), args.activity);
  result.activitySaved = await page.textContent('#editor-saved');
  result.activityListed = await page.locator('#activity-list li').allTextContents();
  await page.screenshot({ path: `${shots}/impact-2-activity-saved.png` });

  // The introduction it led to: the sports school to the youth centre, at that activity.
  await find(page, args.schoolId);
  await page.waitForFunction(name => document.getElementById('activity-list').textContent.includes(name), args.activity);
  await page.click('#add-introduction');
  await page.waitForSelector('#editor:not([hidden])');
  await page.selectOption('#f-secondId', { label: args.partner });
  await page.fill('#f-on', '2022-10-12');
  await page.selectOption('#f-activityId', { label: `12.10.2022. ${args.activity}` }).catch(() => page.selectOption('#f-activityId', { label: `2022-10-12 ${args.activity}` }));
  await submit();
  await saved();
  await page.waitForSelector('#introduction-list li');
  result.introductionListed = await page.locator('#introduction-list li').allTextContents();

  // Six weeks later the tie followed: recorded, then named as the introduction's outcome.
  await page.click('#add-tie');
  await page.waitForSelector('#editor:not([hidden])');
  await page.selectOption('#f-targetId', { label: args.partner });
  await page.selectOption('#f-type', 'COOPERATION');
  await page.fill('#f-since', '2022-11-20');
  await submit();
  await saved();
  await page.waitForFunction(() => document.querySelectorAll('#tie-list li').length > 0);
  await page.click('#introduction-list li button');
  await page.waitForSelector('#editor:not([hidden])');
  await page.selectOption('#f-outcome', 'TIE_FORMED');
  await page.fill('#f-outcomeOn', '2022-11-20');
  await page.selectOption('#f-relationshipId', { index: 1 });
  await page.screenshot({ path: `${shots}/impact-3-introduction-outcome.png` });
  await submit();
  await saved();
  await page.waitForFunction(() => /saite|tie/.test(document.getElementById('introduction-list').textContent));
  result.introductionAfter = await page.locator('#introduction-list li').allTextContents();

  // The impact report for the pilot period, opened from the map for the area (the worker's session goes with it),
  // in Latvian, then in English; each printed as PDF.
  await page.evaluate(() => { document.getElementById('map').dataset.state = 'changing'; });
  await page.selectOption('#filter-area', args.areaId);
  await ready();
  await page.fill('#report-from', args.from);
  await page.fill('#report-to', args.to);
  const [report] = await Promise.all([page.waitForEvent('popup'), page.click('#report button')]);
  report.on('pageerror', e => errors.push(e.message));
  await report.setViewportSize({ width: 1100, height: 1400 });
  await report.waitForSelector('#report[data-state="ready"]', { timeout: 30_000 });
  result.reportUrl = report.url();
  const read = async () => ({
    title: await report.textContent('h1'),
    activitiesCount: await report.textContent('#activities-count'),
    activities: await report.locator('#activities tbody tr').evaluateAll(rows => rows.map(r => [...r.children].map(c => c.textContent))),
    reach: await report.locator('#reach tbody tr').evaluateAll(rows => rows.map(r => [...r.children].map(c => c.textContent))),
    introductionCounts: await report.textContent('#introduction-counts'),
    introductions: await report.locator('#introductions li:not(.none)').allTextContents(),
    tiesBuilt: await report.locator('#ties-built li:not(.none)').allTextContents(),
    broughtIn: await report.locator('#brought-in li:not(.none)').allTextContents(),
    figures: await report.locator('#figures tbody tr').evaluateAll(rows => rows.map(r => [...r.children].map(c => c.textContent))),
    charts: await report.locator('#charts svg').evaluateAll(svgs => svgs.map(s => ({ label: s.getAttribute('aria-label'), lines: s.querySelectorAll('polyline').length, points: s.querySelectorAll('circle').length }))),
    maps: await report.locator('#maps svg').evaluateAll(svgs => svgs.map(s => ({ label: s.getAttribute('aria-label'), actors: s.querySelectorAll('circle').length, outside: s.querySelectorAll('circle.outside').length, ties: s.querySelectorAll('line.tie').length }))),
  });
  result.latvian = await read();
  await report.screenshot({ path: `${shots}/impact-4-report-latvian.png`, fullPage: true });
  await report.emulateMedia({ media: 'print' });
  result.navPrinted = await report.locator('nav').isVisible();
  await report.pdf({ path: `${shots}/impact-report-lv.pdf`, format: 'A4', printBackground: true });
  await report.emulateMedia({ media: 'screen' });
  await report.selectOption('#language', 'en');
  await report.waitForFunction(() => document.querySelector('h1').textContent.startsWith('Changes'));
  result.english = await read();
  await report.emulateMedia({ media: 'print' });
  await report.pdf({ path: `${shots}/impact-report-en.pdf`, format: 'A4', printBackground: true });

  result.errors = errors;
  return result;
});
