import L from "leaflet";
import { graphql, type Scope } from "./api";
import { byId, el } from "./dom";
import { t } from "./i18n";

interface PathActor { id: string; name: string; latitude: number | null; longitude: number | null }
interface IntroductionPath { hops: number; weakestStrength: number; resources: PathActor[] }

const pathsQuery = `
  query Paths($scope: NetworkScopeInput, $from: ID!, $to: ID!) {
    network(scope: $scope) {
      introductionPaths(fromId: $from, toId: $to, count: 3) { hops weakestStrength resources { id name latitude longitude } }
    }
  }`;

/**
 * Who could introduce one actor to another: the shortest chains of existing ties between the two chosen actors (strong
 * ties count as short), listed in the panel, the first drawn on the map. They stay while the names are followed.
 */
export class IntroductionPaths {
  private readonly layer: L.LayerGroup;
  private found: IntroductionPath[] | null = null;

  constructor(private readonly map: L.Map, private readonly select: (id: string) => void) {
    this.layer = L.layerGroup().addTo(this.map);
  }

  async find(scope: Scope, from: string, to: string): Promise<void> {
    const data = await graphql<{ network: { introductionPaths: IntroductionPath[] } }>(pathsQuery, { scope, from, to });
    this.found = data.network.introductionPaths;
    this.layer.clearLayers();
    const first = this.found[0]?.resources.filter(r => r.latitude !== null && r.longitude !== null);
    if (first && first.length > 1) {
      const line = L.polyline(first.map(r => [r.latitude!, r.longitude!] as L.LatLngTuple), { color: "#facc15", weight: 7, opacity: 0.9, interactive: false });
      this.layer.addLayer(line);
      this.map.fitBounds(line.getBounds(), { padding: [40, 40] });
    }
    this.render();
  }

  /** Forgets the chains: the network they were found in has changed. */
  clear(): void {
    this.found = null;
    this.layer.clearLayers();
    this.render();
  }

  render(): void {
    byId("paths-none").hidden = this.found === null || this.found.length > 0;
    byId("paths").replaceChildren(...(this.found ?? []).map(path => {
      const chain = el("span", { className: "chain" });
      path.resources.forEach((actor, index) => {
        if (index > 0) chain.append(" → ");
        const name = el("button", { type: "button", className: "link", textContent: actor.name });
        name.addEventListener("click", () => this.select(actor.id));
        chain.append(name);
      });
      return el("li", {}, chain, el("br"), t("path.summary", { hops: path.hops, weakest: path.weakestStrength }));
    }));
  }
}
