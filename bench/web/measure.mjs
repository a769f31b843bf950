// Measures the web app in Debian's Chromium: time from navigation to a drawn map (first render: the resources and ties,
// data-state "drawn" or "ready"), five times on a warm server, and the frame intervals while the map is dragged for
// three seconds (panning). Beside it, from the page's performance marks (main.ts): how long the resources took to read
// and the map to draw, and the time until the network analysis' roles were drawn (data-state "ready"; null when the
// analysis did not answer within 20 s). Usage: node measure.mjs URL
import { resolve } from 'node:path';
const { chromium } = await import(resolve('tests/conformance/node_modules/playwright-core/index.mjs'));

const url = process.argv[2];
const median = values => {
  const known = values.filter(v => v !== null).sort((a, b) => a - b);
  return known.length ? known[Math.floor(known.length / 2)] : null;
};
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  const renders = [], analysed = [], reading = [], drawing = [], requests = [];
  for (let run = 0; run < 6; run++) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const started = Date.now();
    await page.goto(url);
    await page.waitForSelector('#map[data-state="drawn"], #map[data-state="ready"]', { timeout: 120_000 });
    const drawn = Date.now() - started;
    const ready = await page.waitForSelector('#map[data-state="ready"]', { timeout: 20_000 }).then(() => Date.now() - started, () => null);
    const marks = await page.evaluate(() => {
      const at = name => performance.getEntriesByName(name)[0]?.startTime ?? null;
      const graphql = performance.getEntriesByType('resource').filter(e => e.name.endsWith('/graphql'));
      return { read: at('rm:read'), drawn: at('rm:drawn'), firstRequest: Math.min(...graphql.map(e => e.startTime)), requests: graphql.length };
    });
    if (run > 0) { // the first load warms the server and the browser
      renders.push(drawn);
      analysed.push(ready);
      reading.push(Math.round(marks.read - marks.firstRequest));
      drawing.push(Math.round(marks.drawn - marks.read));
      requests.push(marks.requests);
    }
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
      firstRenderMedianMs: median(renders),
      readMedianMs: median(reading),
      drawMedianMs: median(drawing),
      graphqlRequests: median(requests),
      analysedMs: analysed,
      analysedMedianMs: median(analysed),
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
