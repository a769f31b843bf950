import L from "leaflet";
import "leaflet.markercluster";
import { allResources, closureQuery, createTie, graphql, GraphQLError, overviewQuery, underServedQuery, type ClosureImpact, type Area, type Overview, type Resource, type Suggestion, type UnderServedArea } from "./api";
import { currentLanguage, kindCodes, kindName, setLanguage, t, type TextKey } from "./i18n";
import { GraphView } from "./graph";
import { roleColours, rolesOf, type Role } from "./roles";

interface Config {
  tileUrl: string | null;
  tileAttribution: string;
}

const byId = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
const mapElement = byId("map");
// maxZoom on the map itself: with no tile layer (Web:TileUrl empty) nothing else sets it, and clustering needs it.
const map = L.map(mapElement, { maxZoom: 19 }).setView([56.9, 24.6], 7);
const networkLayer = L.layerGroup().addTo(map);
// Thousands of ties draw on one canvas: as SVG paths they make panning stutter.
const tieRenderer = L.canvas({ padding: 0.5 });
const graph = new GraphView(byId("graph"), id => select(id));
const planningLayer = L.layerGroup().addTo(map);
let underServed: UnderServedArea[] | null = null;

const today = new Date().toISOString().slice(0, 10);
const dayMs = 86_400_000;
let asOf = today;
let resources: Resource[] = [];
let overview: Overview | null = null;
let selectedId: string | null = null;
let status = (): string => t("loading");

async function start(): Promise<void> {
  setLanguage(currentLanguage());
  fillKinds();
  byId("language").addEventListener("click", () => {
    setLanguage(currentLanguage() === "lv" ? "en" : "lv");
    fillKinds();
    render();
  });
  byId<HTMLFormElement>("sign-in").addEventListener("submit", event => {
    event.preventDefault();
    const token = byId<HTMLInputElement>("token").value.trim();
    if (token) localStorage.setItem("token", token);
    else localStorage.removeItem("token");
    // Signed in, a viewer or worker may read more (sensitive resources of their municipalities): read again.
    mapElement.dataset.state = "loading";
    load().catch(failed);
  });

  byId("view").addEventListener("click", () => {
    const showGraph = byId("graph").hidden;
    byId("graph").hidden = !showGraph;
    mapElement.hidden = showGraph;
    byId("view").dataset.text = showGraph ? "showMap" : "showGraph";
    byId("view").textContent = t(showGraph ? "showMap" : "showGraph");
    if (showGraph) graph.show();
    else map.invalidateSize();
  });

  byId("what-if-closed").addEventListener("click", () => {
    if (selectedId) whatIfClosed(selectedId).catch(failed);
  });
  for (const filter of ["filter-kind", "filter-group"]) byId(filter).addEventListener("change", () => drawNetwork());
  byId<HTMLFormElement>("planning").addEventListener("submit", event => {
    event.preventDefault();
    showUnderServed().catch(failed);
  });

  const slider = byId<HTMLInputElement>("as-of");
  slider.addEventListener("input", () => {
    asOf = new Date(Number(slider.value) * dayMs).toISOString().slice(0, 10);
    byId("as-of-day").textContent = asOf;
  });
  slider.addEventListener("change", () => {
    mapElement.dataset.state = "loading";
    load().catch(failed);
  });

  const config = (await (await fetch("/app/config")).json()) as Config;
  if (config.tileUrl) L.tileLayer(config.tileUrl, { attribution: config.tileAttribution, maxZoom: 19 }).addTo(map);
  await load();
  drawAreas(overview!.areas.nodes);
  fitTo(resources);
}

/** Reads the network again (after a change) and draws it. */
async function load(): Promise<void> {
  [overview, resources] = await Promise.all([graphql<Overview>(overviewQuery, { asOf }), allResources(asOf)]);
  setUpSlider(overview.earliest.nodes[0]?.since ?? today);
  drawNetwork();
  render();
}

/** The areas where the chosen group lives farther than the chosen distance from any resource serving it, in red. */
async function showUnderServed(): Promise<void> {
  const group = byId<HTMLSelectElement>("target-group").value;
  const distance = Number(byId<HTMLInputElement>("distance").value);
  const data = await graphql<{ underServedAreas: UnderServedArea[] }>(underServedQuery, { group, distance });
  underServed = data.underServedAreas;
  planningLayer.clearLayers();
  const largest = Math.max(1, ...underServed.map(a => a.population));
  for (const item of underServed.filter(a => a.area.boundary !== null))
    planningLayer.addLayer(L.geoJSON(item.area.boundary as GeoJSON.Geometry, {
      style: { color: "#b91c1c", weight: 2, fillColor: "#ef4444", fillOpacity: 0.2 + 0.5 * item.population / largest },
    }).bindTooltip(`${item.area.name}: ${item.population}`));
  const shown = L.featureGroup(planningLayer.getLayers());
  if (shown.getLayers().length > 0) map.fitBounds(shown.getBounds(), { padding: [20, 20] });
  mapElement.dataset.underServed = String(underServed.length);
  render();
}

let closure: { id: string; group: string; distance: number; impact: ClosureImpact | null } | null = null;

/**
 * What the planning form's target group would lose within its distance if the selected resource closed; null impact
 * when the resource does not serve the group (the API refuses the question with BAD_USER_INPUT).
 */
async function whatIfClosed(id: string): Promise<void> {
  const group = byId<HTMLSelectElement>("target-group").value;
  const distance = Number(byId<HTMLInputElement>("distance").value);
  try {
    const data = await graphql<{ closureImpact: ClosureImpact }>(closureQuery, { id, group, distance });
    closure = { id, group, distance, impact: data.closureImpact };
  } catch (e) {
    if (!(e instanceof GraphQLError && e.code === "BAD_USER_INPUT")) throw e;
    closure = { id, group, distance, impact: null };
  }
  render();
}

/** The slider runs from the first day a tie began to today, a day a step. */
function setUpSlider(earliest: string): void {
  const slider = byId<HTMLInputElement>("as-of");
  slider.min = String(Math.floor(Date.parse(earliest) / dayMs));
  slider.max = String(Math.floor(Date.parse(today) / dayMs));
  slider.value = String(Math.floor(Date.parse(asOf) / dayMs));
  byId("as-of-day").textContent = asOf;
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
    onEachFeature: (feature, shape) => shape.bindTooltip(feature.properties.name, { sticky: true }),
  }).addTo(map).bringToBack();
}

/** Where the resources are: the first view shows them all, not every area (a country without resources is no use). */
function fitTo(shown: Resource[]): void {
  const points = shown.filter(r => r.latitude !== null && r.longitude !== null).map(r => L.latLng(r.latitude!, r.longitude!));
  if (points.length > 0) map.fitBounds(L.latLngBounds(points), { padding: [30, 30], maxZoom: 14 });
}

/** The kind and target group chosen in the filters; empty for all. */
const filterOf = (): { kind: string; group: string } => ({
  kind: byId<HTMLSelectElement>("filter-kind").value,
  group: byId<HTMLSelectElement>("filter-group").value,
});

function drawNetwork(): void {
  networkLayer.clearLayers();
  const roles = rolesOf(overview!.network);
  const { kind, group } = filterOf();
  const placed = new Map(resources
    .filter(r => r.latitude !== null && r.longitude !== null && (!kind || r.kind === kind) && (!group || r.targetGroups.includes(group)))
    .map(r => [r.id, r]));

  // Ties first, under the markers; each drawn once, thicker for stronger.
  const seen = new Set<string>();
  let drawn = 0;
  for (const resource of placed.values())
    for (const tie of resource.relationships) {
      if (seen.has(tie.id)) continue;
      seen.add(tie.id);
      const a = placed.get(tie.source.id);
      const b = placed.get(tie.target.id);
      if (!a || !b) continue; // an end without a place: the tie is in the panel's count, not on the map
      networkLayer.addLayer(L.polyline([[a.latitude!, a.longitude!], [b.latitude!, b.longitude!]], { color: "#6b7280", weight: 1 + tie.strength, opacity: 0.6, renderer: tieRenderer, interactive: false }));
      drawn++;
    }

  const clusters = L.markerClusterGroup({ showCoverageOnHover: false, maxClusterRadius: 40 });
  for (const resource of placed.values()) {
    const role: Role = roles.get(resource.id) ?? "other";
    const icon = L.divIcon({
      className: "",
      html: `<span class="rm-marker role-${role}" style="background:${roleColours[role]}">${kindGlyph(resource.kind)}</span>`,
      iconSize: [24, 24],
    });
    const marker = L.marker([resource.latitude!, resource.longitude!], { icon, title: resource.name, alt: resource.name, keyboard: true });
    marker.on("click keypress", () => select(resource.id));
    clusters.addLayer(marker);
  }
  networkLayer.addLayer(clusters);
  mapElement.dataset.markers = String(placed.size);
  mapElement.dataset.ties = String(drawn);
  mapElement.dataset.isolatedGroups = String(overview!.network.isolatedGroups.length);
  mapElement.dataset.asOf = asOf;
  graph.draw(resources, overview!.network);
  graph.select(selectedId);
  mapElement.dataset.state = "ready";
  const unplaced = resources.length - placed.size;
  status = () => t("loaded", { resources: resources.length, ties: seen.size }) + (unplaced > 0 ? " " + t("noPlace", { count: unplaced }) : "");
}

function select(id: string): void {
  selectedId = id;
  graph.select(id);
  render();
  const resource = resources.find(r => r.id === id);
  if (resource?.latitude != null && resource.longitude != null) map.setView([resource.latitude, resource.longitude], Math.max(map.getZoom(), 13));
}

/** Everything in the panel, in the current language. */
function render(): void {
  byId("status").textContent = status();
  const signedIn = localStorage.getItem("token") !== null;
  byId("sign-in-state").textContent = t(signedIn ? "signedIn" : "signedOut");
  if (!overview) return;

  const groups = byId("isolated-groups");
  groups.replaceChildren(...overview.network.isolatedGroups.map(group => {
    const item = document.createElement("li");
    for (const member of group.resources) {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "link";
      button.textContent = member.name;
      button.addEventListener("click", () => select(member.id));
      item.append(button, " ");
    }
    return item;
  }));
  byId("isolated-none").hidden = overview.network.isolatedGroups.length > 0;

  byId("under-served").replaceChildren(...(underServed ?? []).map(item => Object.assign(document.createElement("li"), {
    textContent: t("underServedArea", {
      area: item.area.name,
      people: item.population,
      km: item.nearestResourceDistanceMeters === null ? "—" : (item.nearestResourceDistanceMeters / 1000).toFixed(1),
    }),
  })));
  byId("under-served-none").hidden = underServed === null || underServed.length > 0;

  const resource = resources.find(r => r.id === selectedId);
  byId("details").hidden = !resource;
  if (!resource) return;
  const roles = rolesOf(overview.network);
  const role = roles.get(resource.id) ?? "other";
  const bridging = overview.network.bridgingActors.find(b => b.resource.id === resource.id);
  byId("details-name").textContent = resource.name;
  byId("details-kind").textContent = kindName(resource.kind);
  byId("details-role").textContent = bridging
    ? t("cutOff", { groups: bridging.groupsCutOff.length, actors: bridging.actorsCutOff })
    : t(`role.${role}` as TextKey);
  byId("details-ties").textContent = t("ties", { count: resource.relationships.length });
  const impact = closure?.id === resource.id ? closure : null;
  byId("closure").textContent = !impact
    ? ""
    : !impact.impact
      ? t("closureNotServing", { group: t(groupKey(impact.group)) })
      : t("closure", {
          people: impact.impact.populationLosingAccess,
          group: t(groupKey(impact.group)),
          km: (impact.distance / 1000).toFixed(1),
          areas: impact.impact.newlyUnderServedAreas.map(a => a.name).join(", ") || "—",
        });

  // For a member of an isolated group, the ties that would join any of its members: the group's ways in.
  const group = overview.network.isolatedGroups.find(g => g.resources.some(m => m.id === resource.id));
  const members = new Set(group ? group.resources.map(m => m.id) : [resource.id]);
  const suggestions = overview.network.suggestions.filter(s => members.has(s.from.id) !== members.has(s.to.id)).slice(0, 5);
  byId("suggestions-none").hidden = suggestions.length > 0;
  byId("suggestions").replaceChildren(...suggestions.map(s => suggestionItem(members, s, signedIn)));
}

function suggestionItem(members: Set<string>, suggestion: Suggestion, signedIn: boolean): HTMLLIElement {
  const [inside, other] = members.has(suggestion.from.id) ? [suggestion.from, suggestion.to] : [suggestion.to, suggestion.from];
  const item = document.createElement("li");
  const title = document.createElement("strong");
  title.textContent = members.size > 1 ? `${inside.name} — ${other.name}` : other.name;
  const reasons = document.createElement("ul");
  reasons.replaceChildren(...reasonsOf(suggestion).map(text => Object.assign(document.createElement("li"), { textContent: text })));
  item.append(title, reasons);
  if (signedIn) {
    const record = document.createElement("button");
    record.type = "button";
    record.className = "record";
    record.textContent = t("recordTie");
    const error = document.createElement("p");
    error.className = "error";
    error.setAttribute("role", "alert");
    record.addEventListener("click", async () => {
      record.disabled = true;
      try {
        await graphql(createTie, { source: inside.id, target: other.id });
        await load();
      } catch (e) {
        error.textContent = e instanceof GraphQLError ? `${e.message} (${e.code ?? "?"})` : String(e);
        record.disabled = false;
      }
    });
    item.append(record, error);
  }
  return item;
}

/** The reasons for a tie, in words and in the page's language, from the analysis' figures. */
function reasonsOf(s: Suggestion): string[] {
  const reasons: string[] = [];
  if (s.actorsNewlyReached > 0) reasons.push(t("reason.reaches", { count: s.actorsNewlyReached }));
  for (const need of s.needsMet) reasons.push(t("reason.need", { need: need.need, offer: need.offer }));
  if (s.sharedTargetGroups.length > 0) reasons.push(t("reason.groups", { groups: s.sharedTargetGroups.join(", ") }));
  if (s.commonNeighbours > 0) reasons.push(t("reason.partners", { count: s.commonNeighbours }));
  if (s.distanceKm !== null) reasons.push(t("reason.distance", { km: s.distanceKm.toFixed(1) }));
  return reasons;
}

/** The kind filter's options, named in the page's language; the choice is kept. */
function fillKinds(): void {
  const select = byId<HTMLSelectElement>("filter-kind");
  const chosen = select.value;
  select.replaceChildren(new Option(t("all"), ""), ...kindCodes.map(code => new Option(kindName(code), code)));
  select.value = chosen;
}

function groupKey(group: string): TextKey {
  return group === "families-of-children-with-disabilities" ? "group.families" : (`group.${group}` as TextKey);
}

/** A short sign of the kind on the marker (the colour says the role). */
function kindGlyph(kind: string): string {
  return kind.split("_").map(w => w[0]).join("").slice(0, 2);
}

function failed(error: Error): void {
  console.error(error);
  mapElement.dataset.state = "failed";
  status = () => t("failed", { message: error.message });
  render();
}

start().catch(failed);
