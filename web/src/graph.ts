import cytoscape, { type Core } from "cytoscape";
import type { Network, Resource } from "./api";
import { roleColours, rolesOf } from "./roles";

// The same network as a graph: communities as fill colours, bridging actors larger with a role-coloured ring.
const communityColours = ["#93c5fd", "#fca5a5", "#86efac", "#fde68a", "#c4b5fd", "#f9a8d4", "#5eead4", "#fdba74", "#cbd5e1"];

export class GraphView {
  private cy: Core | null = null;

  constructor(private readonly element: HTMLElement, private readonly onSelect: (id: string) => void) {}

  draw(resources: Resource[], network: Network): void {
    const roles = rolesOf(network);
    const community = new Map<string, number>();
    network.communities.forEach((c, index) => c.members.resources.forEach(r => community.set(r.id, index)));
    const ids = new Set(resources.map(r => r.id));
    const edges = new Map<string, { source: string; target: string; strength: number }>();
    for (const r of resources)
      for (const tie of r.relationships)
        if (ids.has(tie.source.id) && ids.has(tie.target.id)) edges.set(tie.id, { source: tie.source.id, target: tie.target.id, strength: tie.strength });

    this.cy?.destroy();
    this.cy = cytoscape({
      container: this.element,
      elements: [
        ...resources.map(r => ({
          data: {
            id: r.id,
            label: r.name,
            fill: communityColours[(community.get(r.id) ?? communityColours.length - 1) % communityColours.length],
            ring: roleColours[roles.get(r.id) ?? "other"],
            size: roles.get(r.id) === "bridging" ? 34 : 20,
          },
        })),
        ...[...edges].map(([id, e]) => ({ data: { id, source: e.source, target: e.target, width: 0.5 + e.strength * 0.6 } })),
      ],
      style: [
        { selector: "node", style: { "background-color": "data(fill)", "border-color": "data(ring)", "border-width": 3, width: "data(size)", height: "data(size)", label: "data(label)", "font-size": 9, "text-wrap": "ellipsis", "text-max-width": "90px" } },
        { selector: "edge", style: { width: "data(width)", "line-color": "#9ca3af", "curve-style": "straight" } },
        { selector: "node:selected", style: { "border-color": "#facc15", "border-width": 6 } },
      ],
      layout: { name: "cose", animate: false, randomize: false, nodeRepulsion: () => 8000 },
    });
    this.cy.on("tap", "node", event => this.onSelect(event.target.id()));
    this.element.dataset.nodes = String(resources.length);
    this.element.dataset.edges = String(edges.size);
  }

  select(id: string | null): void {
    if (!this.cy) return;
    this.cy.nodes(":selected").unselect();
    if (id) this.cy.getElementById(id).select();
    this.element.dataset.selected = id ?? "";
  }

  /** Cytoscape measures its container, which has no size while hidden: lay the graph out when it is shown. */
  resize(): void {
    if (!this.cy) return;
    this.cy.resize();
    this.cy.layout({ name: "cose", animate: false, randomize: false, nodeRepulsion: () => 8000 }).run();
    this.cy.fit(undefined, 20);
  }
}
