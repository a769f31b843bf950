// Every page of the web app in each of its languages, as a browser set to that language opens it (Debian's Chromium):
// the map (signed in as a worker), the impact report, the survey desk and the survey form. Prints, for each language
// and page, <html lang>, each [data-text] element's text by its key, and the texts the page writes itself; saves a
// screenshot of each.
// Usage: node browse-languages.mjs URL SCREENSHOT_FOLDER WORKER_TOKEN SURVEY_LINK
import { browse, signInWithToken } from './browser.mjs';

const [url, shots, token, surveyLink] = process.argv.slice(2);
const locales = { lv: 'lv-LV', ru: 'ru-RU', en: 'en-GB' };

await browse(shots, async browser => {
  const result = { errors: [] };
  const read = async (page, written) => ({
    lang: await page.getAttribute('html', 'lang'),
    texts: await page.$$eval('[data-text]', elements => Object.fromEntries(elements.map(e => [e.dataset.text, e.textContent.trim()]))),
    written: Object.fromEntries(await Promise.all(Object.entries(written).map(async ([name, selector]) => [name, (await page.textContent(selector)).trim()]))),
  });
  for (const [language, locale] of Object.entries(locales)) {
    const context = await browser.newContext({ locale, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.on('pageerror', e => result.errors.push(`${language}: ${e.message}`));
    const pages = {};

    await page.goto(url);
    await page.waitForSelector('#map[data-state="ready"]', { timeout: 30_000 });
    await signInWithToken(page, token);
    await page.waitForFunction(() => !document.getElementById('signed-in-as').hidden);
    pages.map = await read(page, { status: '#status', signedIn: '#sign-in-state' });
    await page.screenshot({ path: `${shots}/languages-${language}-map.png` });

    await page.goto(new URL('report.html', url).href);
    await page.waitForSelector('#report[data-state="ready"]', { timeout: 30_000 });
    pages.report = await read(page, { scope: '#report-scope', activities: '#activities-count' });
    await page.screenshot({ path: `${shots}/languages-${language}-report.png` });

    await page.click('a[href="./"]');
    await page.waitForSelector('#map[data-state="ready"]', { timeout: 30_000 });
    await page.click('#open-surveys');
    await page.waitForSelector('#surveys[data-state="ready"]');
    await page.click('#wave-list li:first-child button');
    await page.waitForSelector('#surveys[data-state="wave"]');
    pages.surveys = await read(page, { wave: '#wave-title', invitation: '#invitations tr td:nth-child(2)' });
    await page.screenshot({ path: `${shots}/languages-${language}-surveys.png` });

    await page.goto(surveyLink);
    await page.waitForSelector('#survey[data-state="ready"]');
    pages.survey = await read(page, { title: '#survey-title', consent: '#consent-text' });
    await page.screenshot({ path: `${shots}/languages-${language}-survey.png` });

    result[language] = pages;
    await context.close();
  }
  return result;
});
