// Explores and plans in the web app in Debian's Chromium as an anonymous visitor: filters by area and tie type, an
// actor's metrics in words, the introduction path, keyboard use, a tablet's screen, the heat-map grid, placements,
// "what if it closed", the printable impact report and an accessibility audit (axe-core) of both pages. Saves a
// screenshot of each step and prints what the tests check as one JSON line.
// Usage: node browse-explore.mjs URL SCREENSHOT_FOLDER '{"areaId":…,"type":…,"actorId":…,"pathFrom":…,"pathTo":…,"servingId":…,"reportFrom":…}'
import { browse, find } from './browser.mjs';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

const [url, shots, json] = process.argv.slice(2);
const args = JSON.parse(json);
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** WCAG 2.1 A and AA rules that fail on the page: rule id, impact and how many elements. */
async function audit(page) {
  await page.addScriptTag({ path: axePath });
  return page.evaluate(async () => {
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map(v => `${v.id} (${v.impact}): ${v.nodes.length} × ${v.nodes[0]?.target.join(' ')}`);
  });
}

const ready = page => page.waitForSelector('#map[data-state="ready"]', { timeout: 30_000 });

await browse(shots, async browser => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  const errors = [];
  page.on('pageerror', e => errors.push(e.message));
  const result = {};
  await page.goto(url);
  await ready(page);
  await page.selectOption('#language', 'en'); // English: the tests compare with the API's words

  // Filters that change what is analysed: an area, then a tie type.
  const reload = async (select, value) => {
    await page.evaluate(() => { document.getElementById('map').dataset.state = 'changing'; });
    await page.selectOption(select, value);
    await ready(page);
  };
  await reload('#filter-area', args.areaId);
  result.areaMarkers = Number(await page.getAttribute('#map', 'data-markers'));
  result.areaIsolatedGroups = Number(await page.getAttribute('#map', 'data-isolated-groups'));
  result.areaFindOptions = Number(await page.getAttribute('#map', 'data-resources')); // the resources the find box chooses among
  await page.screenshot({ path: `${shots}/explore-1-area.png` });
  // An actor of the area: its ties to partners beyond it, named though they are not on the map.
  await find(page, args.actorId);
  await page.waitForSelector('#details-beyond:not([hidden])');
  result.beyondHeading = await page.textContent('#details-beyond');
  result.beyondItems = await page.locator('#beyond-list li').allTextContents();
  result.areaTieItems = await page.locator('#tie-list li').count();
  await reload('#filter-area', '');
  await reload('#filter-type', args.type);
  result.typeTies = Number(await page.getAttribute('#map', 'data-ties'));
  await page.screenshot({ path: `${shots}/explore-2-tie-type.png` });
  await reload('#filter-type', '');

  // An actor found by name: its metrics in words.
  await find(page, args.actorId);
  await page.waitForSelector('#details:not([hidden])');
  result.actorName = await page.textContent('#details-name');
  result.metrics = await page.locator('#details-metrics li').allTextContents();
  result.tieItems = await page.locator('#tie-list li').count();
  result.beyondWithoutArea = await page.isVisible('#details-beyond');
  await page.screenshot({ path: `${shots}/explore-3-metrics.png` });

  // Keyboard: a marker takes the focus and Enter selects it.
  const marker = page.locator(`.leaflet-marker-icon:not(.marker-cluster):not([title="${result.actorName}"])`).first();
  result.keyboardMarker = await marker.getAttribute('title');
  await marker.focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(name => document.getElementById('details-name').textContent === name, result.keyboardMarker);
  result.keyboardSelected = await page.textContent('#details-name');

  // The introduction path between two chosen actors.
  await find(page, args.pathFrom, 'path-from');
  await find(page, args.pathTo, 'path-to');
  await page.click('#introduction button');
  await page.waitForSelector('#paths li');
  result.paths = await page.locator('#paths li .chain').allTextContents();
  await page.screenshot({ path: `${shots}/explore-4-introduction-path.png` });

  // Planning in one area: the heat-map grid and three places for new resources, for seniors within 1 km.
  await page.selectOption('#target-group', 'seniors');
  await page.fill('#distance', '1000');
  await page.selectOption('#plan-area', args.areaId);
  await page.fill('#cell-size', '500');
  await page.click('#show-grid');
  await page.waitForSelector('#map[data-grid-cells]');
  result.gridCells = Number(await page.getAttribute('#map', 'data-grid-cells'));
  result.gridSummary = await page.textContent('#grid-summary');
  // The same question as a GeoPackage for QGIS: an SQLite file.
  const [gpkg] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.click('#export-gpkg')]);
  result.geoPackage = { name: gpkg.suggestedFilename(), sqlite: readFileSync(await gpkg.path()).subarray(0, 15).toString() === 'SQLite format 3', url: gpkg.url() };
  await page.fill('#placement-count', '3');
  await page.click('#suggest-places');
  await page.waitForSelector('#map[data-placements]');
  result.placements = await page.locator('#placements li').allTextContents();
  result.placementMarkers = await page.locator('.rm-place').count();
  result.placementSummary = await page.textContent('#placement-summary');
  await page.screenshot({ path: `${shots}/explore-5-grid-and-places.png` });

  // What if a resource serving seniors closed: in figures.
  await find(page, args.servingId);
  await page.click('#what-if-closed');
  await page.waitForFunction(() => document.getElementById('closure').textContent !== '');
  result.closure = await page.textContent('#closure');
  await page.screenshot({ path: `${shots}/explore-6-what-if-closed.png` });
  result.auditMap = await audit(page);

  // The impact report, opened from the panel in a new tab, then as printed.
  await page.fill('#report-from', args.reportFrom);
  const [report] = await Promise.all([page.waitForEvent('popup'), page.click('#report button')]);
  report.on('pageerror', e => errors.push(e.message));
  await report.waitForSelector('#report[data-state="ready"]', { timeout: 30_000 });
  result.reportUrl = report.url();
  result.reportTitle = await report.textContent('h1');
  result.reportFigures = await report.locator('#figures tbody tr').evaluateAll(rows => rows.map(r => [...r.children].map(c => c.textContent)));
  result.reportTiesBuilt = await report.locator('#ties-built li:not(.none)').count();
  result.reportBroughtIn = await report.locator('#brought-in li:not(.none)').allTextContents();
  result.reportGroups = await report.locator('#groups li:not(.none)').allTextContents();
  await report.screenshot({ path: `${shots}/explore-7-report.png`, fullPage: true });
  await report.emulateMedia({ media: 'print' });
  result.reportNavPrinted = await report.locator('nav').isVisible();
  await report.pdf({ path: `${shots}/explore-7-report.pdf` });
  await report.emulateMedia({ media: 'screen' });
  result.auditReport = await audit(report);

  // A tablet, upright: the map above the panel, nothing wider than the screen, a tap selects.
  const tablet = await browser.newPage({ viewport: { width: 768, height: 1024 }, hasTouch: true, isMobile: true });
  tablet.on('pageerror', e => errors.push(e.message));
  await tablet.goto(url);
  await ready(tablet);
  const box = async selector => tablet.locator(selector).boundingBox();
  result.tablet = { map: await box('#map'), panel: await box('#panel'), scrollWidth: await tablet.evaluate(() => document.documentElement.scrollWidth) };
  await tablet.locator('.leaflet-marker-icon:not(.marker-cluster)').first().tap();
  await tablet.waitForSelector('#details:not([hidden])');
  result.tabletSelected = await tablet.textContent('#details-name');
  await tablet.screenshot({ path: `${shots}/explore-8-tablet.png` });

  result.errors = errors;
  return result;
});
