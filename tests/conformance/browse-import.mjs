// A worker imports a community's list in the web app in Debian's Chromium: signs in, opens "Import a list", downloads
// the map as a spreadsheet, previews a file with problems (each shown by sheet, row and column, the import not
// offered), then a good file (what would be created), imports it and sees the map read again, with an accessibility
// audit (axe-core) of the dialog. Saves a screenshot of each step and prints what the tests check as one JSON line.
// Usage: node browse-import.mjs URL SCREENSHOT_FOLDER WORKER_TOKEN FILE_WITH_PROBLEMS FILE_GOOD
import { browse, signInWithToken } from './browser.mjs';
import { createRequire } from 'node:module';
import { readFileSync, statSync } from 'node:fs';

const [url, shots, token, bad, good] = process.argv.slice(2);
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

await browse(shots, async browser => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const pageErrors = [];
  page.on('pageerror', e => pageErrors.push(e.message));
  page.on('console', message => { if (message.type() === 'error') pageErrors.push(message.text()); });
  const result = {};
  const ready = () => page.waitForSelector('#map[data-state="ready"]', { timeout: 30_000 });
  const state = name => page.waitForSelector(`#import-state[data-state="${name}"]`, { timeout: 30_000 });
  const problems = () => page.locator('#import-problems li').evaluateAll(items => items.map(li => ({
    sheet: li.dataset.sheet, row: li.dataset.row === '' ? null : Number(li.dataset.row), column: li.dataset.column, text: li.textContent,
  })));
  const rows = () => page.locator('#import-rows tbody tr').evaluateAll(trs => trs.map(tr => ({
    sheet: tr.dataset.sheet, row: Number(tr.dataset.row), action: tr.dataset.action, name: tr.querySelector('td.name').textContent, actionText: tr.querySelector('td.action').textContent,
  })));

  await page.goto(url);
  await ready();
  result.hiddenSignedOut = await page.locator('#open-import').isHidden();
  // The network for Gephi, offered to everyone: a dynamic GEXF 1.3 of what an anonymous visitor may read.
  const [gexf] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.click('#export-gexf')]);
  const gexfText = readFileSync(await gexf.path(), 'utf8');
  result.gexf = { name: gexf.suggestedFilename(), version13: gexfText.includes('xmlns="http://gexf.net/1.3"'), dynamic: gexfText.includes('mode="dynamic"'), nodes: gexfText.split('<node ').length - 1 };
  await page.evaluate(() => { document.getElementById('map').dataset.state = 'changing'; });
  await signInWithToken(page, token);
  await page.waitForSelector('#open-import:not([hidden])', { timeout: 15_000 });
  await ready();
  result.resourcesBefore = Number(await page.getAttribute('#map', 'data-resources'));
  result.button = await page.textContent('#open-import');
  await page.click('#open-import');
  await page.waitForSelector('#import[open]');
  result.title = await page.textContent('#import-title');
  result.template = await page.getAttribute('#import-template', 'href');

  // The map as a spreadsheet, with the session's token (a plain link could not send it).
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.click('#import-export')]);
  const saved = await download.path();
  result.export = { name: download.suggestedFilename(), bytes: statSync(saved).size, zip: readFileSync(saved).subarray(0, 2).toString() === 'PK' };

  // A file with problems: each problem where it is, nothing offered to import.
  await page.setInputFiles('#import-file', bad);
  await page.click('#import-preview');
  await state('problems');
  result.problems = await problems();
  result.problemsSummary = await page.textContent('#import-summary');
  result.runDisabledWithProblems = await page.isDisabled('#import-run');
  await page.screenshot({ path: `${shots}/import-1-problems.png` });

  // The good file: what would be created, row by row; now it may be imported.
  await page.setInputFiles('#import-file', good);
  await page.click('#import-preview');
  await state('previewed');
  result.previewSummary = await page.textContent('#import-summary');
  result.previewRows = await rows();
  result.previewProblems = await page.locator('#import-problems li').count();
  result.runEnabledAfterPreview = await page.isEnabled('#import-run');
  result.resourcesAfterPreview = Number(await page.getAttribute('#map', 'data-resources'));
  await page.addScriptTag({ path: axePath });
  result.audit = await page.evaluate(async () => {
    const found = await window.axe.run({ include: ['#import'] }, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return found.violations.map(v => `${v.id} (${v.impact}): ${v.nodes.length} × ${v.nodes[0]?.target.join(' ')}`);
  });
  await page.screenshot({ path: `${shots}/import-2-preview.png` });

  // Imported: said as done, the map read again, the undo offered.
  await page.click('#import-run');
  await state('imported');
  await ready();
  result.importedSummary = await page.textContent('#import-summary');
  result.importedRows = await rows();
  result.undoShown = await page.locator('#import-undo').isVisible();
  result.runDisabledAfterImport = await page.isDisabled('#import-run');
  result.resourcesAfter = Number(await page.getAttribute('#map', 'data-resources'));
  await page.screenshot({ path: `${shots}/import-3-imported.png` });

  result.errors = pageErrors;
  return result;
});
