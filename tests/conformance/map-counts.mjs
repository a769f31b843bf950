// Opens the map as an anonymous visitor and says, as one JSON line, how many markers and ties it draws, once the
// network's roles are drawn too. Usage: node map-counts.mjs URL SCREENSHOT_FOLDER
import { browse } from './browser.mjs';

const [url, shots] = process.argv.slice(2);
await browse(shots, async browser => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors = [];
  page.on('pageerror', e => errors.push(e.message));
  await page.goto(url);
  await page.waitForSelector('#map[data-state="ready"]', { timeout: 30_000 });
  const markers = Number(await page.getAttribute('#map', 'data-markers'));
  const ties = Number(await page.getAttribute('#map', 'data-ties'));
  await page.screenshot({ path: `${shots}/map-counts.png` });
  return { markers, ties, errors };
});
