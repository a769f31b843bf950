import { graphql, GraphQLError } from "./api";
import { lineChart, networkMap, orderedPlaces, percent, wholeNumber, type PlacedActor } from "./charts";
import { failureText } from "./errors";
import { byId, el } from "./dom";
import { formatDate, formatNumber, groupName, languageChooser, t, typeName, type TextKey } from "./i18n";
import { compareWaves, waveComparisonView, type WaveComparison } from "./wave-comparison";

// The impact report: for an area and two days, the activities held and the people they reached, the worker's
// introductions and what came of them, the ties built and ended, the actors brought into the main network, what became
// of each isolated group, the network's size, density and isolated share over the period as charts, and the network on
// the map on both days, and two waves of a partner survey compared — as a page to print or save as PDF and hand on.
// Opened from the map with ?from=&to=[&areaId=][&waves=earlierId,laterId].

interface Figures { day: string; actors: number; ties: number; mainNetworkSize: number; isolatedGroups: number; isolatedActors: number; density: number; bridgingActors: number }
interface Tie { type: string; source: { name: string }; target: { name: string } }
interface Introduction { on: string; outcome: string; first: { name: string }; second: { name: string }; activity: { name: string } | null }
interface Comparison {
  from: Figures;
  to: Figures;
  tiesBuilt: Tie[];
  tiesEnded: Tie[];
  actorsBroughtIn: { name: string }[];
  isolatedGroups: { resources: { name: string }[]; stillIsolated: number; joinedMainNetwork: number }[];
  introductions: { made: number; tieFormed: number; declined: number; pending: number; tiesFollowing: { id: string }[]; introductions: Introduction[] };
}
interface Point { day: string; actors: number; mainNetworkSize: number; density: number; isolatedShare: number }
interface DrawnNetwork {
  actors: { component: number; resource: { id: string; latitude: number | null; longitude: number | null } }[];
  ties: { source: { id: string }; target: { id: string } }[];
}
interface Attendance { targetGroup: string; count: number | null; suppressed: boolean }
interface Activity {
  name: string;
  kind: string;
  startsOn: string;
  endsOn: string | null;
  recurrence: string;
  venue: { name: string } | null;
  participants: { role: string; resource: { name: string } }[];
  attendance: Attendance[];
  attendanceTotal: number | null;
}
interface Wave { id: string; name: string; wave: number; area: { id: string }; opensOn: string; closesOn: string }
interface Report {
  area?: { name: string; population: { targetGroup: string; count: number }[] } | null;
  network: { comparison: Comparison; overTime: Point[] };
  before: DrawnNetwork;
  after: DrawnNetwork;
  activities: { totalCount: number; nodes: Activity[] };
}

const reportQuery = `
  query Report($scope: NetworkScopeInput, $before: NetworkScopeInput, $after: NetworkScopeInput, $from: DateOnly!, $to: DateOnly!,
               $areaId: ID!, $hasArea: Boolean!, $activityArea: ID) {
    area(id: $areaId) @include(if: $hasArea) { name population { targetGroup count } }
    network(scope: $scope) {
      comparison(from: $from, to: $to) {
        from { ...figures } to { ...figures }
        tiesBuilt { type source { name } target { name } }
        tiesEnded { type source { name } target { name } }
        actorsBroughtIn { name }
        isolatedGroups { resources { name } stillIsolated joinedMainNetwork }
        introductions { made tieFormed declined pending tiesFollowing { id } introductions { on outcome first { name } second { name } activity { name } } }
      }
      overTime(from: $from, to: $to, points: 12) { day actors mainNetworkSize density isolatedShare }
    }
    before: network(scope: $before) { ...drawn }
    after: network(scope: $after) { ...drawn }
    activities(areaId: $activityArea, from: $from, to: $to, first: 500) {
      totalCount
      nodes { name kind startsOn endsOn recurrence venue { name } participants { role resource { name } } attendance { targetGroup count suppressed } attendanceTotal }
    }
  }
  fragment figures on NetworkFigures { day actors ties mainNetworkSize isolatedGroups isolatedActors density bridgingActors }
  fragment drawn on Network { actors { component resource { id latitude longitude } } ties { source { id } target { id } } }`;

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
let data: Report | null = null;
/** The days the figures shown are of (the fields may have changed since). */
let shown = { from: "", to: "" };
/** What the page says above the figures, in the current language: why there are none. */
let message = (): string => "";
/** The survey waves the reader may read (none before signing in), in the report's area when it has one. */
let waves: Wave[] = [];
/** The two waves compared (earlier, later) and what the comparison found; says why not when it failed. */
let waveComparison: { earlier: Wave; later: Wave; found: WaveComparison } | null = null;
let waveMessage = (): string => "";

function start(): void {
  languageChooser(() => render());
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
  byId<HTMLFormElement>("waves-form").addEventListener("submit", event => {
    event.preventDefault();
    void compareChosen(byId<HTMLSelectElement>("waves-earlier").value, byId<HTMLSelectElement>("waves-later").value);
  });
  run();
  void loadWaves();
}

/** Keeps the days, the area and the waves compared in the address (to bookmark or send on). */
function remember(): void {
  const query = new URLSearchParams({ from: fromInput.value, to: toInput.value });
  if (areaId) query.set("areaId", areaId);
  if (waveComparison) query.set("waves", `${waveComparison.earlier.id},${waveComparison.later.id}`);
  history.replaceState(null, "", `?${query}`);
}

/**
 * Reads the waves, then compares the two in the address, or else the last two waves of the survey asked most recently.
 * A reader who is not signed in sees no surveys (they are not public): the section stays hidden.
 */
async function loadWaves(): Promise<void> {
  try {
    const all = (await graphql<{ surveys: Wave[] }>("{ surveys { id name wave area { id } opensOn closesOn } }")).surveys;
    waves = all.filter(w => !areaId || w.area.id === areaId);
  } catch (error) {
    if (!(error instanceof GraphQLError && error.code === "UNAUTHENTICATED")) waveMessage = () => failureText(error);
    return render();
  }
  const [earlier, later] = params.get("waves")?.split(",") ?? lastTwo();
  if (earlier && later) await compareChosen(earlier, later);
  else render();
}

function lastTwo(): string[] {
  const latest = [...waves].sort((a, b) => a.closesOn.localeCompare(b.closesOn)).at(-1);
  return waves.filter(w => w.name === latest?.name).sort((a, b) => a.wave - b.wave).slice(-2).map(w => w.id);
}

async function compareChosen(earlierId: string, laterId: string): Promise<void> {
  const [earlier, later] = [waves.find(w => w.id === earlierId), waves.find(w => w.id === laterId)];
  if (!earlier || !later) return render();
  try {
    waveComparison = { earlier, later, found: await compareWaves(earlier.id, later.id) };
    waveMessage = () => "";
  } catch (error) {
    waveComparison = null;
    waveMessage = () => failureText(error);
  }
  remember();
  render();
}

/** Reads the report of the days in the fields, and keeps them in the address (to bookmark or send on). */
async function run(): Promise<void> {
  const [from, to] = [fromInput.value, toInput.value];
  remember();
  data = null;
  if (!from || !to) return show("error", () => t("report.chooseDays"));
  if (from > to) return show("error", () => t("report.reversed", { from: formatDate(from), to: formatDate(to) }));
  show("loading", () => "");
  try {
    const area = areaId ? { areaId } : {};
    data = await graphql<Report>(reportQuery, {
      scope: areaId ? area : null, before: { ...area, asOf: from }, after: { ...area, asOf: to }, from, to,
      areaId: areaId ?? "", hasArea: areaId !== null, activityArea: areaId,
    });
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
  renderCharts(data.network.overTime);
  renderMaps(data.before, data.after);
  renderActivities(data.activities.nodes, data.area?.population ?? []);
  renderIntroductions(c.introductions);
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
  renderWaves();
}

function renderWaves(): void {
  byId("waves-section").hidden = waves.length < 2 && waveMessage() === "";
  const label = (w: Wave): string => t("report.waveName", { name: w.name, wave: w.wave, from: formatDate(w.opensOn), to: formatDate(w.closesOn) });
  const chosen = [waveComparison?.earlier, waveComparison?.later];
  for (const [index, id] of ["waves-earlier", "waves-later"].entries()) {
    const select = byId<HTMLSelectElement>(id);
    const value = chosen[index]?.id ?? select.value;
    select.replaceChildren(...waves.map(w => el("option", { value: w.id, textContent: label(w) })));
    if (value) select.value = value;
  }
  const compared = waveComparison;
  byId("waves-compared").textContent = compared ? `${label(compared.earlier)} — ${label(compared.later)}` : waveMessage();
  const number = (w: Wave): string => t("surveys.waveNumber", { wave: w.wave });
  byId("waves").replaceChildren(...(compared ? waveComparisonView(compared.found, number(compared.earlier), number(compared.later)) : []));
}

function renderCharts(points: Point[]): void {
  const days = points.map(p => p.day);
  byId("charts").replaceChildren(
    lineChart(t("report.chartSize"), days, [
      { label: t("report.chartAll"), colour: "#1d4ed8", values: points.map(p => p.actors) },
      { label: t("report.chartMain"), colour: "#047857", values: points.map(p => p.mainNetworkSize) },
    ], wholeNumber),
    lineChart(t("report.chartDensity"), days, [{ label: t("report.chartDensity"), colour: "#7c2d12", values: points.map(p => p.density) }], n => formatNumber(n, 3)),
    lineChart(t("report.chartIsolated"), days, [{ label: t("report.chartIsolated"), colour: "#b91c1c", values: points.map(p => p.isolatedShare) }], percent));
}

function placed(network: DrawnNetwork): PlacedActor[] {
  return network.actors
    .filter(a => a.resource.latitude !== null && a.resource.longitude !== null)
    .map(a => ({ id: a.resource.id, latitude: a.resource.latitude!, longitude: a.resource.longitude!, outside: a.component !== 0 }));
}

function renderMaps(before: DrawnNetwork, after: DrawnNetwork): void {
  const [first, second] = [placed(before), placed(after)];
  const places = orderedPlaces([...first, ...second]);
  const ties = (n: DrawnNetwork) => n.ties.map(x => [x.source.id, x.target.id] as [string, string]);
  byId("maps").replaceChildren(...(places.size > 0
    ? [networkMap(formatDate(shown.from), places, first, ties(before)), networkMap(formatDate(shown.to), places, second, ties(after))]
    : [el("p", { textContent: t("report.noPlaces") })]));
}

/** When an activity was held, in words: its day, its days, or its recurrence. */
function heldOn(a: Activity): string {
  if (a.recurrence === "WEEKLY") return t("report.weeklyFrom", { day: formatDate(a.startsOn) });
  if (a.recurrence === "MONTHLY") return t("report.monthlyFrom", { day: formatDate(a.startsOn) });
  return a.endsOn && a.endsOn !== a.startsOn ? `${formatDate(a.startsOn)}–${formatDate(a.endsOn)}` : formatDate(a.startsOn);
}

function renderActivities(activities: Activity[], population: { targetGroup: string; count: number }[]): void {
  byId("activities-count").textContent = t("report.activitiesHeld", { count: activities.length });
  const people = (a: Activity) => a.attendanceTotal !== null ? formatNumber(a.attendanceTotal, 0) : a.attendance.some(x => x.suppressed) ? t("report.suppressed") : "—";
  byId("activities").querySelector("tbody")!.replaceChildren(...activities.map(a => el("tr", {},
    el("td", { textContent: heldOn(a) }),
    el("th", { scope: "row", textContent: a.name }),
    el("td", { textContent: t(`activityKind.${a.kind}` as TextKey) }),
    el("td", { textContent: a.venue?.name ?? "—" }),
    el("td", { textContent: formatNumber(a.participants.length, 0) }),
    el("td", { textContent: people(a) }))));
  byId("activities").hidden = activities.length === 0;

  // Attendances by target group over the period: the counts shown add up; a suppressed one is said, not guessed.
  const groups = new Map<string, { count: number; suppressed: boolean }>();
  for (const attendance of activities.flatMap(a => a.attendance)) {
    const group = groups.get(attendance.targetGroup) ?? { count: 0, suppressed: false };
    groups.set(attendance.targetGroup, { count: group.count + (attendance.count ?? 0), suppressed: group.suppressed || attendance.suppressed });
  }
  const living = new Map(population.map(p => [p.targetGroup, p.count]));
  byId("reach").querySelector("tbody")!.replaceChildren(...[...groups].sort(([a], [b]) => a.localeCompare(b)).map(([group, { count, suppressed }]) => {
    const total = living.get(group);
    const counted = !suppressed ? formatNumber(count, 0) : count > 0 ? `${formatNumber(count, 0)} + ${t("report.suppressed")}` : t("report.suppressed");
    return el("tr", {},
      el("th", { scope: "row", textContent: group === "total" ? t("attendance.total") : groupName(group) }),
      el("td", { textContent: counted }),
      el("td", { textContent: total === undefined ? "—" : formatNumber(total, 0) }),
      el("td", { textContent: total ? percent(count / total) : "—" }));
  }));
  byId("reach-section").hidden = groups.size === 0;
}

function renderIntroductions(introductions: Comparison["introductions"]): void {
  byId("introduction-counts").textContent = t("report.introductionCounts", {
    made: introductions.made, tie: introductions.tieFormed, declined: introductions.declined, pending: introductions.pending, following: introductions.tiesFollowing.length,
  });
  list("introductions", introductions.introductions.map(i => el("li", {
    textContent: `${formatDate(i.on)} ${i.first.name} — ${i.second.name}${i.activity ? ` (${i.activity.name})` : ""}: ${t(`outcome.${i.outcome}` as TextKey)}`,
  })));
}

/** A list, or a line saying there is nothing in it. */
function list(id: string, items: HTMLLIElement[]): void {
  byId(id).replaceChildren(...(items.length > 0 ? items : [el("li", { className: "none", textContent: t("report.none") })]));
}

start();
