import L from "leaflet";
import "leaflet.markercluster";
import { allResources, graphql, overviewQuery, type Area, type Network, type Overview, type Resource } from "./api";
import { currentLanguage, kindName, setLanguage, t, type TextKey } from "./i18n";
import { roleColours, rolesOf, type Role } from "./roles";

interface Config {
  tileUrl: string | null;
  tileAttribution: string;
}

const mapElement = document.getElementById("map")!;
const status = document.getElementById("status")!;

const map = L.map(mapElement, { preferCanvas: false, zoomControl: true }).setView([56.9, 24.6], 7);

async function start(): Promise<void> {
  setLanguage(currentLanguage());
  document.getElementById("language")!.addEventListener("click", () => {
    setLanguage(currentLanguage() === "lv" ? "en" : "lv");
    showStatus();
    reselect();
  });

  const config = (await (await fetch("/app/config")).json()) as Config;
  if (config.tileUrl) L.tileLayer(config.tileUrl, { attribution: config.tileAttribution, maxZoom: 19 }).addTo(map);

  const [overview, resources] = await Promise.all([graphql<Overview>(overviewQuery), allResources()]);
  drawAreas(overview.areas.nodes);
  const drawn = drawNetwork(resources, overview.network);
  fitTo(resources);
  mapElement.dataset.markers = String(drawn.markers);
  mapElement.dataset.ties = String(drawn.ties);
  mapElement.dataset.state = "ready";
  lastStatus = () => t("loaded", { resources: resources.length, ties: drawn.ties }) +
    (drawn.unplaced > 0 ? " " + t("noPlace", { count: drawn.unplaced }) : "");
  showStatus();
}

let lastStatus = (): string => t("loading");
const showStatus = (): void => {
  status.textContent = lastStatus();
};

/** Boundaries are the base layer: the map stays readable with no tiles at all (offline, or a blocked tile server). */
function drawAreas(areas: Area[]): void {
  const shapes = areas.filter(a => a.boundary !== null).map(a => ({
    type: "Feature" as const,
    properties: { name: a.name, kind: a.kind },
    geometry: a.boundary as GeoJSON.Geometry,
  }));
  const layer = L.geoJSON({ type: "FeatureCollection", features: shapes } as GeoJSON.FeatureCollection, {
    style: feature => ({
      color: "#374151",
      weight: feature?.properties.kind === "MUNICIPALITY" || feature?.properties.kind === "CITY" ? 2 : 1,
      fillColor: "#f3f4f6",
      fillOpacity: 0.35,
    }),
    onEachFeature: (feature, shape) => shape.bindTooltip(feature.properties.name, { sticky: true }),
  }).addTo(map);
  if (shapes.length > 0) map.fitBounds(layer.getBounds(), { padding: [20, 20] });
}

/** Where the resources are: the first view shows them all, not every area (a country without resources is no use). */
function fitTo(resources: Resource[]): void {
  const points = resources.filter(r => r.latitude !== null && r.longitude !== null).map(r => L.latLng(r.latitude!, r.longitude!));
  if (points.length > 0) map.fitBounds(L.latLngBounds(points), { padding: [30, 30], maxZoom: 14 });
}

function drawNetwork(resources: Resource[], network: Network): { markers: number; ties: number; unplaced: number } {
  const roles = rolesOf(network);
  const placed = new Map(resources.filter(r => r.latitude !== null && r.longitude !== null).map(r => [r.id, r]));
  const bridging = new Map(network.bridgingActors.map(b => [b.resource.id, b]));

  // Ties first, under the markers; each drawn once, thicker for stronger.
  const seen = new Set<string>();
  for (const resource of placed.values())
    for (const tie of resource.relationships) {
      if (seen.has(tie.id)) continue;
      seen.add(tie.id);
      const a = placed.get(tie.source.id);
      const b = placed.get(tie.target.id);
      if (!a || !b) continue;
      L.polyline([[a.latitude!, a.longitude!], [b.latitude!, b.longitude!]], { color: "#6b7280", weight: 1 + tie.strength, opacity: 0.6 }).addTo(map);
    }

  const clusters = L.markerClusterGroup({ showCoverageOnHover: false, maxClusterRadius: 40 });
  for (const resource of placed.values()) {
    const role: Role = roles.get(resource.id) ?? "other";
    const icon = L.divIcon({
      className: "",
      html: `<span class="rm-marker role-${role}" style="background:${roleColours[role]}" title="">${kindGlyph(resource.kind)}</span>`,
      iconSize: [24, 24],
    });
    const marker = L.marker([resource.latitude!, resource.longitude!], { icon, title: resource.name, alt: resource.name, keyboard: true });
    marker.on("click", () => select(resource, role, bridging.get(resource.id)));
    marker.on("keypress", () => select(resource, role, bridging.get(resource.id)));
    clusters.addLayer(marker);
  }
  map.addLayer(clusters);
  return { markers: placed.size, ties: seen.size, unplaced: resources.length - placed.size };
}

let reselect = (): void => {};

function select(resource: Resource, role: Role, bridging?: Network["bridgingActors"][number]): void {
  reselect = () => select(resource, role, bridging);
  document.getElementById("details")!.hidden = false;
  document.getElementById("details-name")!.textContent = resource.name;
  document.getElementById("details-kind")!.textContent = kindName(resource.kind);
  document.getElementById("details-role")!.textContent = bridging
    ? t("cutOff", { groups: bridging.groupsCutOff.length, actors: bridging.actorsCutOff })
    : t(`role.${role}` as TextKey);
  document.getElementById("details-ties")!.textContent = t("ties", { count: resource.relationships.length });
}

/** A short sign of the kind on the marker (the colour says the role). */
function kindGlyph(kind: string): string {
  return kind.split("_").map(w => w[0]).join("").slice(0, 2);
}

start().catch((error: Error) => {
  mapElement.dataset.state = "failed";
  lastStatus = () => t("failed", { message: error.message });
  showStatus();
});
