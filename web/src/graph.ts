import type cytoscape from "cytoscape";
import type { Core } from "cytoscape";
import type { Resource } from "./api";
import { byId } from "./dom";
import { t } from "./i18n";
import { pendingColour, roleColours, type Role } from "./roles";

// The same network as a graph: communities as fill colours, bridging actors larger with a role-coloured ring.
const communityColours = ["#93c5fd", "#fca5a5", "#86efac", "#fde68a", "#c4b5fd", "#f9a8d4", "#5eead4", "#fdba74", "#cbd5e1"];
const noCommunity = communityColours[communityColours.length - 1];

/** Above this many actors the force-directed layout takes seconds: the graph is laid out by geography instead. */
const maxForceLayout = 300;
/**
 * Above this many actors the whole network is no picture a worker can read (and Cytoscape takes seconds to draw it):
 * the view shows the selected actor's circle instead, and says so.
 */
export const maxWholeGraph = 2_000;
/** The circle: the selected actor, its partners and theirs, nearest first, at most this many (laid out by force). */
const maxCircle = maxForceLayout;

/**
 * Cytoscape.js, half of the page's script, loaded apart (build.mjs): asked for once the map is drawn, so that the map's
 * first view does not wait for it and the graph view rarely does.
 */
let library: Promise<typeof cytoscape> | null = null;
export const loadGraphLibrary = () => (library ??= import("cytoscape").then(module => module.default));

export class GraphView {
  private cy: Core | null = null;
  private resources: Resource[] = [];
  private roles: Map<string, Role> | null = null;
  private community = new Map<string, number>();
  /** True while what is drawn is not what was last given: drawn again when the view is shown. */
  private stale = false;
  private selected: string | null = null;
  /** The drawing in force: a later one (new data, another circle) makes an earlier one's waiting for Cytoscape moot. */
  private drawing = 0;
  private readonly note = byId("graph-note");

  /**
   * @param communities the communities' members, read when the graph is first drawn (the map does not need them)
   */
  constructor(private readonly element: HTMLElement, private readonly onSelect: (id: string) => void,
    private readonly communities: () => Promise<string[][]>) {}

  /** Takes the network to show (roles null before the analysis answers); lays it out only while the view is visible. */
  draw(resources: Resource[], roles: Map<string, Role> | null): void {
    this.resources = resources;
    this.roles = roles;
    this.community.clear();
    this.stale = true;
    if (!this.element.hidden) this.render();
  }

  /** Called when the view becomes visible. */
  show(): void {
    if (this.stale) this.render();
    else this.cy?.resize();
  }

  select(id: string | null): void {
    const moved = id !== this.selected;
    this.selected = id;
    this.element.dataset.selected = id ?? "";
    // A large network shows the selected actor's circle: another actor, another circle.
    if (moved && this.resources.length > maxWholeGraph) {
      this.stale = true;
      if (!this.element.hidden) this.render();
      return;
    }
    if (!this.cy) return;
    this.cy.nodes(":selected").unselect();
    if (id) this.cy.getElementById(id).select();
  }

  /** The language changed: the note says it again. */
  renderNote(): void {
    const whole = this.resources.length <= maxWholeGraph;
    this.note.hidden = whole;
    if (!whole) this.note.textContent = t(this.selected ? "graph.circle" : "graph.choose", { count: this.resources.length, shown: maxCircle });
  }

  private render(): void {
    this.stale = false;
    const drawing = ++this.drawing;
    const shown = this.resources.length > maxWholeGraph ? this.circle() : this.resources;
    const ids = new Set(shown.map(r => r.id));
    const edges = new Map<string, { source: string; target: string; strength: number }>();
    for (const r of shown)
      for (const tie of r.relationships)
        if (ids.has(tie.source.id) && ids.has(tie.target.id)) edges.set(tie.id, { source: tie.source.id, target: tie.target.id, strength: tie.strength });

    this.element.dataset.nodes = String(shown.length);
    this.element.dataset.edges = String(edges.size);
    this.element.dataset.state = "drawing";
    this.renderNote();
    loadGraphLibrary().then(cytoscape => {
      if (drawing === this.drawing) this.drawWith(cytoscape, shown, edges);
    }, () => {}); // the chunk could not be read (the server went away): the graph stays empty, the map works on
  }

  private drawWith(library: typeof cytoscape, shown: Resource[], edges: Map<string, { source: string; target: string; strength: number }>): void {
    const geographic = shown.length > maxForceLayout;
    const ring = (id: string) => (this.roles ? roleColours[this.roles.get(id) ?? "other"] : pendingColour);
    this.cy?.destroy();
    const cy = library({
      container: this.element,
      elements: [
        ...shown.map((r, i) => ({
          data: {
            id: r.id,
            label: r.name,
            fill: this.fill(r.id),
            ring: ring(r.id),
            size: this.roles?.get(r.id) === "bridging" ? 34 : 20,
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
    this.cy = cy;
    cy.on("tap", "node", event => this.onSelect(event.target.id()));
    // End-to-end tests find a node's place on the canvas through this (the canvas has no element per node).
    (this.element as HTMLElement & { cytoscape?: Core }).cytoscape = cy;
    if (this.selected) cy.getElementById(this.selected).select();
    if (this.roles && this.community.size === 0) this.colourCommunities();
    this.element.dataset.state = "ready";
  }

  private fill(id: string): string {
    const index = this.community.get(id);
    return index === undefined ? noCommunity : communityColours[index % communityColours.length];
  }

  /** The communities come after the graph is drawn: the nodes take their colours then. */
  private colourCommunities(): void {
    const cy = this.cy!;
    this.communities().then(communities => {
      communities.forEach((members, index) => members.forEach(id => this.community.set(id, index)));
      if (cy !== this.cy || cy.destroyed()) return;
      cy.batch(() => cy.nodes().forEach(node => { node.data("fill", this.fill(node.id())); }));
    }, () => {}); // without communities the nodes keep one colour; the rest of the view stands
  }

  /** The selected actor and those nearest to it through ties, breadth first, at most maxCircle; none without a selection. */
  private circle(): Resource[] {
    const named = new Map(this.resources.map(r => [r.id, r]));
    const start = this.selected ? named.get(this.selected) : undefined;
    if (!start) return [];
    const found = new Map<string, Resource>([[start.id, start]]);
    let ring = [start];
    for (let step = 0; step < 2 && found.size < maxCircle; step++) {
      const next: Resource[] = [];
      for (const r of ring)
        for (const tie of r.relationships) {
          const partner = named.get(tie.source.id === r.id ? tie.target.id : tie.source.id);
          if (!partner || found.has(partner.id) || found.size >= maxCircle) continue;
          found.set(partner.id, partner);
          next.push(partner);
        }
      ring = next;
    }
    return [...found.values()];
  }
}
