import cytoscape, { type Core } from "cytoscape";
import type { Network, Resource } from "./api";
import { roleColours, rolesOf } from "./roles";

// The same network as a graph: communities as fill colours, bridging actors larger with a role-coloured ring.
const communityColours = ["#93c5fd", "#fca5a5", "#86efac", "#fde68a", "#c4b5fd", "#f9a8d4", "#5eead4", "#fdba74", "#cbd5e1"];

/** Above this many actors the force-directed layout takes seconds: the graph is laid out by geography instead. */
const maxForceLayout = 300;

export class GraphView {
  private cy: Core | null = null;
  private pending: { resources: Resource[]; network: Network } | null = null;
  private selected: string | null = null;

  constructor(private readonly element: HTMLElement, private readonly onSelect: (id: string) => void) {}

  /** Takes the network to show; lays it out only while the view is visible (a hidden container has no size). */
  draw(resources: Resource[], network: Network): void {
    this.pending = { resources, network };
    this.element.dataset.nodes = String(resources.length);
    if (!this.element.hidden) this.render();
  }

  /** Called when the view becomes visible. */
  show(): void {
    if (this.pending) this.render();
    else this.cy?.resize();
  }

  select(id: string | null): void {
    this.selected = id;
    this.element.dataset.selected = id ?? "";
    if (!this.cy) return;
    this.cy.nodes(":selected").unselect();
    if (id) this.cy.getElementById(id).select();
  }

  private render(): void {
    const { resources, network } = this.pending!;
    this.pending = null;
    const roles = rolesOf(network);
    const community = new Map<string, number>();
    network.communities.forEach((c, index) => c.members.resources.forEach(r => community.set(r.id, index)));
    const ids = new Set(resources.map(r => r.id));
    const edges = new Map<string, { source: string; target: string; strength: number }>();
    for (const r of resources)
      for (const tie of r.relationships)
        if (ids.has(tie.source.id) && ids.has(tie.target.id)) edges.set(tie.id, { source: tie.source.id, target: tie.target.id, strength: tie.strength });

    const geographic = resources.length > maxForceLayout;
    this.cy?.destroy();
    this.cy = cytoscape({
      container: this.element,
      elements: [
        ...resources.map((r, i) => ({
          data: {
            id: r.id,
            label: r.name,
            fill: communityColours[(community.get(r.id) ?? communityColours.length - 1) % communityColours.length],
            ring: roleColours[roles.get(r.id) ?? "other"],
            size: roles.get(r.id) === "bridging" ? 34 : 20,
          },
          // Geography as the layout of a large network; actors without a place on a ring around it.
          position: geographic
            ? r.latitude !== null && r.longitude !== null
              ? { x: r.longitude * 4000, y: -r.latitude * 6500 }
              : { x: Math.cos(i) * 2000, y: Math.sin(i) * 2000 }
            : undefined,
        })),
        ...[...edges].map(([id, e]) => ({ data: { id, source: e.source, target: e.target, width: 0.5 + e.strength * 0.6 } })),
      ],
      style: [
        { selector: "node", style: { "background-color": "data(fill)", "border-color": "data(ring)", "border-width": 3, width: "data(size)", height: "data(size)", label: "data(label)", "font-size": 9, "text-wrap": "ellipsis", "text-max-width": "90px" } },
        { selector: "edge", style: { width: "data(width)", "line-color": "#9ca3af", "curve-style": "straight" } },
        { selector: "node:selected", style: { "border-color": "#facc15", "border-width": 6 } },
      ],
      layout: geographic ? { name: "preset", fit: true, padding: 20 } : { name: "cose", animate: false, randomize: false, nodeRepulsion: () => 8000 },
      hideEdgesOnViewport: geographic,
    });
    this.cy.on("tap", "node", event => this.onSelect(event.target.id()));
    // End-to-end tests find a node's place on the canvas through this (the canvas has no element per node).
    (this.element as HTMLElement & { cytoscape?: Core }).cytoscape = this.cy;
    this.element.dataset.edges = String(edges.size);
    this.select(this.selected);
  }
}
