import { formatDate, formatNumber } from "./i18n";

// Small SVG pictures for the printed report: line charts of a figure over time and the network drawn on its places.
// Plain SVG, no library: they print sharp at any size and the PDF keeps them as vectors.

const svgNs = "http://www.w3.org/2000/svg";

/** An SVG element with its attributes and children. */
function svg<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Record<string, string | number>, ...children: (Node | string)[]): SVGElementTagNameMap[K] {
  const element = document.createElementNS(svgNs, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  element.append(...children);
  return element;
}

export interface Series {
  label: string;
  colour: string;
  values: number[];
}

/**
 * A line chart of one or more series over days, from the first day to the last; the value axis runs from 0 (or the
 * lowest value, when below 0) to the highest, with both ends labelled, and each series ends in its last value.
 */
export function lineChart(title: string, days: string[], series: Series[], format: (n: number) => string): SVGSVGElement {
  const [width, height, left, right, top, bottom] = [340, 164, 44, 56, series.length > 1 ? 36 : 22, 24];
  const all = series.flatMap(s => s.values);
  const low = Math.min(0, ...all);
  const high = Math.max(...all, low + 1e-9);
  const x = (i: number) => left + (days.length < 2 ? 0 : (i * (width - left - right)) / (days.length - 1));
  const y = (v: number) => top + ((high - v) * (height - top - bottom)) / (high - low);
  const chart = svg("svg", { viewBox: `0 0 ${width} ${height}`, width, height, role: "img", "aria-label": title, class: "chart" },
    svg("title", {}, title),
    svg("text", { x: 0, y: 14, class: "chart-title" }, title),
    svg("line", { x1: left, y1: y(low), x2: width - right, y2: y(low), class: "axis" }),
    svg("line", { x1: left, y1: top, x2: left, y2: y(low), class: "axis" }),
    svg("text", { x: left - 4, y: y(high) + 4, "text-anchor": "end", class: "tick" }, format(high)),
    svg("text", { x: left - 4, y: y(low) + 4, "text-anchor": "end", class: "tick" }, format(low)),
    svg("text", { x: left, y: height - 6, class: "tick" }, formatDate(days[0] ?? "")),
    svg("text", { x: width - right, y: height - 6, "text-anchor": "end", class: "tick" }, formatDate(days[days.length - 1] ?? "")));
  // Two or more series: a key under the title, a line of each colour with its name.
  if (series.length > 1)
    series.forEach((s, i) => chart.append(
      svg("line", { x1: left + i * 120, y1: 24, x2: left + 16 + i * 120, y2: 24, stroke: s.colour, "stroke-width": 2 }),
      svg("text", { x: left + 20 + i * 120, y: 28, class: "tick" }, s.label)));
  for (const s of series) {
    const points = s.values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(" ");
    const last = s.values.length - 1;
    chart.append(
      svg("polyline", { points, fill: "none", stroke: s.colour, "stroke-width": 2 }),
      ...s.values.map((v, i) => svg("circle", { cx: x(i).toFixed(1), cy: y(v).toFixed(1), r: 2.2, fill: s.colour })),
      svg("text", { x: x(last) + 4, y: y(s.values[last] ?? 0) + 4, fill: s.colour, class: "tick" }, format(s.values[last] ?? 0)));
  }
  return chart;
}

/** Whether a chart shows whole numbers or shares. */
export const wholeNumber = (n: number): string => formatNumber(Math.round(n), 0);
/** A share as per cent: to a tenth below 10 % (15 of 9,500 is 0,2 %, not 0 %), whole above. */
export const percent = (share: number): string => `${formatNumber(share * 100, share > 0 && share < 0.1 ? 1 : 0)} %`;

export interface PlacedActor {
  id: string;
  latitude: number;
  longitude: number;
  /** Outside the main network: drawn hollow and red. */
  outside: boolean;
}

/**
 * Where each actor of several days is drawn: the order of its place among all of them, west to east and south to
 * north (ties of one place broken by id), scaled from 0 to 1. An area's actors crowd into a town or two and a few lie
 * far out (a parish 40 km away): drawn to scale, the town is a dot. In order, every actor has room and each side of
 * the map is still its side; both days share the positions, so their pictures compare.
 */
export function orderedPlaces(actors: PlacedActor[]): Map<string, [number, number]> {
  const unique = [...new Map(actors.map(a => [a.id, a])).values()];
  const rank = (key: (a: PlacedActor) => number) => {
    const sorted = [...unique].sort((a, b) => key(a) - key(b) || a.id.localeCompare(b.id));
    return new Map(sorted.map((a, i) => [a.id, sorted.length < 2 ? 0.5 : i / (sorted.length - 1)]));
  };
  const [east, north] = [rank(a => a.longitude), rank(a => a.latitude)];
  return new Map(unique.map(a => [a.id, [east.get(a.id)!, north.get(a.id)!]]));
}

/** The network on a day at the places <see cref="orderedPlaces"/> gave; actors outside the main network hollow and red. */
export function networkMap(title: string, places: Map<string, [number, number]>, actors: PlacedActor[], ties: [string, string][]): SVGSVGElement {
  const [size, margin, top] = [300, 12, 18];
  const at = new Map(actors.filter(a => places.has(a.id)).map(a => {
    const [x, y] = places.get(a.id)!;
    return [a.id, [margin + x * (size - 2 * margin), top + margin + (1 - y) * (size - 2 * margin)] as const];
  }));
  const height = size + top;
  const map = svg("svg", { viewBox: `0 0 ${size} ${height}`, width: size, height, role: "img", "aria-label": title, class: "network-map" },
    svg("title", {}, title),
    svg("text", { x: 0, y: 13, class: "chart-title" }, title),
    svg("rect", { x: 0.5, y: top + 0.5, width: size - 1, height: size - 1, class: "frame" }));
  for (const [a, b] of ties) {
    const [p, q] = [at.get(a), at.get(b)];
    if (p && q) map.append(svg("line", { x1: p[0].toFixed(1), y1: p[1].toFixed(1), x2: q[0].toFixed(1), y2: q[1].toFixed(1), class: "tie" }));
  }
  for (const actor of actors) {
    const [cx, cy] = at.get(actor.id)!;
    map.append(svg("circle", { cx: cx.toFixed(1), cy: cy.toFixed(1), r: 3.5, class: actor.outside ? "actor outside" : "actor" }));
  }
  return map;
}
