// Two waves of a partner survey compared (the API's surveyComparison), as the survey desk and the impact report show
// them: the waves' figures side by side, then each tie named in either wave, how each wave named it (by one side or
// both, with its trust and value) and what became of it.
import { graphql } from "./api";
import { el } from "./dom";
import { formatNumber, t, type TextKey } from "./i18n";

interface Figures { respondents: number; tiesNamed: number; confirmedByBothSides: number; averageTrust: number | null; averageValue: number | null }
interface TieAnswers { bothSides: boolean; trust: number | null; value: number | null }
interface WaveTie { first: { name: string }; second: { name: string }; inFirst: TieAnswers | null; inSecond: TieAnswers | null; change: string }
export interface WaveComparison { first: Figures; second: Figures; newTies: number; lostTies: number; notAskedAgain: number; ties: WaveTie[] }

const figures = "respondents tiesNamed confirmedByBothSides averageTrust averageValue";
const answers = "bothSides trust value";
const query = `query($a: ID!, $b: ID!) { surveyComparison(firstId: $a, secondId: $b) {
  first { ${figures} } second { ${figures} } newTies lostTies notAskedAgain
  ties { first { name } second { name } inFirst { ${answers} } inSecond { ${answers} } change } } }`;

export async function compareWaves(earlierId: string, laterId: string): Promise<WaveComparison> {
  return (await graphql<{ surveyComparison: WaveComparison }>(query, { a: earlierId, b: laterId })).surveyComparison;
}

// The ties that tell of the work first: new ones, then lost ones, then those not asked about, then those kept.
const changeOrder = ["NEW", "LOST", "NOT_ASKED_AGAIN", "KEPT"];

/** The figures table, the count of changes, and the ties table; the columns are headed by the waves' names. */
export function waveComparisonView(comparison: WaveComparison, earlier: string, later: string): HTMLElement[] {
  const { first, second } = comparison;
  const score = (n: number | null): string => (n === null ? "—" : formatNumber(n, 2));
  const line = (key: TextKey, a: string, b: string): HTMLTableRowElement =>
    el("tr", {}, el("th", { scope: "row", textContent: t(key) }), el("td", { textContent: a }), el("td", { textContent: b }));
  const head = (...labels: string[]): HTMLTableSectionElement => el("thead", {}, el("tr", {}, ...labels.map(label => el("th", { scope: "col", textContent: label }))));
  const figuresTable = el("table", { className: "wave-figures" }, head("", earlier, later), el("tbody", {},
    line("surveys.respondents", String(first.respondents), String(second.respondents)),
    line("surveys.tiesNamed", String(first.tiesNamed), String(second.tiesNamed)),
    line("surveys.confirmed", String(first.confirmedByBothSides), String(second.confirmedByBothSides)),
    line("surveys.averageTrust", score(first.averageTrust), score(second.averageTrust)),
    line("surveys.averageValue", score(first.averageValue), score(second.averageValue))));
  const changes = el("p", { className: "wave-changes", textContent: t("surveys.changes", { added: comparison.newTies, lost: comparison.lostTies, unasked: comparison.notAskedAgain }) });
  const named = (answers: TieAnswers | null): string => answers === null ? "—" : t("waves.named", {
    sides: t(answers.bothSides ? "waves.bothSides" : "waves.oneSide"), trust: score(answers.trust), value: score(answers.value),
  });
  const ties = [...comparison.ties].sort((a, b) => changeOrder.indexOf(a.change) - changeOrder.indexOf(b.change));
  const tiesTable = el("table", { className: "wave-ties" }, head(t("waves.tie"), earlier, later, t("waves.change")), el("tbody", {},
    ...ties.map(tie => el("tr", {},
      el("th", { scope: "row", textContent: `${tie.first.name} — ${tie.second.name}` }),
      el("td", { textContent: named(tie.inFirst) }),
      el("td", { textContent: named(tie.inSecond) }),
      el("td", { textContent: t(`waves.change.${tie.change}` as TextKey) })))));
  return [figuresTable, changes, tiesTable];
}
