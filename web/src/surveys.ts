// A worker's survey desk: waves of partner surveys, invitations with their links and QR codes (shown once, to send or
// print), each answer item by item beside the data with accept/reject, and two waves compared. Signed in on the map.
import { graphql } from "./api";
import { byId, el } from "./dom";
import { formatDate, formatNumber, kindName, languageChooser, t, typeName, type TextKey } from "./i18n";
import { currentUser, mayEdit, useToken } from "./session";
import { compareWaves, waveComparisonView, type WaveComparison } from "./wave-comparison";

interface Wave { id: string; name: string; wave: number; area: { id: string; name: string }; opensOn: string; closesOn: string }
interface Invitation { id: string; status: string; expiresAt: string; resource: { name: string } }
interface Item {
  key: string; field: string | null; current: string | null; proposed: string | null; partner: { name: string } | null;
  newActorName: string | null; type: string | null; frequency: string | null; strength: number | null; trust: number | null;
  value: number | null; namedByBothSides: boolean; decision: string | null; existingTie: { id: string } | null;
}
interface Response { id: string; language: string; submittedAt: string | null; resource: { name: string }; items: Item[] }
interface Detail extends Wave { invitations: Invitation[]; responses: Response[] }

const waveFields = "id name wave area { id name } opensOn closesOn";
const detailQuery = `query($id: ID!) { survey(id: $id) { ${waveFields}
  invitations { id status expiresAt resource { name } }
  responses { id language submittedAt resource { name }
    items { key field current proposed partner { name } newActorName type frequency strength trust value namedByBothSides decision existingTie { id } } } } }`;
const persons = new Set(["VOLUNTEER", "COMMUNITY_LEADER"]);

let waves: Wave[] = [];
let detail: Detail | null = null;
/** The wave this one was compared with, and what the comparison found. */
let comparison: { earlier: Wave; found: WaveComparison } | null = null;
let status = (): string => t("loading");

async function start(): Promise<void> {
  languageChooser(() => render());
  await useToken(null);
  if (!mayEdit()) {
    status = () => t("surveys.signIn");
    return render();
  }
  byId<HTMLFormElement>("new-wave").addEventListener("submit", event => {
    event.preventDefault();
    void createWave();
  });
  byId("invite-send").addEventListener("click", () => void invite());
  byId("compare").addEventListener("click", () => void compare());
  const areas = (await graphql<{ areas: { nodes: { id: string; name: string; kind: string }[] } }>(
    "{ areas(kinds: [MUNICIPALITY, CITY], first: 500, order: [{ name: ASC }]) { nodes { id name kind } } }")).areas.nodes;
  const mine = currentUser()!.role === "ADMIN" ? areas : areas.filter(a => currentUser()!.municipalities.includes(a.name));
  byId("wave-area").replaceChildren(...mine.map(a => el("option", { value: a.id, textContent: a.name })));
  const today = new Date().toISOString().slice(0, 10);
  byId<HTMLInputElement>("wave-opens").value = today;
  await loadWaves();
  status = () => "";
  byId("surveys-body").hidden = false;
  byId("surveys").dataset.state = "ready";
  render();
}

async function loadWaves(): Promise<void> {
  waves = (await graphql<{ surveys: Wave[] }>(`{ surveys { ${waveFields} } }`)).surveys;
}

async function open(id: string): Promise<void> {
  detail = (await graphql<{ survey: Detail }>(detailQuery, { id })).survey;
  comparison = null;
  byId("issued").replaceChildren();
  const actors = (await graphql<{ resources: { nodes: { id: string; name: string; kind: string }[] } }>(
    "query($a: ID) { resources(areaId: $a, first: 500, order: [{ name: ASC }]) { nodes { id name kind } } }", { a: detail.area.id })).resources.nodes;
  byId("invite-actors").replaceChildren(...actors.filter(a => !persons.has(a.kind)).map(a =>
    el("label", {}, el("input", { type: "checkbox", value: a.id }), ` ${a.name} (${kindName(a.kind)})`)));
  byId("wave").hidden = false;
  byId("surveys").dataset.state = "wave";
  render();
}

async function createWave(): Promise<void> {
  try {
    const input = {
      name: byId<HTMLInputElement>("wave-name").value, areaId: byId<HTMLSelectElement>("wave-area").value,
      opensOn: byId<HTMLInputElement>("wave-opens").value, closesOn: byId<HTMLInputElement>("wave-closes").value,
    };
    const created = (await graphql<{ createSurvey: Wave }>(`mutation($input: CreateSurveyInput!) { createSurvey(input: $input) { ${waveFields} } }`, { input })).createSurvey;
    await loadWaves();
    await open(created.id);
  } catch (e) {
    status = () => (e as Error).message;
    render();
  }
}

async function invite(): Promise<void> {
  const resourceIds = [...document.querySelectorAll<HTMLInputElement>("#invite-actors input:checked")].map(i => i.value);
  if (resourceIds.length === 0) return;
  const issued = (await graphql<{ inviteToSurvey: { link: string; qrSvg: string; invitation: Invitation }[] }>(
    "mutation($input: InviteToSurveyInput!) { inviteToSurvey(input: $input) { link qrSvg invitation { id status expiresAt resource { name } } } }",
    { input: { surveyId: detail!.id, resourceIds } })).inviteToSurvey;
  // The links exist only in this answer (the server keeps hashes): shown once, to copy, send or print now, below the
  // wave as it is read again with the new invitations.
  const cards = issued.map(i => el("li", { className: "link-card" },
    el("strong", { textContent: i.invitation.resource.name }),
    el("img", { src: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(i.qrSvg)}`, alt: t("surveys.qr", { name: i.invitation.resource.name }) }),
    el("a", { href: i.link, textContent: i.link, className: "survey-link" })));
  for (const box of document.querySelectorAll<HTMLInputElement>("#invite-actors input:checked")) box.checked = false;
  await open(detail!.id);
  byId("issued").replaceChildren(...cards);
}

async function decide(response: Response): Promise<void> {
  const chosen = (value: string): string[] => [...document.querySelectorAll<HTMLInputElement>(`input[name^="${response.id}:"][value="${value}"]:checked`)]
    .map(i => i.name.slice(response.id.length + 1));
  await graphql("mutation($input: ModerateSurveyResponseInput!) { moderateSurveyResponse(input: $input) { id } }",
    { input: { responseId: response.id, accept: chosen("accept"), reject: chosen("reject") } });
  await open(detail!.id);
}

async function compare(): Promise<void> {
  const earlier = waves.find(w => w.id === byId<HTMLSelectElement>("compare-with").value);
  if (!earlier) return;
  comparison = { earlier, found: await compareWaves(earlier.id, detail!.id) };
  render();
}

function render(): void {
  byId("surveys-status").textContent = status();
  byId("wave-list").replaceChildren(...waves.map(w => {
    const button = el("button", { type: "button", textContent: t("surveys.waveLine", { name: w.name, wave: w.wave, area: w.area.name, from: formatDate(w.opensOn), to: formatDate(w.closesOn) }) });
    button.addEventListener("click", () => void open(w.id));
    return el("li", {}, button);
  }));
  byId("wave-names").replaceChildren(...[...new Set(waves.map(w => w.name))].map(name => el("option", { value: name })));
  if (!detail) return;
  byId("wave-title").textContent = t("surveys.waveTitle", { name: detail.name, wave: detail.wave, area: detail.area.name });
  byId("invitations").querySelector("tbody")!.replaceChildren(...detail.invitations.map(i => {
    const row = el("tr", {}, el("td", { textContent: i.resource.name }), el("td", { textContent: t(`surveys.status.${i.status}` as TextKey) }));
    if (i.status !== "REVOKED" && i.status !== "EXPIRED") {
      const revoke = el("button", { type: "button", className: "link", textContent: t("surveys.revoke") });
      revoke.addEventListener("click", async () => {
        await graphql("mutation($id: ID!) { revokeSurveyInvitation(id: $id) { id } }", { id: i.id });
        await open(detail!.id);
      });
      row.append(el("td", {}, revoke));
    }
    return row;
  }));
  byId("responses").replaceChildren(...detail.responses.map(responseView));
  const others = waves.filter(w => w.name === detail!.name && w.id !== detail!.id);
  byId("compare-with").replaceChildren(...others.map(w => el("option", { value: w.id, textContent: t("surveys.waveNumber", { wave: w.wave }) })));
  renderComparison();
}

function responseView(response: Response): HTMLElement {
  const state = response.submittedAt ? t("surveys.submittedOn", { date: formatDate(response.submittedAt.slice(0, 10)) }) : t("surveys.draft");
  const rows = response.items.map(item => {
    const what = item.field
      ? t("surveys.fieldChange", { field: t(`survey.field.${item.field}` as TextKey), current: item.current ?? "—", proposed: item.proposed ?? "—" })
      : t("surveys.tieItem", {
        partner: item.partner?.name ?? item.newActorName ?? "", type: typeName(item.type ?? ""),
        frequency: item.frequency ? t(`survey.frequency.${item.frequency}` as TextKey) : t("survey.notSaid"),
        trust: item.trust === null ? "—" : formatNumber(item.trust, 1), value: item.value === null ? "—" : formatNumber(item.value, 1),
      }) + (item.newActorName && !item.partner ? ` ${t("surveys.newActor")}` : "") + (item.namedByBothSides ? ` ${t("surveys.bothSides")}` : "")
        + (item.existingTie ? ` ${t("surveys.onMap")}` : "");
    const decision = item.decision
      ? el("td", { textContent: t(`surveys.decision.${item.decision}` as TextKey) })
      : el("td", {}, ...["accept", "reject"].map(value => el("label", {},
        el("input", { type: "radio", name: `${response.id}:${item.key}`, value, className: `decide-${value}` }), ` ${t(`surveys.${value}` as TextKey)}`)));
    const row = el("tr", {}, el("td", { textContent: what }), decision);
    row.dataset.key = item.key;
    return row;
  });
  const save = el("button", { type: "button", textContent: t("surveys.saveDecisions"), className: "save-decisions" });
  save.addEventListener("click", () => void decide(response));
  const view = el("div", { className: "response" },
    el("h4", { textContent: `${response.resource.name} — ${state} (${response.language})` }),
    el("table", {}, el("tbody", {}, ...rows)), save);
  view.dataset.actor = response.resource.name;
  return view;
}

function renderComparison(): void {
  const view = byId("comparison");
  view.hidden = comparison === null;
  if (!comparison) return;
  const label = (wave: Wave): string => t("surveys.waveNumber", { wave: wave.wave });
  view.replaceChildren(...waveComparisonView(comparison.found, label(comparison.earlier), label(detail!)));
}

void start();
