import { graphql } from "./api";
import { failureText } from "./errors";
import { byId, el } from "./dom";
import { currentLanguage, formatDate, formatNumber, setLanguage, t, typeName, type TextKey } from "./i18n";

// The impact report: the network of a scope on two days and what changed between them, as a page to print and hand on
// (the evidence that community work changed the network). Opened from the map with ?from=&to=[&areaId=], or alone.

interface Figures { day: string; actors: number; ties: number; mainNetworkSize: number; isolatedGroups: number; isolatedActors: number; density: number; bridgingActors: number }
interface Tie { type: string; source: { name: string }; target: { name: string } }
interface Comparison {
  from: Figures;
  to: Figures;
  tiesBuilt: Tie[];
  tiesEnded: Tie[];
  actorsBroughtIn: { name: string }[];
  isolatedGroups: { resources: { name: string }[]; stillIsolated: number; joinedMainNetwork: number }[];
}

const comparisonQuery = `
  query Report($scope: NetworkScopeInput, $from: DateOnly!, $to: DateOnly!, $areaId: ID!, $hasArea: Boolean!) {
    area(id: $areaId) @include(if: $hasArea) { name }
    network(scope: $scope) {
      comparison(from: $from, to: $to) {
        from { ...figures } to { ...figures }
        tiesBuilt { type source { name } target { name } }
        tiesEnded { type source { name } target { name } }
        actorsBroughtIn { name }
        isolatedGroups { resources { name } stillIsolated joinedMainNetwork }
      }
    }
  }
  fragment figures on NetworkFigures { day actors ties mainNetworkSize isolatedGroups isolatedActors density bridgingActors }`;

const rows: [TextKey, keyof Figures][] = [
  ["report.actors", "actors"],
  ["report.ties", "ties"],
  ["report.mainNetwork", "mainNetworkSize"],
  ["report.isolatedGroups", "isolatedGroups"],
  ["report.isolatedActors", "isolatedActors"],
  ["report.bridgingActors", "bridgingActors"],
  ["report.density", "density"],
];

const params = new URLSearchParams(location.search);
const areaId = params.get("areaId");
const fromInput = byId<HTMLInputElement>("report-from");
const toInput = byId<HTMLInputElement>("report-to");
type State = "loading" | "ready" | "error";
let data: { area?: { name: string } | null; network: { comparison: Comparison } } | null = null;
/** The days the figures shown are of (the fields may have changed since). */
let shown = { from: "", to: "" };
/** What the page says above the figures, in the current language: why there are none. */
let message = (): string => "";

function start(): void {
  setLanguage(currentLanguage());
  byId("language").addEventListener("click", () => {
    setLanguage(currentLanguage() === "lv" ? "en" : "lv");
    render();
  });
  byId("print").addEventListener("click", () => window.print());
  // Opened without days (a bookmark, a link typed in): the last twelve months, so the page shows something at once.
  const today = new Date().toISOString().slice(0, 10);
  const yearAgo = new Date();
  yearAgo.setUTCFullYear(yearAgo.getUTCFullYear() - 1);
  fromInput.value = params.get("from") ?? yearAgo.toISOString().slice(0, 10);
  toInput.value = params.get("to") ?? today;
  byId<HTMLFormElement>("report-days").addEventListener("submit", event => {
    event.preventDefault();
    run();
  });
  run();
}

/** Reads the comparison of the days in the fields, and keeps them in the address (to bookmark or send on). */
async function run(): Promise<void> {
  const [from, to] = [fromInput.value, toInput.value];
  const query = new URLSearchParams({ from, to });
  if (areaId) query.set("areaId", areaId);
  history.replaceState(null, "", `?${query}`);
  data = null;
  if (!from || !to) return show("error", () => t("report.chooseDays"));
  if (from > to) return show("error", () => t("report.reversed", { from: formatDate(from), to: formatDate(to) }));
  show("loading", () => "");
  try {
    data = await graphql(comparisonQuery, { scope: areaId ? { areaId } : null, from, to, areaId: areaId ?? "", hasArea: areaId !== null });
    shown = { from, to };
    show("ready", () => "");
  } catch (error) {
    console.error(error);
    show("error", () => failureText(error));
  }
}

function show(state: State, say: () => string): void {
  message = say;
  byId("report").dataset.state = state;
  render();
}

function render(): void {
  byId("report-message").textContent = message();
  byId("report-status").hidden = byId("report").dataset.state !== "loading";
  byId("report-body").hidden = data === null;
  byId("report-scope").hidden = data === null;
  if (!data) return;
  byId("report-scope").textContent = t("report.scope", { area: data.area?.name ?? t("report.everywhere"), from: formatDate(shown.from), to: formatDate(shown.to) });
  const c = data.network.comparison;
  byId("day-from").textContent = formatDate(c.from.day);
  byId("day-to").textContent = formatDate(c.to.day);
  byId("figures").querySelector("tbody")!.replaceChildren(...rows.map(([label, key]) => {
    const [a, b] = [c.from[key] as number, c.to[key] as number];
    const format = (n: number) => formatNumber(n, key === "density" ? 3 : 0);
    const change = format(b - a);
    return el("tr", {}, el("th", { scope: "row", textContent: t(label) }), el("td", { textContent: format(a) }), el("td", { textContent: format(b) }),
      el("td", { textContent: b > a ? `+${change}` : change }));
  }));
  const tie = (x: Tie) => el("li", { textContent: `${x.source.name} — ${x.target.name} (${typeName(x.type)})` });
  list("ties-built", c.tiesBuilt.map(tie));
  list("ties-ended", c.tiesEnded.map(tie));
  list("brought-in", c.actorsBroughtIn.map(a => el("li", { textContent: a.name })));
  // The groups that shrank first: the evidence of the work.
  const groups = [...c.isolatedGroups].sort((a, b) => b.joinedMainNetwork - a.joinedMainNetwork);
  list("groups", groups.map(g => el("li", {
    textContent: `${g.resources.map(r => r.name).join(", ")}: ` +
      (g.joinedMainNetwork > 0 ? t("report.groupJoined", { joined: g.joinedMainNetwork, still: g.stillIsolated }) : t("report.groupStill", { count: g.resources.length })),
  })));
}

/** A list, or a line saying there is nothing in it. */
function list(id: string, items: HTMLLIElement[]): void {
  byId(id).replaceChildren(...(items.length > 0 ? items : [el("li", { className: "none", textContent: t("report.none") })]));
}

start();
