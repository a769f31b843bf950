// The survey form an invited actor opens from its link: no account, the token (after '#' in the link) is the key. The
// token is taken out of the address at once, so it stays in no history, bookmark or screenshot of a shared phone; a
// reload asks to open the link again. Only public data is shown; nothing saved here changes the map until a worker
// has reviewed it.
import { graphql, GraphQLError } from "./api";
import { byId, el } from "./dom";
import { currentLanguage, formatDate, kindCodes, kindName, languageChooser, relationshipTypes, t, typeName, type TextKey } from "./i18n";

interface Actor {
  id: string;
  name: string;
  kind: string;
  address: string | null;
  offers: string[];
  needs: string[];
  targetGroups: string[];
  languages: string[];
  contactWeb: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
}

interface Partner {
  actor: { id: string; name: string; kind: string; address: string | null } | null;
  newName: string | null;
  newKind: string | null;
  type: string;
  frequency: string | null;
  reliable: number | null;
  open: number | null;
  sharesMission: number | null;
  influence: number | null;
  involvement: number | null;
  resources: number | null;
  note: string | null;
}

interface Form {
  surveyName: string;
  wave: number;
  areaName: string;
  closesOn: string;
  retentionDays: number;
  actor: Actor;
  answer: { record: Partial<Record<keyof Actor, unknown>>; partners: Partner[]; note: string | null; submittedAt: string | null } | null;
}

const partnerFields = "actor { id name kind address } newName newKind type frequency reliable open sharesMission influence involvement resources note";
const formFields = `surveyName wave areaName closesOn retentionDays
  actor { id name kind address offers needs targetGroups languages contactWeb contactEmail contactPhone }
  answer { record { name kind address offers needs targetGroups languages contactWeb contactEmail contactPhone } partners { ${partnerFields} } note submittedAt }`;

/** The record's fields in the form: text, a kind, or a list written with commas. */
const ownFields: { name: keyof Actor; kind: "text" | "kind" | "list" | "email" | "tel" | "url" }[] = [
  { name: "name", kind: "text" },
  { name: "kind", kind: "kind" },
  { name: "address", kind: "text" },
  { name: "offers", kind: "list" },
  { name: "needs", kind: "list" },
  { name: "targetGroups", kind: "list" },
  { name: "languages", kind: "list" },
  { name: "contactWeb", kind: "url" },
  { name: "contactEmail", kind: "email" },
  { name: "contactPhone", kind: "tel" },
];
const frequencies = ["DAILY", "WEEKLY", "MONTHLY", "QUARTERLY", "YEARLY"];
const trustItems = ["reliable", "open", "sharesMission"] as const;
const valueItems = ["influence", "involvement", "resources"] as const;
/** Kinds the form does not take as partners: persons, who did not agree to be named. */
const persons = new Set(["VOLUNTEER", "COMMUNITY_LEADER"]);

const token = location.hash.slice(1);
history.replaceState(null, "", location.pathname);
let form: Form | null = null;
let partners: Partner[] = [];
/** What the page says in its status line, in the current language. */
let status = (): string => t("loading");
let message = (): string => "";

function start(): void {
  // The form is drawn again in the new language: what was typed is kept first.
  languageChooser(() => {
    keepInputs();
    render();
  });
  byId<HTMLFormElement>("survey-form").addEventListener("submit", event => {
    event.preventDefault();
    void save(true);
  });
  byId("save-draft").addEventListener("click", () => void save(false));
  byId("withdraw").addEventListener("click", () => void withdraw());
  byId("add-new").addEventListener("click", () => {
    keepInputs();
    partners.push(blank({ newName: "", newKind: "ASSOCIATION" }));
    renderPartners();
    byId<HTMLInputElement>(`p${partners.length - 1}-newName`).focus();
  });
  let searching = 0;
  byId<HTMLInputElement>("partner-search").addEventListener("input", event => {
    const text = (event.target as HTMLInputElement).value.trim();
    window.clearTimeout(searching);
    searching = window.setTimeout(() => void search(text), 250);
  });
  void load();
}

function blank(over: Partial<Partner>): Partner {
  return {
    actor: null, newName: null, newKind: null, type: "COOPERATION", frequency: null, reliable: null, open: null,
    sharesMission: null, influence: null, involvement: null, resources: null, note: null, ...over,
  };
}

async function load(): Promise<void> {
  if (!token) return fail(() => t("survey.noToken"));
  try {
    form = (await graphql<{ surveyForm: Form }>(`query($t: String!) { surveyForm(token: $t) { ${formFields} } }`, { t: token })).surveyForm;
  } catch (e) {
    return fail(() => errorText(e));
  }
  partners = form.answer?.partners.map(p => ({ ...p })) ?? [];
  byId<HTMLTextAreaElement>("survey-note").value = form.answer?.note ?? "";
  byId<HTMLInputElement>("consent").checked = form.answer !== null;
  status = () => "";
  if (form.answer?.submittedAt) message = () => t("survey.submitted");
  byId("survey-form").hidden = false;
  byId("survey").dataset.state = "ready";
  render();
}

function fail(text: () => string): void {
  status = text;
  byId("survey-form").hidden = true;
  byId("survey").dataset.state = "error";
  render();
}

/** Writes every text in the current language; the answers typed are kept in `form` and `partners`. */
function render(): void {
  byId("survey-status").textContent = status();
  byId("survey-message").textContent = message();
  if (!form) return;
  byId("survey-about").textContent = t("survey.about", { survey: form.surveyName, wave: form.wave, area: form.areaName, date: formatDate(form.closesOn) });
  byId("consent-text").textContent = t("survey.consent", { days: form.retentionDays });
  renderOwn();
  renderPartners();
}

function renderOwn(): void {
  const record = form!.answer?.record ?? {};
  const fields = ownFields.map(field => {
    const id = `own-${field.name}`;
    const value = (record[field.name] ?? form!.actor[field.name]) as string | string[] | null;
    const label = el("label", { htmlFor: id, textContent: t(`survey.field.${field.name}` as TextKey) });
    if (field.kind === "kind") {
      const select = el("select", { id }, ...kindCodes.filter(k => !persons.has(k)).map(k => el("option", { value: k, textContent: kindName(k) })));
      select.value = String(value);
      return [label, select];
    }
    const input = el("input", { id, type: field.kind === "list" ? "text" : field.kind, value: Array.isArray(value) ? value.join(", ") : value ?? "" });
    if (field.kind === "list") input.setAttribute("aria-describedby", "list-help");
    return [label, input];
  });
  byId("own-fields").replaceChildren(...fields.flat(), el("p", { id: "list-help", className: "help", textContent: t("survey.listHelp") }));
}

function renderPartners(): void {
  byId("partner-list").replaceChildren(...partners.map((partner, i) => partnerItem(partner, i)));
}

function partnerItem(partner: Partner, i: number): HTMLLIElement {
  const id = (name: string): string => `p${i}-${name}`;
  const item = el("li");
  if (partner.actor) item.append(el("strong", { textContent: partner.actor.name }), " ", el("span", { textContent: kindName(partner.actor.kind) }));
  else {
    const name = el("input", { id: id("newName"), type: "text", value: partner.newName ?? "", maxLength: 200 });
    const kind = el("select", { id: id("newKind") }, ...kindCodes.filter(k => !persons.has(k)).map(k => el("option", { value: k, textContent: kindName(k) })));
    kind.value = partner.newKind ?? "ASSOCIATION";
    item.append(el("label", { htmlFor: id("newName"), textContent: t("survey.newName") }), name, el("label", { htmlFor: id("newKind"), textContent: t("survey.newKind") }), kind);
  }
  const type = el("select", { id: id("type") }, ...relationshipTypes.map(type => el("option", { value: type, textContent: typeName(type) })));
  type.value = partner.type;
  const frequency = el("select", { id: id("frequency") }, el("option", { value: "", textContent: t("survey.notSaid") }),
    ...frequencies.map(f => el("option", { value: f, textContent: t(`survey.frequency.${f}` as TextKey) })));
  frequency.value = partner.frequency ?? "";
  item.append(
    el("label", { htmlFor: id("type"), textContent: t("survey.type") }), type,
    el("label", { htmlFor: id("frequency"), textContent: t("survey.frequency") }), frequency,
    scales(i, "trust", trustItems, partner),
    scales(i, "value", valueItems, partner),
    el("label", { htmlFor: id("note"), textContent: t("survey.partnerNote") }),
    el("input", { id: id("note"), type: "text", value: partner.note ?? "", maxLength: 2000 }),
  );
  const remove = el("button", { type: "button", className: "link", textContent: t("survey.remove") });
  remove.addEventListener("click", () => {
    keepInputs();
    partners.splice(i, 1);
    renderPartners();
  });
  item.append(remove);
  return item;
}

/** PARTNER's three questions of a scale, each answered 1 (not at all) to 4 (a great deal). */
function scales(i: number, scale: "trust" | "value", items: readonly (keyof Partner)[], partner: Partner): HTMLFieldSetElement {
  return el("fieldset", {}, el("legend", { textContent: t(`survey.${scale}` as TextKey) }), ...items.map(name => {
    const group = el("fieldset", { className: "scale-item" }, el("legend", { textContent: t(`survey.${scale}.${name}` as TextKey) }));
    const row = el("div", { className: "scale" });
    for (const answer of [1, 2, 3, 4]) {
      const input = el("input", { type: "radio", name: `p${i}-${name}`, value: String(answer), id: `p${i}-${name}-${answer}`, checked: partner[name] === answer });
      row.append(el("label", { htmlFor: input.id }, input, t(`survey.scale.${answer}` as TextKey)));
    }
    group.append(row);
    return group;
  }));
}

/** Copies what was typed into `form` and `partners`, before the list or the language is drawn again. */
function keepInputs(): void {
  if (!form) return;
  const record: Record<string, unknown> = {};
  for (const field of ownFields) {
    const input = byId<HTMLInputElement | HTMLSelectElement>(`own-${field.name}`);
    if (!input) continue;
    record[field.name] = field.kind === "list" ? input.value.split(",").map(s => s.trim()).filter(s => s) : input.value.trim() || null;
  }
  form.answer = { ...(form.answer ?? { partners: [], note: null, submittedAt: null }), record };
  partners.forEach((partner, i) => {
    const value = (name: string): string | undefined => (document.getElementById(`p${i}-${name}`) as HTMLInputElement | null)?.value;
    if (!partner.actor) {
      partner.newName = value("newName") ?? partner.newName;
      partner.newKind = value("newKind") ?? partner.newKind;
    }
    partner.type = value("type") ?? partner.type;
    partner.frequency = value("frequency") || null;
    partner.note = value("note") || null;
    for (const name of [...trustItems, ...valueItems]) {
      const checked = document.querySelector<HTMLInputElement>(`input[name="p${i}-${name}"]:checked`);
      (partner[name] as number | null) = checked ? Number(checked.value) : null;
    }
  });
}

/** The record's corrections: only fields that differ from the map's record. */
function corrections(): Record<string, unknown> {
  const record = form!.answer?.record ?? {};
  const changed: Record<string, unknown> = {};
  for (const field of ownFields) {
    const given = record[field.name];
    const current = form!.actor[field.name];
    if (JSON.stringify(given ?? null) !== JSON.stringify(current ?? (field.kind === "list" ? [] : null))) changed[field.name] = given;
  }
  return changed;
}

async function search(text: string): Promise<void> {
  const list = byId("partner-options");
  if (text.length < 2) return void list.replaceChildren();
  const found = await graphql<{ resources: { nodes: Partner["actor"][] } }>(
    "query($t: String) { resources(text: $t, first: 10) { nodes { id name kind address } } }", { t: text });
  const named = new Set(partners.map(p => p.actor?.id));
  const options = found.resources.nodes.filter(a => a && !persons.has(a.kind) && a.id !== form?.actor.id && !named.has(a.id));
  list.replaceChildren(...(options.length === 0 ? [el("li", { textContent: t("survey.noMatches") })] : options.map(actor => {
    const button = el("button", { type: "button", textContent: `${actor!.name}${actor!.address ? ` — ${actor!.address}` : ""}` });
    button.addEventListener("click", () => {
      keepInputs();
      partners.push(blank({ actor }));
      list.replaceChildren();
      byId<HTMLInputElement>("partner-search").value = "";
      renderPartners();
      byId<HTMLSelectElement>(`p${partners.length - 1}-type`).focus();
    });
    return el("li", {}, button);
  })));
}

async function save(submit: boolean): Promise<void> {
  keepInputs();
  if (!byId<HTMLInputElement>("consent").checked) {
    message = () => t("survey.needConsent");
    return render();
  }
  const input = {
    token, consent: true, language: currentLanguage(), submit,
    record: corrections(),
    partners: partners.map(p => ({
      resourceId: p.actor?.id ?? null, newName: p.actor ? null : p.newName, newKind: p.actor ? null : p.newKind, type: p.type,
      frequency: p.frequency, reliable: p.reliable, open: p.open, sharesMission: p.sharesMission, influence: p.influence,
      involvement: p.involvement, resources: p.resources, note: p.note,
    })),
    note: byId<HTMLTextAreaElement>("survey-note").value,
  };
  try {
    form = (await graphql<{ saveSurveyAnswers: Form }>(`mutation($input: SaveSurveyAnswersInput!) { saveSurveyAnswers(input: $input) { ${formFields} } }`, { input })).saveSurveyAnswers;
    partners = form.answer!.partners.map(p => ({ ...p }));
    message = () => t(submit ? "survey.submitted" : "survey.saved");
    byId("survey").dataset.state = submit ? "submitted" : "saved";
  } catch (e) {
    message = () => errorText(e);
    byId("survey").dataset.state = "refused";
  }
  render();
}

async function withdraw(): Promise<void> {
  if (!window.confirm(t("survey.withdrawConfirm"))) return;
  try {
    await graphql("mutation($t: String!) { withdrawSurveyAnswers(token: $t) }", { t: token });
    form!.answer = null;
    partners = [];
    byId<HTMLInputElement>("consent").checked = false;
    message = () => t("survey.withdrawn");
  } catch (e) {
    message = () => errorText(e);
  }
  render();
}

/** A refusal in the page's language: the form's own words for the codes it expects, the server's message otherwise. */
function errorText(e: unknown): string {
  if (e instanceof GraphQLError && e.code && ["INVITATION_NOT_VALID", "INVITATION_REVOKED", "INVITATION_EXPIRED", "RATE_LIMITED", "CONFLICT", "NETWORK"].includes(e.code))
    return t(`survey.error.${e.code}` as TextKey);
  return e instanceof Error ? e.message : String(e);
}

start();
