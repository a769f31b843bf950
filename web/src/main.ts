import L from "leaflet";
import { NetworkAnalysis } from "./analysis";
import { activityItems, introductionItems, readRecords, type ActorRecords } from "./activities";
import { allResources, graphql, overviewQuery, saveDownload, type Area, type NetworkRoles, type Overview, type Resource, type Scope, type Suggestion } from "./api";
import { byId, el, linkButton } from "./dom";
import { failureText } from "./errors";
import { metricsInWords, reasonsOf, tieItems, tiesBeyond, type NamedTie } from "./details";
import { AdminPage } from "./admin";
import { Editor } from "./editing";
import { byName, FindBox } from "./find";
import { ImportPage } from "./importing";
import { GraphView, loadGraphLibrary } from "./graph";
import { formatDate, kindCodes, kindName, languageChooser, relationshipTypes, t, typeName, type TextKey } from "./i18n";
import { MarkerLayer } from "./markers";
import { IntroductionPaths } from "./paths";
import { Planning } from "./planning";
import { rolesOf } from "./roles";
import { currentUser, mayEdit, roleName, signIn, signOut, useToken } from "./session";
import { kindSymbol } from "./symbols";

interface Config {
  tileUrl: string | null;
  tileAttribution: string;
}

const mapElement = byId("map");
// maxZoom on the map itself: with no tile layer (Web:TileUrl empty) nothing else sets it, and clustering needs it.
const map = L.map(mapElement, { maxZoom: 19 }).setView([56.9, 24.6], 7);
const tieLayer = L.layerGroup().addTo(map);
// Thousands of ties draw on one canvas: as SVG paths they make panning stutter. A small margin around the view: the
// browser rasterises every pixel of every line on it, and a pan shows the rest when it ends.
const tieRenderer = L.canvas({ padding: 0.1 });
/**
 * Above this many ties with an end in view the lines are hairlines of one width: 40,000 lines of each strength's width
 * took the browser seconds to rasterise (at 20,000 resources), and made a grey mass all the same.
 */
const manyTies = 3_000;
/** The drawn ties' ends, four numbers a tie (latitude and longitude of each end), to count those in view. */
let tieEnds = new Float64Array(0);
let tieLines: { strength: number; line: L.Polyline }[] = [];
let hairlines = false;
/** The resources drawn on the map (with a place, through the kind and group filters), by id. */
let placed = new Map<string, Resource>();
/** The selected actor's ties and its suggested ties: a few lines, as SVG so that each carries its class. */
const selectionLayer = L.layerGroup().addTo(map);
let areaShapes: L.Polygon[] = [];
const analysis = new NetworkAnalysis(() => analysed(), error => failed(error));
const markers = new MarkerLayer(map, id => select(id));
const graph = new GraphView(byId("graph"), id => select(id), () => analysis.readCommunities());
const findBox = new FindBox("find", id => select(id));
// The two ends of an introduction path: chosen by name, as a resource is found (a list of 20,000 options is no choice).
const pathFrom = new FindBox("path-from", () => {});
const pathTo = new FindBox("path-to", () => {});
const planning = new Planning(map, () => render());
const paths = new IntroductionPaths(map, id => select(id));
const admin = new AdminPage();
// After an import or its undo the map reads its data again, as after signing in.
const importer = new ImportPage({ changed: () => reload() });
const editor = new Editor({
  resources: () => resources,
  areas: () => overview?.areas.nodes ?? [],
  saved: async id => {
    recordsGeneration++;
    await load();
    select(id);
  },
}, map);

const today = new Date().toISOString().slice(0, 10);
const dayMs = 86_400_000;
/** The part of the network shown and analysed: the day, the area and the tie types chosen. */
const scope: Scope = { asOf: today, areaId: null, relationshipTypes: null };
let resources: Resource[] = [];
let resourcesById = new Map<string, Resource>();
let overview: Overview | null = null;
let selectedId: string | null = null;
let status = (): string => t("loading");
/** The load in force: a later one (another scope, new data) makes the answers to an earlier one stale. */
let loads = 0;
/** Whether the load in force has drawn its resources; the analysis may answer before or after. */
let mapDrawn = false;
/** The analysis' answer the map and graph were drawn with (null: none yet), to redraw them only when a new one comes. */
let drawnWith: NetworkRoles | null = null;
/** The actor whose figures were asked of the analysis last, and when (asked once, even when the answer fails). */
let askedFor = "";
/** An actor was selected whose details have not been shown yet (on a tablet they are scrolled to). */
let detailsToView = false;
/** The lists of actors outside the network show a page at first, and a page more at each "Show more". */
const listPage = 50;
let shownGroups = listPage;
let shownActors = listPage;

async function start(): Promise<void> {
  languageChooser(() => {
    fillOptions();
    if (overview) fillKindLegend();
    graph.renderNote();
    admin.render();
    importer.render();
    render();
  });
  fillOptions();
  byId<HTMLFormElement>("signin-form").addEventListener("submit", event => {
    event.preventDefault();
    const password = byId<HTMLInputElement>("signin-password");
    byId("signin-error").textContent = "";
    signIn(byId<HTMLInputElement>("signin-name").value, password.value).then(signedInOrOut, error => {
      byId("signin-error").textContent = failureText(error);
      password.focus();
    });
    password.value = "";
  });
  // For developers and the browser tests: a token made with `token create`, instead of a password.
  byId<HTMLFormElement>("sign-in").addEventListener("submit", event => {
    event.preventDefault();
    mapElement.dataset.state = "loading";
    useToken(byId<HTMLInputElement>("token").value.trim() || null).then(signedInOrOut, failed);
  });
  byId("signout").addEventListener("click", () => signOut().then(signedInOrOut, failed));
  byId("open-admin").addEventListener("click", () => admin.open().catch(failed));
  byId("open-import").addEventListener("click", () => importer.open());

  byId("view").addEventListener("click", () => {
    const showGraph = byId("graph").hidden;
    byId("graph").hidden = !showGraph;
    mapElement.hidden = showGraph;
    byId("view").dataset.text = showGraph ? "showMap" : "showGraph";
    byId("view").textContent = t(showGraph ? "showMap" : "showGraph");
    if (showGraph) graph.show();
    else {
      map.invalidateSize();
      revealSelected();
    }
  });

  // Kind and target group only hide markers; area and tie types change what is analysed, so the network is read again.
  for (const filter of ["filter-kind", "filter-group"]) byId(filter).addEventListener("change", () => drawNetwork());
  byId("filter-area").addEventListener("change", () => {
    scope.areaId = byId<HTMLSelectElement>("filter-area").value || null;
    reload();
  });
  byId("filter-type").addEventListener("change", () => {
    const type = byId<HTMLSelectElement>("filter-type").value;
    scope.relationshipTypes = type ? [type] : null;
    reload();
  });

  const slider = byId<HTMLInputElement>("as-of");
  slider.addEventListener("input", () => {
    scope.asOf = new Date(Number(slider.value) * dayMs).toISOString().slice(0, 10);
    byId("as-of-day").textContent = formatDate(scope.asOf);
  });
  slider.addEventListener("change", () => reload());

  byId("what-if-closed").addEventListener("click", () => {
    if (selectedId) planning.whatIfClosed(selectedId).catch(failed);
  });
  byId<HTMLFormElement>("planning").addEventListener("submit", event => {
    event.preventDefault();
    planning.showUnderServed().catch(failed);
  });
  byId("show-grid").addEventListener("click", () => planning.showGrid().catch(failed));
  byId("suggest-places").addEventListener("click", () => planning.suggestPlaces().catch(failed));
  byId("export-gpkg").addEventListener("click", () => planning.downloadGeoPackage().catch(failed));

  byId<HTMLFormElement>("introduction").addEventListener("submit", event => {
    event.preventDefault();
    const [from, to] = [pathFrom.value, pathTo.value];
    if (from && to) paths.find(scope, from, to).catch(failed);
  });

  byId("add-resource").addEventListener("click", () => editor.startAdding());
  byId("edit-resource").addEventListener("click", () => {
    if (selectedId) editor.editResource(selectedId).catch(failed);
  });
  byId("add-tie").addEventListener("click", () => {
    if (selectedId) editor.addTie(selectedId);
  });
  byId("add-activity").addEventListener("click", () => {
    if (selectedId) editor.addActivity(selectedId);
  });
  byId("add-introduction").addEventListener("click", () => {
    if (selectedId) editor.addIntroduction(selectedId).catch(failed);
  });

  byId("isolated-groups-more").addEventListener("click", () => {
    shownGroups += listPage;
    render();
  });
  byId("isolated-actors-more").addEventListener("click", () => {
    shownActors += listPage;
    render();
  });

  byId("report-from").setAttribute("value", new Date(Date.now() - 365 * dayMs).toISOString().slice(0, 10));
  byId("report-to").setAttribute("value", today);
  byId<HTMLFormElement>("report").addEventListener("submit", event => {
    event.preventDefault();
    const query = new URLSearchParams({ from: byId<HTMLInputElement>("report-from").value, to: byId<HTMLInputElement>("report-to").value });
    if (scope.areaId) query.set("areaId", scope.areaId);
    window.open(`report.html?${query}`, "_blank");
  });

  for (const format of ["gexf", "graphml"] as const)
    byId(`export-${format}`).addEventListener("click", () => {
      byId("network-files-error").textContent = "";
      saveDownload(networkFilePath(format), `network.${format}`).catch(error => {
        console.error(error);
        byId("network-files-error").textContent = failureText(error);
      });
    });

  await useToken(null); // the session kept over a reload, if the server still takes it
  const config = fetch("/app/config").then(response => response.json() as Promise<Config>);
  await load(true);
  const { tileUrl, tileAttribution } = await config;
  if (tileUrl) L.tileLayer(tileUrl, { attribution: tileAttribution, maxZoom: 19 }).addTo(map);
  drawAreas(overview!.areas.nodes);
  fillOptions();
  // The graph's library, read while the worker looks at the map.
  setTimeout(() => loadGraphLibrary(), 1_000);
}

/** Signed in, a viewer or worker reads more (sensitive resources of their municipalities); signed out, less: read again. */
function signedInOrOut(): void {
  editor.close();
  admin.close();
  importer.reset();
  byId<HTMLFormElement>("signin-form").reset();
  reload();
  renderUser();
}

function reload(): void {
  mapElement.dataset.state = "loading";
  load().catch(failed);
}

/**
 * Reads the network of the scope again (after a change of scope or data) and draws it: the resources and ties as soon
 * as they are read, the roles when the analysis answers (at 20,000 actors the analysis can take the server longer).
 */
async function load(fit = false): Promise<void> {
  const load = ++loads;
  mapDrawn = false;
  analysis.forget();
  const [read, all] = await Promise.all([graphql<Overview>(overviewQuery), allResources(scope)]);
  if (load !== loads) return;
  // The analysis is asked once the resources are read: a network the server has not analysed yet keeps its processors
  // busy for a while, and the first view needs the resources more than their roles.
  analysis.read(scope);
  // Marks for bench/web/measure.mjs: how much of a load is reading, and how much drawing.
  performance.mark("rm:read");
  [overview, resources] = [read, all];
  resourcesById = new Map(resources.map(r => [r.id, r]));
  setUpSlider(overview.earliest.nodes[0]?.since ?? today);
  // The first view is set before anything is drawn: drawn at the country's zoom and again at theirs took twice as long.
  if (fit) fitTo(resources);
  paths.clear();
  fillActors();
  drawNetwork();
  mapDrawn = true;
  render();
  performance.mark("rm:drawn");
}

/** The analysis answered, or is still updating: the roles on the map and in the graph, the lists of who is outside. */
function analysed(): void {
  if (analysis.roles !== drawnWith) shownGroups = shownActors = listPage;
  if (mapDrawn) drawRoles(analysis.roles !== drawnWith);
  render();
}

/**
 * Colours the markers and the graph by the roles known (none before the analysis answers) when `redraw`, and says how
 * ready the map is: "drawn" with the resources and ties, "ready" with the roles too.
 */
function drawRoles(redraw: boolean): void {
  if (redraw) {
    const roles = analysis.roles ? rolesOf(analysis.roles) : null;
    markers.draw(placed, roles);
    graph.draw(resources, roles);
    drawnWith = analysis.roles;
  }
  mapElement.dataset.isolatedGroups = analysis.roles ? String(analysis.roles.isolatedGroups.length) : "";
  mapElement.dataset.analysis = analysis.state;
  mapElement.dataset.state = analysis.roles ? "ready" : "drawn";
  if (analysis.roles) performance.mark("rm:ready");
}

/** The slider runs from the first day a tie began to today, a day a step. */
function setUpSlider(earliest: string): void {
  const slider = byId<HTMLInputElement>("as-of");
  slider.min = String(Math.floor(Date.parse(earliest) / dayMs));
  slider.max = String(Math.floor(Date.parse(today) / dayMs));
  slider.value = String(Math.floor(Date.parse(scope.asOf) / dayMs));
  byId("as-of-day").textContent = formatDate(scope.asOf);
}

/** Boundaries are the base layer: the map stays readable with no tiles at all (offline, or a blocked tile server). */
function drawAreas(areas: Area[]): void {
  const shapes = areas.filter(a => a.boundary !== null).map(a => ({
    type: "Feature" as const,
    properties: { name: a.name, kind: a.kind },
    geometry: a.boundary as GeoJSON.Geometry,
  }));
  L.geoJSON({ type: "FeatureCollection", features: shapes } as GeoJSON.FeatureCollection, {
    style: feature => ({
      color: "#374151",
      weight: feature?.properties.kind === "MUNICIPALITY" || feature?.properties.kind === "CITY" ? 2 : 1,
      fillColor: "#f3f4f6",
      fillOpacity: 0.35,
    }),
    // The names stay on the map: without tiles they are all that says where the worker is looking.
    onEachFeature: (feature, shape) => {
      shape.bindTooltip(feature.properties.name, { permanent: true, direction: "top", className: "rm-area-label" });
      areaShapes.push(shape as L.Polygon);
    },
  }).addTo(map).bringToBack();
  // Each name on the top edge of its area, like a name tag: at the centre it would cover the markers.
  for (const shape of areaShapes) {
    const bounds = shape.getBounds();
    shape.openTooltip(L.latLng(bounds.getNorth(), bounds.getCenter().lng));
  }
  map.on("zoomend", labelAreas);
  labelAreas();
}

/**
 * Names the areas whose names do not cover one another, larger areas first; an area much larger than the view is
 * left unnamed (its name would be far from what is seen).
 */
function labelAreas(): void {
  const width = (shape: L.Polygon) => {
    const bounds = shape.getBounds();
    return map.latLngToContainerPoint(bounds.getNorthEast()).x - map.latLngToContainerPoint(bounds.getSouthWest()).x;
  };
  const named: DOMRect[] = [];
  for (const shape of [...areaShapes].sort((a, b) => width(b) - width(a))) {
    const label = shape.getTooltip()?.getElement();
    if (!label) continue;
    label.hidden = false;
    const box = label.getBoundingClientRect();
    label.hidden = width(shape) > map.getSize().x * 3 || named.some(n => box.left < n.right && n.left < box.right && box.top < n.bottom && n.top < box.bottom);
    if (!label.hidden) named.push(box);
  }
}

/** Where the resources are: the first view shows them all, not every area (a country without resources is no use). */
function fitTo(shown: Resource[]): void {
  const points = shown.filter(r => r.latitude !== null && r.longitude !== null).map(r => L.latLng(r.latitude!, r.longitude!));
  if (points.length > 0) map.fitBounds(L.latLngBounds(points), { padding: [30, 30], maxZoom: 14, animate: false });
}

function drawNetwork(): void {
  const kind = byId<HTMLSelectElement>("filter-kind").value;
  const group = byId<HTMLSelectElement>("filter-group").value;
  placed = new Map(resources
    .filter(r => r.latitude !== null && r.longitude !== null && (!kind || r.kind === kind) && (!group || r.targetGroups.includes(group)))
    .map(r => [r.id, r]));

  // Ties first, under the markers; each once, thicker for stronger: one line of many segments per strength, so that
  // Leaflet keeps five layers instead of one per tie (40,000 at 20,000 resources) and the canvas strokes five paths.
  tieLayer.clearLayers();
  const seen = new Set<string>();
  const byStrength = new Map<number, L.LatLngTuple[][]>();
  const ends: number[] = [];
  let drawn = 0;
  for (const resource of placed.values())
    for (const tie of resource.relationships) {
      if (seen.has(tie.id)) continue;
      seen.add(tie.id);
      const a = placed.get(tie.source.id);
      const b = placed.get(tie.target.id);
      if (!a || !b) continue; // an end without a place: the tie is in the panel's count, not on the map
      if (!byStrength.has(tie.strength)) byStrength.set(tie.strength, []);
      byStrength.get(tie.strength)!.push([[a.latitude!, a.longitude!], [b.latitude!, b.longitude!]]);
      ends.push(a.latitude!, a.longitude!, b.latitude!, b.longitude!);
      drawn++;
    }
  tieEnds = Float64Array.from(ends);
  hairlines = tiesInView() > manyTies;
  tieLines = [...byStrength].map(([strength, segments]) => ({
    strength,
    line: L.polyline(segments, { ...tieStyle(strength), color: "#6b7280", renderer: tieRenderer, interactive: false }),
  }));
  for (const { line } of tieLines) tieLayer.addLayer(line);

  drawRoles(true);
  drawSelection();
  fillKindLegend();
  mapElement.dataset.selected = selectedId && placed.has(selectedId) ? selectedId : "";
  mapElement.dataset.markers = String(placed.size);
  mapElement.dataset.resources = String(resources.length);
  mapElement.dataset.ties = String(drawn);
  mapElement.dataset.tieLines = hairlines ? "hairlines" : "by-strength";
  mapElement.dataset.asOf = scope.asOf;
  graph.select(selectedId);
  const unplaced = resources.length - placed.size;
  status = () => t("loaded", { resources: resources.length, ties: seen.size }) + (unplaced > 0 ? " " + t("noPlace", { count: unplaced }) : "");
}

const tieStyle = (strength: number): L.PathOptions => (hairlines ? { weight: 1, opacity: 0.35 } : { weight: 1 + strength, opacity: 0.6 });

/** How many ties have an end in view. */
function tiesInView(): number {
  const bounds = map.getBounds();
  const [south, west, north, east] = [bounds.getSouth(), bounds.getWest(), bounds.getNorth(), bounds.getEast()];
  const inView = (i: number) => tieEnds[i] >= south && tieEnds[i] <= north && tieEnds[i + 1] >= west && tieEnds[i + 1] <= east;
  let count = 0;
  for (let i = 0; i < tieEnds.length; i += 4) if (inView(i) || inView(i + 2)) count++;
  return count;
}

// Zoomed in to fewer ties, each shows its strength again; zoomed out to many, they turn to hairlines.
map.on("moveend", () => {
  const many = tiesInView() > manyTies;
  if (many === hairlines) return;
  hairlines = many;
  for (const { strength, line } of tieLines) line.setStyle(tieStyle(strength));
  mapElement.dataset.tieLines = hairlines ? "hairlines" : "by-strength";
});

/** Shows the selected actor's marker ringed, in view and out of its cluster (zoomed in to where it parts), once the map is visible. */
function revealSelected(): void {
  const at = selectedId ? markers.placeOf(selectedId) : null;
  mapElement.dataset.selected = at ? selectedId! : "";
  if (!at || mapElement.hidden) return;
  // No deeper than a neighbourhood (zoom 16, about a kilometre across): the selected marker is drawn on its own in
  // any case, and the view keeps the names of the areas around it.
  const zoom = Math.min(markers.zoomShowing(selectedId!), 16);
  if (zoom > map.getZoom()) map.setView(at, zoom);
  else map.panInside(at, { padding: [40, 40] });
}

function select(id: string): void {
  selectedId = id;
  markers.select(id);
  graph.select(id);
  findBox.show(id);
  pathFrom.show(id);
  detailsToView = true;
  render();
  revealSelected();
}

/** Everything in the panel, in the current language. */
function render(): void {
  byId("status").textContent = status();
  byId("as-of-day").textContent = formatDate(scope.asOf);
  const note = byId("analysis-note");
  note.hidden = analysis.state === "current";
  note.textContent = analysis.state === "current" ? "" : t(analysis.state === "pending" ? "analysis.pending" : "analysis.updating");
  byId("legend-pending").hidden = analysis.roles !== null;
  findBox.render();
  pathFrom.render();
  pathTo.render();
  renderUser();
  planning.render();
  paths.render();
  renderOutside();
  if (!overview) return;

  const resource = selectedId ? resourcesById.get(selectedId) : undefined;
  if (!resource) {
    byId("details").hidden = true;
    drawSelection();
    return;
  }
  const facts = analysis.factsOf(resource.id);
  if (analysis.roles && !facts) {
    // The panel keeps what it shows until the actor's figures come, then says it all at once.
    if (askedFor !== `${analysis.generation} ${resource.id}`) {
      askedFor = `${analysis.generation} ${resource.id}`;
      analysis.readActor(resource.id).then(known => {
        if (known && selectedId === resource.id) render();
      }, failed);
    }
    return;
  }
  byId("details").hidden = false;
  // On a tablet the panel is under the map: the details of an actor just selected are brought into view.
  if (detailsToView && matchMedia("(max-width: 800px)").matches) byId("details").scrollIntoView({ block: "start" });
  detailsToView = false;
  const role = analysis.roles ? t(`role.${rolesOf(analysis.roles).get(resource.id) ?? "other"}` as TextKey) : t("role.pending");
  byId("details-name").textContent = resource.name;
  byId("details-kind").textContent = `${kindName(resource.kind)} · ${role}`;
  byId("details-metrics").replaceChildren(...(facts ? metricsInWords(facts) : [t("metrics.pending")]).map(text => el("li", { textContent: text })));
  byId("details-ties").textContent = t("ties", { count: resource.relationships.length });
  byId("tie-list").replaceChildren(...tieItems(resource.id, resource.relationships, id => resourcesById.get(id)?.name, typeName, editTie(resource.id)));
  byId("closure").textContent = planning.closureText(resource.id);
  renderRecords(resource.id);
  renderTiesBeyond(resource.id);

  const { members, suggestions } = analysis.suggestionsFor(resource.id);
  byId("suggestions-none").hidden = suggestions.length > 0;
  byId("suggestions").replaceChildren(...suggestions.map(s => suggestionItem(members, s)));
  drawSelection();
}

/** The isolated groups and the actors without ties, a page of each at first: at 20,000 actors there are hundreds. */
function renderOutside(): void {
  const groups = analysis.roles?.isolatedGroups ?? [];
  const actors = analysis.roles?.isolatedActors ?? [];
  byId("isolated-groups").replaceChildren(...groups.slice(0, shownGroups).map(group =>
    el("li", {}, ...group.resources.flatMap(member => [linkButton(member.name, () => select(member.id)), " "]))));
  byId("isolated-none").hidden = !analysis.roles || groups.length > 0;
  byId("isolated-actors").replaceChildren(...actors.slice(0, shownActors).map(actor => el("li", {}, linkButton(actor.name, () => select(actor.id)))));
  byId("isolated-actors-none").hidden = !analysis.roles || actors.length > 0;
  for (const [id, left] of [["isolated-groups-more", groups.length - shownGroups], ["isolated-actors-more", actors.length - shownActors]] as const) {
    byId(id).hidden = left <= 0;
    byId(id).textContent = t("more", { count: Math.min(left, listPage) });
  }
}

/** The selected actor's ties drawn over the others, and the ties suggested for it (or its group) dashed. */
function drawSelection(): void {
  selectionLayer.clearLayers();
  const resource = selectedId ? placed.get(selectedId) : undefined;
  let selectedTies = 0;
  let suggestedTies = 0;
  if (resource) {
    const line = (a: Resource, b: Resource, style: L.PolylineOptions) =>
      selectionLayer.addLayer(L.polyline([[a.latitude!, a.longitude!], [b.latitude!, b.longitude!]], { interactive: false, ...style }));
    for (const tie of resource.relationships) {
      const partner = placed.get(tie.source.id === resource.id ? tie.target.id : tie.source.id);
      if (!partner) continue;
      line(resource, partner, { className: "rm-selected-tie", color: "#111827", weight: 2 + tie.strength, opacity: 0.9 });
      selectedTies++;
    }
    for (const s of analysis.suggestionsFor(resource.id).suggestions) {
      const [a, b] = [placed.get(s.from.id), placed.get(s.to.id)];
      if (!a || !b) continue;
      line(a, b, { className: "rm-suggested-tie", color: "#15803d", weight: 3, opacity: 0.95, dashArray: "8 6" });
      suggestedTies++;
    }
  }
  mapElement.dataset.selectedTies = String(selectedTies);
  mapElement.dataset.suggestedTies = String(suggestedTies);
}

/** The kinds of the resources shown, each with its symbol and word, in the page's language. */
function fillKindLegend(): void {
  const inUse = kindCodes.filter(kind => resources.some(r => r.kind === kind));
  byId("legend-kinds").replaceChildren(...inUse.map(kind => {
    const symbol = el("span", { className: "rm-marker rm-kind" });
    symbol.innerHTML = kindSymbol(kind);
    return el("li", {}, symbol, el("span", { textContent: kindName(kind) }));
  }));
}

/** The actor's activities and introductions, read when it is selected (and after each save, which reloads). */
let records: { id: string; generation: number; value: ActorRecords | null } | null = null;
let recordsGeneration = 0;

function renderRecords(id: string): void {
  if (records?.id !== id || records.generation !== recordsGeneration) {
    const asked = { id, generation: recordsGeneration, value: null as ActorRecords | null };
    records = asked;
    readRecords(id).then(value => {
      asked.value = value;
      if (records === asked && selectedId === id) renderRecords(id);
    }, failed);
  }
  const value = records.value ?? { activities: [], introductions: [] };
  byId("activity-list").replaceChildren(...activityItems(value, mayEdit() ? activityId => editor.editActivity(id, activityId).catch(failed) : null));
  byId("introduction-list").replaceChildren(...introductionItems(id, value, mayEdit() ? introductionId => editor.editIntroduction(id, introductionId).catch(failed) : null));
}

/** The action on a listed tie of the owner: its form, for those who may edit. */
function editTie(ownerId: string): ((tieId: string) => void) | null {
  return mayEdit() ? tieId => editor.editTie(ownerId, tieId).catch(failed) : null;
}

/**
 * The selected actor's ties beyond the chosen area, read once per actor and load (a load follows every change of scope
 * or data), once that load's resources are in: they tell which partners are in the area.
 */
let beyond: { key: string; ties: NamedTie[] | null } | null = null;

function renderTiesBeyond(id: string): void {
  const key = `${id} ${loads}`;
  if (scope.areaId && mapDrawn && beyond?.key !== key) {
    const asked = { key, ties: null as NamedTie[] | null };
    beyond = asked;
    const inArea = resourcesById;
    tiesBeyond(id, scope, partner => inArea.has(partner)).then(ties => {
      asked.ties = ties;
      if (beyond === asked && selectedId === id) renderTiesBeyond(id);
    }, failed);
  }
  const ties = (beyond?.key === key ? beyond.ties : null) ?? [];
  const names = new Map(ties.flatMap(tie => [[tie.source.id, tie.source.name], [tie.target.id, tie.target.name]]));
  byId("details-beyond").hidden = ties.length === 0;
  byId("details-beyond").textContent = t("tiesBeyond", { count: ties.length });
  byId("beyond-list").replaceChildren(...tieItems(id, ties, partner => names.get(partner), typeName, editTie(id)));
}

function suggestionItem(members: Set<string>, suggestion: Suggestion): HTMLLIElement {
  const [inside, other] = members.has(suggestion.from.id) ? [suggestion.from, suggestion.to] : [suggestion.to, suggestion.from];
  const reasons = el("ul", {}, ...reasonsOf(suggestion).map(text => el("li", { textContent: text })));
  const item = el("li", {}, el("strong", { textContent: members.size > 1 ? `${inside.name} — ${other.name}` : other.name }), reasons);
  if (mayEdit()) {
    // The tie form, filled in: the worker may change its type and strength, or give a day and a note, before saving.
    const record = el("button", { type: "button", className: "record", textContent: t("recordTie") });
    record.addEventListener("click", () => editor.addTie(inside.id, other.id));
    // Or first the introduction: the worker brings them together, and records the tie when it forms.
    const introduce = el("button", { type: "button", className: "record", textContent: t("recordIntroduction") });
    introduce.addEventListener("click", () => editor.addIntroduction(inside.id, other.id).catch(failed));
    item.append(record, " ", introduce);
  }
  return item;
}

/** The options named in the page's language (kinds, tie types, areas); the choices are kept. */
function fillOptions(): void {
  refill("filter-kind", [["", t("all")], ...kindCodes.map(code => [code, kindName(code)] as [string, string])]);
  refill("filter-type", [["", t("all")], ...relationshipTypes.map(type => [type, typeName(type)] as [string, string])]);
  refill("filter-area", [["", t("allAreas")], ...areaTree()]);
  refill("plan-area", [["", t("allAreas")], ...areaTree().filter(([id]) => overview?.areas.nodes.find(a => a.id === id)?.boundary)]);
}

/** The actors to go to or to find a path between, by name. */
function fillActors(): void {
  const actors = resources.map(r => ({ id: r.id, name: r.name })).sort((a, b) => byName(a.name, b.name));
  for (const box of [findBox, pathFrom, pathTo]) {
    const chosen = box === findBox ? selectedId : box.value;
    box.setResources(actors);
    box.show(chosen);
  }
}

function refill(id: string, options: [string, string][]): void {
  const select = byId<HTMLSelectElement>(id);
  const chosen = select.value;
  select.replaceChildren(...options.map(([value, text]) => new Option(text, value)));
  select.value = options.some(([value]) => value === chosen) ? chosen : "";
}

/** Areas under their parents, indented by depth: "Cēsu novads", "  Zosēnu pagasts". */
function areaTree(): [string, string][] {
  const areas = overview?.areas.nodes ?? [];
  const children = new Map<string | null, Area[]>();
  for (const area of areas) {
    const parent = area.parent && areas.some(a => a.id === area.parent!.id) ? area.parent.id : null;
    children.set(parent, [...(children.get(parent) ?? []), area]);
  }
  const rows: [string, string][] = [];
  const walk = (parent: string | null, depth: number): void => {
    for (const area of (children.get(parent) ?? []).sort((a, b) => a.name.localeCompare(b.name))) {
      rows.push([area.id, "\u00a0\u00a0".repeat(depth) + area.name]);
      walk(area.id, depth + 1);
    }
  };
  walk(null, 0);
  return rows;
}

/** Who is signed in, in the bar; what they may do, in the panel. */
function renderUser(): void {
  const user = currentUser();
  byId("signin-form").hidden = user !== null;
  byId("signed-in-as").hidden = user === null;
  byId("who").textContent = user ? t("signedInAs", { name: user.name, role: [roleName(user.role), ...user.municipalities].join(", ") }) : "";
  byId("signed-in-as").dataset.role = user?.role ?? "";
  byId("open-admin").hidden = user?.role !== "ADMIN";
  byId("open-import").hidden = !mayEdit();
  byId("sign-in-state").textContent = t(!user ? "signedOut" : mayEdit() ? "signedIn" : "signedInViewer");
  for (const element of document.querySelectorAll<HTMLElement>(".signed-in")) element.hidden = !mayEdit();
}

/**
 * The network of the map's scope as a file: its area and tie type, and the day the slider shows when it is not today
 * (then that day's ties alone; else every tie with its dates, for Gephi's timeline).
 */
function networkFilePath(format: "gexf" | "graphml"): string {
  const query = new URLSearchParams();
  if (scope.areaId) query.set("areaId", scope.areaId);
  if (scope.asOf !== today) query.set("day", scope.asOf);
  if (scope.relationshipTypes) query.set("types", scope.relationshipTypes.join(","));
  return `/export/network.${format}${query.size > 0 ? `?${query}` : ""}`;
}

function failed(error: Error): void {
  console.error(error);
  mapElement.dataset.state = "failed";
  status = () => failureText(error);
  render();
}

start().catch(failed);
