import { graphql, graphqlWithFiles, GraphQLError, saveDownload } from "./api";
import { byId, el } from "./dom";
import { failureText } from "./errors";
import { currentLanguage, t, type TextKey } from "./i18n";

/** The most rows the preview lists; the summary counts them all. */
const MaxRowsShown = 500;

// A community's list imported from a spreadsheet (a dialog over the map), for workers and admins: the template to fill
// in, the map as a spreadsheet to edit and import again, a preview of what the import would do and every problem by
// sheet, row and column, then the import itself, all or nothing, and its undo. The server's rules are the only rules:
// the page shows its report and its problems as sent (in the page's language, which the API follows).

type Action = "CREATED" | "UPDATED" | "UNCHANGED";

interface ImportedRow {
  sheet: string;
  row: number;
  action: Action;
  name: string;
}

interface ImportProblem {
  sheet: string | null;
  row: number | null;
  column: string | null;
  message: string;
}

interface ImportReport {
  dryRun: boolean;
  written: boolean;
  batch: string | null;
  summary: string;
  rows: ImportedRow[];
  problems: ImportProblem[];
}

const importSpreadsheet = `
  mutation ImportSpreadsheet($file: Upload!, $ties: Upload, $dryRun: Boolean) {
    importSpreadsheet(file: $file, ties: $ties, dryRun: $dryRun) {
      dryRun written batch summary rows { sheet row action name } problems { sheet row column message }
    }
  }`;
const undoImport = `mutation UndoImport($input: UndoImportInput!) { undoImport(input: $input) { id } }`;

/** The sheets' names the server takes for ties (src/Api/Import/ImportColumns.cs); every other sheet holds resources. */
const tieSheets = ["ties", "saites"];

/** What the dialog shows: nothing yet, a preview, a list refused for its problems, an import done, undone, or failed. */
type State = "" | "working" | "previewed" | "problems" | "imported" | "undone" | "error";

export interface ImportHost {
  /** Reads the map's data again, after an import or its undo. */
  changed(): void;
}

export class ImportPage {
  private readonly dialog = byId<HTMLDialogElement>("import");
  private state: State = "";
  private report: ImportReport | null = null;
  private problems: ImportProblem[] = [];
  private undoneChanges = 0;
  /** The last failure, as a function so that a switch of language says it again. */
  private failure = (): string => "";

  constructor(private readonly host: ImportHost) {
    byId("close-import").addEventListener("click", () => this.dialog.close());
    byId<HTMLFormElement>("import-form").addEventListener("submit", event => {
      event.preventDefault();
      this.send(true).catch(e => this.failed(e));
    });
    byId("import-run").addEventListener("click", () => this.send(false).catch(e => this.failed(e)));
    byId("import-undo").addEventListener("click", () => this.undo().catch(e => this.failed(e)));
    // Another file makes the preview stale: it must be previewed again before it can be imported.
    for (const input of ["import-file", "import-ties"]) byId(input).addEventListener("change", () => this.show("", null, []));
    byId("import-export").addEventListener("click", event => {
      event.preventDefault();
      this.downloadMap().catch(e => this.failed(e));
    });
  }

  open(): void {
    this.render();
    if (!this.dialog.open) this.dialog.showModal();
    byId("import-file").focus();
  }

  /** Closed, its files and report forgotten: on signing in or out, the next user is not offered the last one's undo. */
  reset(): void {
    this.dialog.close();
    byId<HTMLFormElement>("import-form").reset();
    this.show("", null, []);
  }

  /** The links, the summary, the rows and the problems in the page's language (after a switch of language, too). */
  render(): void {
    // The server writes its template and workbook in Latvian or English (src/Api/Import): any other language, Russian
    // too, gets the English columns, which an import reads as well as the Latvian ones.
    const language = currentLanguage();
    byId<HTMLAnchorElement>("import-template").href = `/import/template.xlsx?language=${language}`;
    byId<HTMLAnchorElement>("import-export").href = `/export/resources.xlsx?language=${language}`;
    const stateElement = byId("import-state");
    stateElement.dataset.state = this.state;
    stateElement.setAttribute("aria-busy", String(this.state === "working"));
    for (const button of ["import-preview", "import-run", "import-undo"]) byId<HTMLButtonElement>(button).disabled = this.state === "working";
    // Only a preview without problems may be imported; only an import done may be undone.
    if (this.state !== "working") byId<HTMLButtonElement>("import-run").disabled = this.state !== "previewed";
    byId("import-undo").hidden = !(this.state === "imported" && this.report?.batch);

    byId("import-summary").textContent = this.summary();
    byId("import-error").textContent = this.failure();

    // A refused list's rows would say what will not happen: its problems alone are shown. A long list shows the rows it
    // changes first, and at most MaxRowsShown of them (20,000 table rows would take the page seconds to lay out).
    const all = this.state === "problems" ? [] : this.report?.rows ?? [];
    const rows = [...all.filter(r => r.action !== "UNCHANGED"), ...all.filter(r => r.action === "UNCHANGED")].slice(0, MaxRowsShown);
    byId("import-rows").hidden = rows.length === 0;
    byId("import-rows-shown").hidden = rows.length === all.length;
    byId("import-rows-shown").textContent = rows.length === all.length ? "" : t("import.rowsShown", { shown: rows.length, count: all.length });
    byId("import-rows").querySelector("tbody")!.replaceChildren(...rows.map(row => {
      const tr = el("tr", {},
        el("td", { className: "sheet", textContent: row.sheet }),
        el("td", { className: "row", textContent: String(row.row) }),
        el("td", { className: "action", textContent: t(`import.action.${row.action}` as TextKey) }),
        el("td", { className: "name", textContent: row.name }));
      Object.assign(tr.dataset, { sheet: row.sheet, row: String(row.row), action: row.action });
      return tr;
    }));

    byId("import-problems-title").hidden = this.problems.length === 0;
    byId("import-problems").replaceChildren(...this.problems.map(problem => {
      const item = el("li", { textContent: problemText(problem) });
      Object.assign(item.dataset, { sheet: problem.sheet ?? "", row: problem.row === null ? "" : String(problem.row), column: problem.column ?? "" });
      return item;
    }));
  }

  /** The summary in words: what the import would do (a preview), did, or why nothing can be imported yet. */
  private summary(): string {
    switch (this.state) {
      case "working":
        return t("import.working");
      case "problems":
        return t("import.problems", { count: this.problems.length });
      case "previewed":
        return countsOf(this.report!.rows).map(([sheet, counts]) => t(sheet === "ties" ? "import.willTies" : "import.willResources", counts)).join(" ");
      case "imported":
        return t("import.done", { counts: countsOf(this.report!.rows).map(([sheet, counts]) => t(sheet === "ties" ? "import.doneTies" : "import.doneResources", counts)).join("; ") });
      case "undone":
        return t("import.undone", { count: this.undoneChanges });
      default:
        return "";
    }
  }

  private show(state: State, report: ImportReport | null, problems: ImportProblem[], failure: () => string = () => ""): void {
    this.state = state;
    this.report = report;
    this.problems = problems;
    this.failure = failure;
    this.render();
  }

  /** Sends the chosen file(s): with dryRun a preview, without it the import. */
  private async send(dryRun: boolean): Promise<void> {
    const file = byId<HTMLInputElement>("import-file").files?.[0];
    const ties = byId<HTMLInputElement>("import-ties").files?.[0];
    if (!file) {
      this.show("", null, [], () => t("import.chooseFile"));
      byId("import-file").focus();
      return;
    }
    this.show("working", null, []);
    const { importSpreadsheet: report } = await graphqlWithFiles<{ importSpreadsheet: ImportReport }>(importSpreadsheet, { dryRun }, ties ? { file, ties } : { file });
    if (report.problems.length > 0) this.show("problems", report, report.problems);
    else if (dryRun) this.show("previewed", report, []);
    else {
      this.show("imported", report, []);
      this.host.changed();
    }
  }

  private async undo(): Promise<void> {
    const batch = this.report?.batch;
    if (!batch) return;
    this.show("working", this.report, []);
    try {
      const { undoImport: changes } = await graphql<{ undoImport: { id: string }[] }>(undoImport, { input: { batch } });
      this.undoneChanges = changes.length;
      this.show("undone", null, []);
      this.host.changed();
    } catch (error) {
      // Refused as a whole: the import stands, and can be undone once what changed since is undone.
      const report = this.report;
      this.show("imported", report, [], () => (error instanceof GraphQLError && error.code === "CONFLICT" ? t("import.undoConflict") : failureText(error)));
    }
  }

  /** The map as a spreadsheet, fetched with the session's token and saved. */
  private async downloadMap(): Promise<void> {
    const language = currentLanguage();
    await saveDownload(`/export/resources.xlsx?language=${language}`, language === "lv" ? "resursi.xlsx" : "resources.xlsx");
  }

  /** A refused list shows its problems (the server's refusal lists them); any other failure in words by its code. */
  private failed(error: unknown): void {
    const problems = error instanceof GraphQLError ? error.data?.problems : undefined;
    if (Array.isArray(problems) && problems.length > 0) {
      this.show("problems", null, problems as ImportProblem[]); // the list's fault, said in full: nothing for the console
      return;
    }
    console.error(error);
    const tooLarge = error instanceof GraphQLError && error.code === "REQUEST_TOO_LARGE";
    this.show("error", null, [], () => (tooLarge ? t("import.tooLarge") : failureText(error)));
  }
}

/** The counts of each action per kind of sheet, resources first: [["resources", { created, updated, unchanged }], …]. */
export function countsOf(rows: ImportedRow[]): [string, Record<string, number>][] {
  const sheets = new Map<string, Record<string, number>>();
  for (const row of rows) {
    const sheet = tieSheets.includes(row.sheet.trim().toLowerCase()) ? "ties" : "resources";
    const counts = sheets.get(sheet) ?? { created: 0, updated: 0, unchanged: 0 };
    counts[row.action.toLowerCase()]++;
    sheets.set(sheet, counts);
  }
  if (sheets.size === 0) sheets.set("resources", { created: 0, updated: 0, unchanged: 0 });
  return ["resources", "ties"].filter(sheet => sheets.has(sheet)).map(sheet => [sheet, sheets.get(sheet)!]);
}

/** Where a problem is and what it is: "Lapa Resursi, 4. rinda, kolonna veids: …"; the message as the server wrote it. */
export function problemText(problem: ImportProblem): string {
  const where = [
    problem.sheet !== null ? t("import.at.sheet", { sheet: problem.sheet }) : null,
    problem.row !== null ? t("import.at.row", { row: String(problem.row) }) : null,
    problem.column !== null ? t("import.at.column", { column: problem.column }) : null,
  ].filter(part => part !== null);
  return where.length > 0 ? `${where.join(", ")}: ${problem.message}` : problem.message;
}
