// Walks the web app in Debian's Chromium with playwright-core (no browser download), saving a screenshot of each step
// and printing what the tests check as one JSON line. Usage: node browse.mjs URL SCREENSHOT_FOLDER [WORKER_TOKEN]
import { browse, signInWithToken } from './browser.mjs';

const [url, shots, token] = process.argv.slice(2);
await browse(shots, async browser => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors = [];
  page.on('pageerror', e => errors.push(e.message));
  const result = {};

  const started = Date.now();
  await page.goto(url);
  await page.waitForSelector('#map[data-state="ready"]', { timeout: 30_000 });
  result.firstRenderMs = Date.now() - started;
  result.markers = Number(await page.getAttribute('#map', 'data-markers'));
  result.ties = Number(await page.getAttribute('#map', 'data-ties'));
  result.markerIcons = await page.locator('.leaflet-marker-icon').count();
  result.boundaries = await page.locator('path.leaflet-interactive').count();
  result.language = await page.getAttribute('html', 'lang');
  result.title = await page.textContent('h1');
  // The legend's kinds and lines, the areas named on the map, the actors outside the network not in a cluster.
  result.legendKinds = await page.locator('#legend-kinds li').allTextContents();
  result.legendLines = await page.locator('#legend-lines li').count();
  result.areaLabels = await page.locator('.rm-area-label:not([hidden])').allTextContents();
  result.isolatedMarkers = await page.locator('.leaflet-marker-icon .rm-marker.role-isolated, .leaflet-marker-icon .rm-marker.role-isolatedGroup').count();
  await page.screenshot({ path: `${shots}/1-map-latvian.png` });

  await page.selectOption('#language', 'en');
  result.languageAfterSwitch = await page.getAttribute('html', 'lang');
  result.titleAfterSwitch = await page.textContent('h1');
  result.legendAfterSwitch = await page.textContent('#legend h2');
  await page.screenshot({ path: `${shots}/2-map-english.png` });

  // A bridging actor, shown on its own (not in a cluster) at the first view of the demo.
  const bridging = page.locator('.rm-marker.role-bridging').first();
  if (await bridging.count() > 0) {
    await bridging.click();
    await page.waitForSelector('#details:not([hidden])'); // the panel shows the actor with its figures, once they are read
    result.selectedName = await page.textContent('#details-name');
    result.selectedMetrics = await page.locator('#details-metrics li').allTextContents();
    await page.screenshot({ path: `${shots}/3-bridging-actor.png` });
  }
  // The network view: the same actors as a graph, with the actor selected on the map selected there too.
  await page.click('#view');
  await page.waitForSelector('#graph[data-state="ready"]:not([hidden])'); // Cytoscape.js is loaded apart from the map
  result.graphNodes = Number(await page.getAttribute('#graph', 'data-nodes'));
  result.graphSelected = await page.getAttribute('#graph', 'data-selected');
  result.selectedId = await page.evaluate(() => document.querySelector('#details-name')?.textContent);
  await page.screenshot({ path: `${shots}/4-network-view.png` });
  // And the other way: a tap on a node in the graph selects that actor, then a tap on the first selects it again.
  const tapNode = async id => {
    const at = await page.evaluate(nodeId => {
      const element = document.getElementById('graph');
      const position = element.cytoscape.getElementById(nodeId).renderedPosition();
      const box = element.getBoundingClientRect();
      return { x: box.left + position.x, y: box.top + position.y };
    }, id);
    await page.mouse.click(at.x, at.y);
  };
  const other = await page.evaluate(selected => document.getElementById('graph').cytoscape.nodes().filter(n => n.id() !== selected)[0].data(), result.graphSelected);
  await tapNode(other.id);
  await page.waitForFunction(name => document.getElementById('details-name').textContent === name, other.label);
  result.graphTapped = { label: other.label, selected: await page.textContent('#details-name'), graphSelected: await page.getAttribute('#graph', 'data-selected') };
  await tapNode(result.graphSelected);
  await page.waitForFunction(id => document.getElementById('graph').dataset.selected === id, result.graphSelected);
  await page.click('#view');
  await page.waitForSelector('#map:not([hidden])');
  await page.waitForSelector('.rm-marker.selected');
  result.mapSelectedAfterGraph = await page.getAttribute('#map', 'data-selected');
  result.selectedMarkerTitle = await page.locator('.leaflet-marker-icon:has(.rm-marker.selected)').getAttribute('title');

  // The date slider: the network on a day before the pilot, then today again.
  const moveSlider = async day => {
    await page.evaluate(d => {
      const slider = document.getElementById('as-of');
      slider.value = String(Math.floor(Date.parse(d) / 86_400_000));
      slider.dispatchEvent(new Event('input'));
      slider.dispatchEvent(new Event('change'));
    }, day);
    await page.waitForSelector(`#map[data-state="ready"][data-as-of="${day}"]`);
  };
  await moveSlider('2022-08-01');
  result.tiesOnEarlierDay = Number(await page.getAttribute('#map', 'data-ties'));
  result.sliderDay = await page.textContent('#as-of-day');
  await page.screenshot({ path: `${shots}/5-network-on-2022-08-01.png` });
  await moveSlider(new Date().toISOString().slice(0, 10));
  result.tiesToday = Number(await page.getAttribute('#map', 'data-ties'));

  // Planning: the under-served layer for seniors within 1 km.
  await page.selectOption('#target-group', 'seniors');
  await page.fill('#distance', '1000');
  await page.click('#planning button');
  await page.waitForSelector('#map[data-under-served]');
  result.underServedCount = Number(await page.getAttribute('#map', 'data-under-served'));
  result.underServedItems = await page.locator('#under-served li').allTextContents();
  await page.screenshot({ path: `${shots}/6-under-served-seniors.png` });
  await page.click('#what-if-closed');
  await page.waitForFunction(() => document.getElementById('closure').textContent !== '');
  result.closure = await page.textContent('#closure');

  // The kind filter: libraries only, then all again.
  await page.selectOption('#filter-kind', 'LIBRARY');
  result.libraryMarkers = Number(await page.getAttribute('#map', 'data-markers'));
  await page.selectOption('#filter-kind', '');
  result.markersUnfiltered = Number(await page.getAttribute('#map', 'data-markers'));

  // A worker signs in, opens an isolated group's first member, and records the first tie suggested for it.
  if (token) {
    await signInWithToken(page, token);
    await page.waitForSelector('#map[data-state="ready"]');
    const group = page.locator('#isolated-groups li').first();
    result.isolatedGroupsBefore = await page.locator('#isolated-groups li').count();
    result.groupMember = await group.locator('button').first().textContent();
    await group.locator('button').first().click();
    await page.waitForFunction(name => document.getElementById('details-name').textContent === name, result.groupMember);
    await page.waitForSelector('#suggestions li');
    result.suggestedTie = await page.textContent('#suggestions > li strong');
    result.suggestionReasons = await page.locator('#suggestions > li').first().locator('ul li').allTextContents();
    result.suggestedTieLines = await page.locator('path.rm-suggested-tie').count();
    await page.screenshot({ path: `${shots}/7-suggestion.png` });
    await page.locator('#suggestions button.record').first().click(); // opens the tie form, filled in
    await page.waitForSelector('#editor:not([hidden])');
    await page.click('#editor-form button[type=submit]');
    await page.waitForFunction(n => document.querySelectorAll('#isolated-groups li').length < n, result.isolatedGroupsBefore, { timeout: 15_000 });
    result.isolatedGroupsAfter = await page.locator('#isolated-groups li').count();
    result.recordErrors = (await page.locator('#editor .error').allTextContents()).filter(Boolean);
    await page.screenshot({ path: `${shots}/8-tie-recorded.png` });
  }
  result.errors = errors;
  return result;
});
