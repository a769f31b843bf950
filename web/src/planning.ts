import L from "leaflet";
import { closureQuery, graphql, GraphQLError, saveDownload, underServedQuery, type ClosureImpact, type Geometry, type UnderServedArea } from "./api";
import { byId, el } from "./dom";
import { formatKm, formatNumber, groupName, t } from "./i18n";

interface GridCell {
  geometry: Geometry;
  properties: { population: number; reachableResources: number; underServed: boolean; nearestResourceDistanceMeters: number | null };
}

interface Placement {
  coveredBefore: number;
  coveredAfter: number;
  population: number;
  suggestions: { rank: number; latitude: number; longitude: number; newlyCoveredPopulation: number; area: { name: string } | null }[];
}

const gridQuery = `
  query Grid($group: String!, $distance: Float!, $areaId: ID!, $cell: Float!) {
    coverageGrid(targetGroup: $group, maxDistanceMeters: $distance, areaId: $areaId, cellSizeMeters: $cell) {
      features { geometry { type coordinates } properties { population reachableResources underServed nearestResourceDistanceMeters } }
    }
  }`;

const placementQuery = `
  query Places($group: String!, $distance: Float!, $areaId: ID!, $count: Int!) {
    placementSuggestions(targetGroup: $group, maxDistanceMeters: $distance, areaId: $areaId, count: $count) {
      coveredBefore coveredAfter population suggestions { rank latitude longitude newlyCoveredPopulation area { name } }
    }
  }`;

/** What the planning form asks about: a target group, how far its people can go, and optionally one area. */
const question = () => ({
  group: byId<HTMLSelectElement>("target-group").value,
  distance: Number(byId<HTMLInputElement>("distance").value),
  areaId: byId<HTMLSelectElement>("plan-area").value || null,
});

/**
 * Where the chosen group lives too far from what serves it: under-served areas, the same as a heat-map grid, places
 * where new resources would reach the most people, and what the closing of one resource would take away.
 */
export class Planning {
  private readonly layer: L.LayerGroup;
  private readonly gridRenderer = L.canvas({ padding: 0.5 });
  private underServed: UnderServedArea[] | null = null;
  private grid: { cells: number; underServedCells: number; people: number } | null = null;
  private placement: Placement | null = null;
  private closure: { id: string; group: string; distance: number; impact: ClosureImpact | null } | null = null;
  private message: "plan.chooseArea" | null = null;

  constructor(private readonly map: L.Map, private readonly changed: () => void) {
    this.layer = L.layerGroup().addTo(map);
  }

  /** The areas where the group lives farther than the distance from any resource serving it, in red by population. */
  async showUnderServed(): Promise<void> {
    const { group, distance, areaId } = question();
    const data = await graphql<{ underServedAreas: UnderServedArea[] }>(underServedQuery, { group, distance, areaId });
    this.underServed = data.underServedAreas;
    this.message = null;
    this.layer.clearLayers();
    const largest = Math.max(1, ...this.underServed.map(a => a.population));
    for (const item of this.underServed.filter(a => a.area.boundary !== null))
      this.layer.addLayer(L.geoJSON(item.area.boundary as GeoJSON.Geometry, {
        style: { color: "#b91c1c", weight: 2, fillColor: "#ef4444", fillOpacity: 0.2 + 0.5 * item.population / largest },
      }).bindTooltip(`${item.area.name}: ${formatNumber(item.population)}`));
    this.fit();
    byId("map").dataset.underServed = String(this.underServed.length);
    this.changed();
  }

  /** The same question on a grid of cells over one area: red where people live out of reach, darker for more people. */
  async showGrid(): Promise<void> {
    const { group, distance, areaId } = question();
    if (!areaId) return this.ask("plan.chooseArea");
    const cell = Number(byId<HTMLInputElement>("cell-size").value);
    const data = await graphql<{ coverageGrid: { features: GridCell[] } }>(gridQuery, { group, distance, areaId, cell });
    const cells = data.coverageGrid.features;
    this.layer.clearLayers();
    const densest = Math.max(1, ...cells.map(c => c.properties.population));
    for (const c of cells) {
      if (c.properties.population <= 0) continue;
      const under = c.properties.underServed;
      this.layer.addLayer(L.geoJSON(c.geometry as GeoJSON.Geometry, {
        renderer: this.gridRenderer,
        style: { stroke: false, fillColor: under ? "#dc2626" : "#16a34a", fillOpacity: 0.15 + 0.6 * c.properties.population / densest },
      } as L.GeoJSONOptions));
    }
    const underCells = cells.filter(c => c.properties.underServed && c.properties.population > 0);
    this.grid = { cells: cells.length, underServedCells: underCells.length, people: Math.round(underCells.reduce((sum, c) => sum + c.properties.population, 0)) };
    this.message = null;
    this.fit();
    byId("map").dataset.gridCells = String(cells.length);
    this.changed();
  }

  /**
   * The map, the under-served areas and the coverage grid for the form's question as one GeoPackage file for QGIS (the
   * grid over the chosen area, or over every area with a boundary, in the form's cell size).
   */
  async downloadGeoPackage(): Promise<void> {
    const { group, distance, areaId } = question();
    const query = new URLSearchParams({ targetGroup: group, maxDistanceMeters: String(distance), cellSizeMeters: byId<HTMLInputElement>("cell-size").value });
    if (areaId) query.set("areaId", areaId);
    await saveDownload(`/export/map.gpkg?${query}`, "map.gpkg");
  }

  /** Numbered places where new resources serving the group would bring the most people within reach. */
  async suggestPlaces(): Promise<void> {
    const { group, distance, areaId } = question();
    if (!areaId) return this.ask("plan.chooseArea");
    const count = Number(byId<HTMLInputElement>("placement-count").value);
    const data = await graphql<{ placementSuggestions: Placement }>(placementQuery, { group, distance, areaId, count });
    this.placement = data.placementSuggestions;
    this.message = null;
    for (const place of this.placement.suggestions) {
      const icon = L.divIcon({ className: "", html: `<span class="rm-place">${place.rank}</span>`, iconSize: [28, 28] });
      this.layer.addLayer(L.marker([place.latitude, place.longitude], { icon, title: t("plan.place", { rank: place.rank, people: Math.round(place.newlyCoveredPopulation) }), keyboard: true }));
    }
    byId("map").dataset.placements = String(this.placement.suggestions.length);
    this.changed();
  }

  /**
   * What the group would lose within the distance if the resource closed; null impact when the resource does not
   * serve the group (the API refuses the question with BAD_USER_INPUT).
   */
  async whatIfClosed(id: string): Promise<void> {
    const { group, distance } = question();
    try {
      const data = await graphql<{ closureImpact: ClosureImpact }>(closureQuery, { id, group, distance });
      this.closure = { id, group, distance, impact: data.closureImpact };
    } catch (e) {
      if (!(e instanceof GraphQLError && e.code === "BAD_USER_INPUT")) throw e;
      this.closure = { id, group, distance, impact: null };
    }
    this.changed();
  }

  closureText(id: string): string {
    const closure = this.closure?.id === id ? this.closure : null;
    if (!closure) return "";
    if (!closure.impact) return t("closureNotServing", { group: groupName(closure.group) });
    return t("closure", {
      people: closure.impact.populationLosingAccess,
      group: groupName(closure.group),
      km: formatKm(closure.distance),
      areas: closure.impact.newlyUnderServedAreas.map(a => a.name).join(", ") || "—",
    });
  }

  render(): void {
    byId("plan-message").textContent = this.message ? t(this.message) : "";
    byId("under-served").replaceChildren(...(this.underServed ?? []).map(item => el("li", {
      textContent: t("underServedArea", {
        area: item.area.name,
        people: item.population,
        km: item.nearestResourceDistanceMeters === null ? "—" : formatKm(item.nearestResourceDistanceMeters),
      }),
    })));
    byId("under-served-none").hidden = this.underServed === null || this.underServed.length > 0;
    byId("grid-summary").textContent = this.grid ? t("plan.grid", { cells: this.grid.underServedCells, people: this.grid.people }) : "";
    const placement = this.placement;
    byId("placement-summary").textContent = placement
      ? t("plan.coverage", { before: percent(placement.coveredBefore, placement.population), after: percent(placement.coveredAfter, placement.population) })
      : "";
    byId("placements").replaceChildren(...(placement?.suggestions ?? []).map(place => el("li", {
      textContent: t("plan.placeItem", { area: place.area?.name ?? "—", people: Math.round(place.newlyCoveredPopulation) }),
    })));
  }

  private ask(key: "plan.chooseArea"): void {
    this.message = key;
    this.changed();
  }

  private fit(): void {
    const shown = L.featureGroup(this.layer.getLayers());
    if (shown.getLayers().length > 0) this.map.fitBounds(shown.getBounds(), { padding: [20, 20] });
  }
}

const percent = (part: number, whole: number): string => formatNumber(whole > 0 ? Math.round((100 * part) / whole) : 0);
