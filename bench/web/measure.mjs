// Measures the web app in Debian's Chromium: time from navigation to a drawn map (first render), five times on a warm
// server, and the frame intervals while the map is dragged for three seconds (panning). Usage: node measure.mjs URL
import { resolve } from 'node:path';
const { chromium } = await import(resolve('tests/conformance/node_modules/playwright-core/index.mjs'));

const url = process.argv[2];
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  const renders = [];
  for (let run = 0; run < 6; run++) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const started = Date.now();
    await page.goto(url);
    await page.waitForSelector('#map[data-state="ready"]', { timeout: 120_000 });
    if (run > 0) renders.push(Date.now() - started); // the first load warms the server and the browser
    if (run < 5) { await page.close(); continue; }

    const markers = Number(await page.getAttribute('#map', 'data-markers'));
    await page.evaluate(() => {
      window.__frames = [];
      const tick = t => { window.__frames.push(t); if (window.__frames.length < 100000) requestAnimationFrame(tick); };
      requestAnimationFrame(tick);
    });
    const box = await page.locator('#map').boundingBox();
    const [cx, cy] = [box.x + box.width / 2, box.y + box.height / 2];
    const dragStarted = Date.now();
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    for (let i = 0; Date.now() - dragStarted < 3000; i++) {
      const angle = i / 15;
      await page.mouse.move(cx + 200 * Math.cos(angle), cy + 150 * Math.sin(angle), { steps: 2 });
    }
    await page.mouse.up();
    const frames = await page.evaluate(() => window.__frames);
    const intervals = frames.slice(1).map((t, i) => t - frames[i]).filter(d => d > 0).sort((a, b) => a - b);
    const at = q => intervals[Math.min(intervals.length - 1, Math.floor(q * intervals.length))];
    renders.sort((a, b) => a - b);
    console.log(JSON.stringify({
      markers,
      firstRenderMs: renders,
      firstRenderMedianMs: renders[Math.floor(renders.length / 2)],
      panFrames: intervals.length,
      panFrameMedianMs: Number(at(0.5).toFixed(1)),
      panFrameP95Ms: Number(at(0.95).toFixed(1)),
      panFramesOver50Ms: intervals.filter(d => d > 50).length,
      panFrameMaxMs: Number(intervals[intervals.length - 1].toFixed(1)),
      panFramesPerSecond: Number((1000 * intervals.length / intervals.reduce((a, b) => a + b, 0)).toFixed(1)),
    }));
  }
} finally {
  await browser.close();
}
