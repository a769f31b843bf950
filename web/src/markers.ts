import L from "leaflet";
import Supercluster, { type ClusterProperties } from "supercluster";
import type { Resource } from "./api";
import { t } from "./i18n";
import { pendingColour, roleColours, type Role } from "./roles";
import { kindSymbol } from "./symbols";

// The resources on the map, clustered by supercluster (a k-d tree per zoom level, built once per load) and drawn as
// DOM markers only for what is in view: at 20,000 resources a marker each (what Leaflet.markercluster kept) took
// seconds to build, while the view holds a few hundred markers and clusters at most. Being elements, the markers in
// view keep what the page had: each takes the focus and opens with Enter, has its name as title, and is styled by
// its role; the find box and the panel's lists of buttons reach every resource, in view or not.

/** The marker's role; "pending" until the analysis answers. */
type Shown = Role | "pending";

/** A cluster's count of each role, summed by supercluster's map/reduce: its ring shows the share of each. */
type Counts = Record<Shown, number>;

interface Props { id: string; role: Shown }

const order: Shown[] = ["bridging", "other", "isolatedGroup", "isolated", "pending"];
const colour = (role: Shown): string => (role === "pending" ? pendingColour : roleColours[role]);

export class MarkerLayer {
  private readonly layer = L.layerGroup();
  /** Actors in the main network (and all of them before the analysis answers), clustered as Leaflet.markercluster did. */
  private inside = new Supercluster<Props, Counts>().load([]);
  /**
   * Actors outside the network (alone, or in an isolated group): who the worker looks for first, so never counted in
   * a cluster of others; they cluster among themselves only where their markers would cover one another.
   */
  private outside = new Supercluster<Props, Counts>().load([]);
  private resources = new Map<string, Resource>();
  private roles: Map<string, Role> | null = null;
  private selected: string | null = null;
  /** The markers on the map by key (a resource's id, or an index and cluster id) with what their icon shows. */
  private readonly shown = new Map<string, { marker: L.Marker; look: string }>();

  constructor(private readonly map: L.Map, private readonly onSelect: (id: string) => void) {
    this.layer.addTo(map);
    map.on("moveend", () => this.update());
  }

  /** The resources with a place, and their roles (null before the analysis answers). */
  draw(resources: Map<string, Resource>, roles: Map<string, Role> | null): void {
    this.resources = resources;
    this.roles = roles;
    const points = (outside: boolean) => [...resources.values()]
      .filter(r => this.isOutside(r.id) === outside)
      .map(r => ({
        type: "Feature" as const,
        properties: { id: r.id, role: this.roleOf(r.id) },
        geometry: { type: "Point" as const, coordinates: [r.longitude!, r.latitude!] },
      }));
    // Leaflet's tiles are 256 pixels: with extent 256 supercluster's radius is in the map's pixels at each zoom.
    const options = (radius: number) => ({
      radius, extent: 256, maxZoom: 17,
      map: (p: Props): Counts => ({ bridging: 0, other: 0, isolatedGroup: 0, isolated: 0, pending: 0, [p.role]: 1 }),
      reduce: (sum: Counts, p: Readonly<Counts>) => { for (const role of order) sum[role] += p[role]; },
    });
    this.inside = new Supercluster<Props, Counts>(options(40)).load(points(false));
    this.outside = new Supercluster<Props, Counts>(options(24)).load(points(true));
    this.update();
  }

  /** Rings the selected resource's marker; it is drawn on its own even where its cluster is. */
  select(id: string | null): void {
    this.selected = id;
    this.update();
  }

  /** Where the resource is on the map, when it has a place. */
  placeOf(id: string): L.LatLng | null {
    const resource = this.resources.get(id);
    return resource ? L.latLng(resource.latitude!, resource.longitude!) : null;
  }

  /**
   * The first zoom, from the map's, at which the resource's marker stands alone instead of in a cluster (where the
   * page zooms to bring it out, as Leaflet.markercluster's zoomToShowLayer did).
   */
  zoomShowing(id: string): number {
    const at = this.placeOf(id)!;
    const clusters = this.isOutside(id) ? this.outside : this.inside;
    // A box of some ten metres around it: supercluster keeps its points in single precision (a metre or two off).
    const box: GeoJSON.BBox = [at.lng - 1e-4, at.lat - 1e-4, at.lng + 1e-4, at.lat + 1e-4];
    let zoom = this.map.getZoom();
    while (zoom <= clusters.options.maxZoom && !clusters.getClusters(box, zoom).some(f => (f.properties as Partial<Props>).id === id)) zoom++;
    return zoom;
  }

  private roleOf(id: string): Shown {
    return this.roles ? this.roles.get(id) ?? "other" : "pending";
  }

  private isOutside(id: string): boolean {
    const role = this.roles?.get(id);
    return role === "isolated" || role === "isolatedGroup";
  }

  /** Draws what is in view (and a margin, for a short pan), keeping the markers that stay as they are. */
  private update(): void {
    const bounds = this.map.getBounds().pad(0.25);
    const box: GeoJSON.BBox = [bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()];
    const zoom = this.map.getZoom();
    const wanted = new Map<string, () => L.Marker>();
    const looks = new Map<string, string>();
    for (const [index, clusters] of [this.inside, this.outside].entries())
      for (const feature of clusters.getClusters(box, zoom)) {
        const [lng, lat] = feature.geometry.coordinates;
        if ("cluster" in feature.properties) {
          const counts = feature.properties as Counts & ClusterProperties;
          const key = `${index}:${counts.cluster_id}`;
          looks.set(key, order.map(role => counts[role]).join());
          wanted.set(key, () => this.clusterMarker(L.latLng(lat, lng), counts, () => clusters.getClusterExpansionZoom(counts.cluster_id)));
        } else {
          const id = (feature.properties as Props).id;
          looks.set(id, this.look(id));
          wanted.set(id, () => this.marker(id));
        }
      }
    if (this.selected && this.resources.has(this.selected) && !wanted.has(this.selected)) {
      looks.set(this.selected, this.look(this.selected));
      wanted.set(this.selected, () => this.marker(this.selected!));
    }

    for (const [key, shown] of this.shown)
      if (looks.get(key) !== shown.look) {
        this.layer.removeLayer(shown.marker);
        this.shown.delete(key);
      }
    for (const [key, make] of wanted)
      if (!this.shown.has(key)) {
        const marker = make();
        this.layer.addLayer(marker);
        this.shown.set(key, { marker, look: looks.get(key)! });
      }
    this.map.getContainer().dataset.markersInView = String(this.shown.size);
  }

  private look(id: string): string {
    return `${this.roleOf(id)}${id === this.selected ? " selected" : ""}`;
  }

  /** A resource: the kind's sign on the role's colour, ringed when selected; focusable, Enter selects it. */
  private marker(id: string): L.Marker {
    const resource = this.resources.get(id)!;
    const role = this.roleOf(id);
    const selected = id === this.selected;
    const marker = L.marker([resource.latitude!, resource.longitude!], {
      icon: L.divIcon({
        className: "",
        html: `<span class="rm-marker role-${role}${selected ? " selected" : ""}" style="background:${colour(role)}">${kindSymbol(resource.kind)}</span>`,
        iconSize: [24, 24],
      }),
      title: resource.name,
      alt: resource.name,
      keyboard: true,
      zIndexOffset: selected ? 2000 : this.isOutside(id) ? 1000 : 0,
    });
    activate(marker, () => this.onSelect(id));
    return marker;
  }

  /** A cluster: its count on a ring showing the share of each role; a click (or Enter) zooms in to where it parts. */
  private clusterMarker(at: L.LatLng, counts: Counts & ClusterProperties, expansionZoom: () => number): L.Marker {
    const total = counts.point_count;
    let start = 0;
    const stops = order.filter(role => counts[role] > 0).map(role => {
      const from = start;
      start += (360 * counts[role]) / total;
      return `${colour(role)} ${from}deg ${start}deg`;
    });
    const size = total < 10 ? 30 : total < 100 ? 36 : total < 1000 ? 42 : 48;
    const marker = L.marker(at, {
      icon: L.divIcon({
        className: "marker-cluster rm-cluster",
        html: `<span style="background:conic-gradient(${stops.join()})"><span>${counts.point_count_abbreviated}</span></span>`,
        iconSize: [size, size],
      }),
      title: t("cluster", { count: total }),
      keyboard: true,
      zIndexOffset: counts.isolated + counts.isolatedGroup > 0 ? 1000 : 0,
    });
    activate(marker, () => this.map.setView(at, Math.min(expansionZoom(), this.map.getMaxZoom())));
    return marker;
  }
}

/** A click, or Enter or Space while it has the focus (Leaflet makes a keyboard marker a focusable role=button). */
function activate(marker: L.Marker, action: () => void): void {
  marker.on("click", action);
  marker.on("keypress", event => {
    const key = (event as L.LeafletKeyboardEvent).originalEvent.key;
    if (key === "Enter" || key === " ") action();
  });
}
