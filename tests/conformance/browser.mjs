// What the browser scripts share: Debian's Chromium driven by playwright-core (no browser is downloaded), the steps'
// result printed as one JSON line, and a screenshot of every open page when a step fails (for the failed test's reader).
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';

export async function browse(shots, steps) {
  mkdirSync(shots, { recursive: true });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
  try {
    console.log(JSON.stringify(await steps(browser)));
  } catch (error) {
    for (const [index, open] of browser.contexts().flatMap(c => c.pages()).entries())
      await open.screenshot({ path: `${shots}/failed-${index}.png` }).catch(() => {});
    throw error;
  } finally {
    await browser.close();
  }
}
