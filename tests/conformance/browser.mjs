// What the browser scripts share: Debian's Chromium driven by playwright-core (no browser is downloaded), the steps'
// result printed as one JSON line, and a screenshot of every open page when a step fails (for the failed test's reader).
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';

/**
 * Chooses a resource in one of the map's comboboxes of resources ("Find a resource" by default, or an end of the
 * introduction path) as a worker does: types part of its name, folded as people type it (no diacritics, lower case),
 * and clicks its option. The name is read from the API by the id.
 */
export async function find(page, id, box = 'find') {
  const name = await page.evaluate(async nodeId => {
    const response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(sessionStorage.getItem('token') ? { authorization: `Bearer ${sessionStorage.getItem('token')}` } : {}) },
      body: JSON.stringify({ query: 'query($id: ID!) { node(id: $id) { ... on Resource { name } } }', variables: { id: nodeId } }),
    });
    return (await response.json()).data.node.name;
  }, id);
  await page.fill(`#${box}`, name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().slice(0, 12));
  await page.click(`#${box}-options [role=option][data-id="${id}"]`);
  await page.waitForFunction(([input, chosen]) => document.getElementById(input).dataset.id === chosen, [box, id]);
}

/** Signs in with a token from `token create` through the page's developer option (people sign in with a password). */
export async function signInWithToken(page, token) {
  if (!(await page.locator('#api-token').evaluate(details => details.open))) await page.click('#api-token summary');
  await page.fill('#token', token);
  await page.click('#sign-in button');
}

/**
 * Runs the steps with Debian's Chromium. Its pages and contexts are those of a browser set to Latvian (lv-LV) unless a
 * step asks for another locale: the web app follows the browser's languages on a first visit, and most scripts read
 * the Latvian page as a worker in Latvia sees it.
 */
export async function browse(shots, steps) {
  mkdirSync(shots, { recursive: true });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
  const inLatvian = {
    newPage: (options = {}) => browser.newPage({ locale: 'lv-LV', ...options }),
    newContext: (options = {}) => browser.newContext({ locale: 'lv-LV', ...options }),
    contexts: () => browser.contexts(),
  };
  try {
    console.log(JSON.stringify(await steps(inLatvian)));
  } catch (error) {
    for (const [index, open] of browser.contexts().flatMap(c => c.pages()).entries())
      await open.screenshot({ path: `${shots}/failed-${index}.png` }).catch(() => {});
    throw error;
  } finally {
    await browser.close();
  }
}
