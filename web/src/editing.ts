import type L from "leaflet";
import { graphql, GraphQLError, type Area, type Resource } from "./api";
import { byId, el } from "./dom";
import { explain } from "./errors";
import { formatDate, groupName, kindCodes, kindName, relationshipTypes, t, typeName, type TextKey } from "./i18n";
import { activityKinds, attendanceGroups, outcomes } from "./activities";

// Adding and changing resources and ties by form, for signed-in workers. The server's rules are the only rules: the
// form does not validate, it shows each refusal next to the field the server names (extensions.data.field).

type Value = string | number | boolean | string[] | null;

interface Field {
  name: string;
  label: TextKey;
  /** Values of the label's text ({group} of "field.attendance"). */
  labelValues?: Record<string, string>;
  kind: "text" | "textarea" | "number" | "date" | "select" | "checkboxes" | "checkbox";
  options?: () => [string, string][];
  step?: string;
  /** Sent as empty text rather than null when left empty, so the server names the field in its refusal. */
  required?: true;
}

interface Target {
  what: "resource" | "tie" | "activity" | "introduction";
  id: string | null; // null while creating
  version: number | null;
  title: TextKey;
  fields: Field[];
}

const resourceFields = (areas: () => Area[], groups: () => string[]): Field[] => [
  { name: "name", label: "field.name", kind: "text", required: true },
  { name: "kind", label: "field.kind", kind: "select", options: () => kindCodes.map(k => [k, kindName(k)]) },
  { name: "targetGroups", label: "field.targetGroups", kind: "checkboxes", options: () => groups().map(g => [g, groupName(g)]) },
  { name: "address", label: "field.address", kind: "text" },
  { name: "description", label: "field.description", kind: "textarea" },
  { name: "latitude", label: "field.latitude", kind: "number", step: "any" },
  { name: "longitude", label: "field.longitude", kind: "number", step: "any" },
  { name: "areaId", label: "field.area", kind: "select", options: () => [["", "—"], ...areas().map(a => [a.id, a.name] as [string, string])] },
  { name: "sensitive", label: "field.sensitive", kind: "checkbox" },
];

const tieFields = (partners: () => Resource[], creating: boolean): Field[] => [
  ...(creating ? [{ name: "targetId", label: "field.partner", kind: "select", options: () => partners().map(r => [r.id, r.name]) } as Field] : []),
  { name: "type", label: "field.type", kind: "select", options: () => relationshipTypes.map(type => [type, typeName(type)]) },
  { name: "strength", label: "field.strength", kind: "number", step: "1" },
  { name: "since", label: "field.since", kind: "date" },
  { name: "until", label: "field.until", kind: "date" },
  { name: "note", label: "field.note", kind: "textarea" },
];

/** The resources a worker may name in an activity or an introduction: the owner's nearest first, a few dozen. */
const nearest = (owner: Resource | undefined, all: Resource[], count = 60): Resource[] => {
  if (!owner || owner.latitude === null || owner.longitude === null) return [...all].sort((a, b) => a.name.localeCompare(b.name)).slice(0, count);
  const away = (r: Resource) => r.latitude === null || r.longitude === null ? Infinity
    : (r.latitude - owner.latitude!) ** 2 + ((r.longitude - owner.longitude!) * Math.cos(owner.latitude! * Math.PI / 180)) ** 2;
  return [...all].sort((a, b) => away(a) - away(b) || a.name.localeCompare(b.name)).slice(0, count);
};

const activityFields = (partners: () => Resource[]): Field[] => [
  { name: "name", label: "field.name", kind: "text", required: true },
  { name: "kind", label: "field.activityKind", kind: "select", options: () => activityKinds.map(k => [k, t(`activityKind.${k}` as TextKey)]) },
  { name: "startsOn", label: "field.startsOn", kind: "date", required: true },
  { name: "endsOn", label: "field.endsOn", kind: "date" },
  { name: "recurrence", label: "field.recurrence", kind: "select", options: () => ["ONCE", "WEEKLY", "MONTHLY"].map(r => [r, t(`recurrence.${r}` as TextKey)]) },
  { name: "participants", label: "field.participants", kind: "checkboxes", options: () => partners().map(r => [r.id, r.name]) },
  ...attendanceGroups.map(group => ({ name: `attendance:${group}`, label: "field.attendance" as TextKey, labelValues: { group: group === "total" ? t("attendance.total") : groupName(group) }, kind: "number" as const, step: "1" })),
  { name: "note", label: "field.note", kind: "textarea" },
];

const introductionFields = (partners: () => Resource[], activities: () => [string, string][], ties: () => [string, string][], creating: boolean): Field[] => [
  ...(creating ? [{ name: "secondId", label: "field.introducedTo", kind: "select", options: () => partners().map(r => [r.id, r.name]) } as Field] : []),
  { name: "on", label: "field.introducedOn", kind: "date", required: true },
  { name: "activityId", label: "field.atActivity", kind: "select", options: () => [["", "—"], ...activities()] },
  { name: "fromSuggestion", label: "field.fromSuggestion", kind: "checkbox" },
  { name: "outcome", label: "field.outcome", kind: "select", options: () => outcomes.map(o => [o, t(`outcome.${o}` as TextKey)]) },
  { name: "outcomeOn", label: "field.outcomeOn", kind: "date" },
  { name: "relationshipId", label: "field.followingTie", kind: "select", options: () => [["", "—"], ...ties()] },
  { name: "note", label: "field.note", kind: "textarea" },
];

const readResource = `
  query Read($id: ID!) {
    node(id: $id) {
      ... on Resource { version name kind targetGroups address description latitude longitude area { id } sensitive }
      ... on Relationship { version type strength since until note }
      ... on Activity { version name activityKind: kind startsOn endsOn recurrence note participants { role resource { id } } attendance { targetGroup count } }
      ... on Introduction { version on activity { id } fromSuggestion outcome outcomeOn relationship { id } note first { id } second { id } }
    }
  }`;

const mutations = {
  createResource: `mutation($input: CreateResourceInput!) { createResource(input: $input) { resource { id } } }`,
  updateResource: `mutation($input: UpdateResourceInput!) { updateResource(input: $input) { resource { id } } }`,
  createTie: `mutation($input: CreateRelationshipInput!) { createRelationship(input: $input) { relationship { id } } }`,
  updateTie: `mutation($input: UpdateRelationshipInput!) { updateRelationship(input: $input) { relationship { id } } }`,
  createActivity: `mutation($input: CreateActivityInput!) { createActivity(input: $input) { activity { id } } }`,
  updateActivity: `mutation($input: UpdateActivityInput!) { updateActivity(input: $input) { activity { id } } }`,
  recordIntroduction: `mutation($input: RecordIntroductionInput!) { recordIntroduction(input: $input) { introduction { id } } }`,
  updateIntroduction: `mutation($input: UpdateIntroductionInput!) { updateIntroduction(input: $input) { introduction { id } } }`,
};

/** The owner's activities, for the introduction's "at which activity". */
const ownerActivities = `query($id: ID!) { node(id: $id) { ... on Resource { activities { id name startsOn } } } }`;

export interface EditorHost {
  resources(): Resource[];
  areas(): Area[];
  /** Reads the network again and selects the resource saved. */
  saved(resourceId: string): Promise<void>;
}

export class Editor {
  private target: Target | null = null;
  private tieOwner: string | null = null;
  /** The roles of an activity's participants as read, kept for those still chosen when it is saved. */
  private roles = new Map<string, string>();
  /** An activity's counts of target groups the form has no field for, kept as they were. */
  private otherAttendance: { targetGroup: string; count: number }[] = [];
  private waitingForPlace = false;

  constructor(private readonly host: EditorHost, private readonly map: L.Map) {
    map.on("click", event => this.placed(event.latlng).catch(e => this.formError(e)));
    byId<HTMLFormElement>("editor-form").addEventListener("submit", event => {
      event.preventDefault();
      this.save().catch(e => this.formError(e));
    });
    byId("editor-cancel").addEventListener("click", () => this.close());
  }

  /** "Add a resource": the next click on the map places it, then the form opens there. */
  startAdding(): void {
    this.close();
    this.waitingForPlace = true;
    this.map.getContainer().classList.add("placing");
    byId("editor-hint").textContent = t("edit.clickMap");
  }

  async editResource(id: string): Promise<void> {
    const values = await this.read(id);
    this.open({ what: "resource", id, version: values.version as number, title: "edit.resourceTitle", fields: this.resourceFields() }, values);
  }

  /** The form for a new tie of the owner; a suggested tie comes with its partner chosen. */
  addTie(ownerId: string, partnerId: string | null = null): void {
    this.tieOwner = ownerId;
    const fields = tieFields(() => this.host.resources().filter(r => r.id !== ownerId).sort((a, b) => a.name.localeCompare(b.name)), true);
    this.open({ what: "tie", id: null, version: null, title: "edit.newTieTitle", fields }, { targetId: partnerId, type: "COOPERATION", strength: 2 });
  }

  async editTie(ownerId: string, tieId: string): Promise<void> {
    this.tieOwner = ownerId;
    const values = await this.read(tieId);
    this.open({ what: "tie", id: tieId, version: values.version as number, title: "edit.tieTitle", fields: tieFields(() => [], false) }, values);
  }

  /** The form for a new activity at the owner: it is the venue and the organiser; the worker ticks the others who took part. */
  addActivity(ownerId: string): void {
    this.tieOwner = ownerId;
    this.roles = new Map([[ownerId, "ORGANISER"]]);
    this.otherAttendance = [];
    const today = new Date().toISOString().slice(0, 10);
    this.open({ what: "activity", id: null, version: null, title: "edit.newActivityTitle", fields: this.activityFields(ownerId, []) },
      { kind: "MEETING", recurrence: "ONCE", startsOn: today, participants: [] });
  }

  async editActivity(ownerId: string, activityId: string): Promise<void> {
    this.tieOwner = ownerId;
    const values = await this.read(activityId);
    const chosen = (values.participants as string[] | null) ?? [];
    this.open({ what: "activity", id: activityId, version: values.version as number, title: "edit.activityTitle", fields: this.activityFields(ownerId, chosen) }, values);
  }

  /** The form for an introduction of the owner to another actor; one from a suggested tie comes with its partner chosen. */
  async addIntroduction(ownerId: string, partnerId: string | null = null): Promise<void> {
    this.tieOwner = ownerId;
    const fields = await this.introductionFields(ownerId, true);
    this.open({ what: "introduction", id: null, version: null, title: "edit.newIntroductionTitle", fields },
      { secondId: partnerId, on: new Date().toISOString().slice(0, 10), outcome: "PENDING", fromSuggestion: partnerId !== null, activityId: "", relationshipId: "" });
  }

  async editIntroduction(ownerId: string, introductionId: string): Promise<void> {
    this.tieOwner = ownerId;
    const values = await this.read(introductionId);
    this.partnerOfIntroduction = values.partnerId as string;
    this.open({ what: "introduction", id: introductionId, version: values.version as number, title: "edit.introductionTitle", fields: await this.introductionFields(ownerId, false) }, values);
  }

  /** The other actor of the introduction being edited: its ties with the owner are those that may have followed. */
  private partnerOfIntroduction: string | null = null;

  private activityFields(ownerId: string, chosen: string[]): Field[] {
    const all = this.host.resources();
    const owner = all.find(r => r.id === ownerId);
    const near = nearest(owner, all.filter(r => r.id !== ownerId));
    const named = all.filter(r => chosen.includes(r.id) && r.id !== ownerId && !near.includes(r));
    return activityFields(() => [...named, ...near]);
  }

  private async introductionFields(ownerId: string, creating: boolean): Promise<Field[]> {
    const all = this.host.resources();
    const owner = all.find(r => r.id === ownerId);
    const { node } = await graphql<{ node: { activities: { id: string; name: string; startsOn: string }[] } | null }>(ownerActivities, { id: ownerId });
    const activities = (node?.activities ?? []).map(a => [a.id, `${formatDate(a.startsOn)} ${a.name}`] as [string, string]);
    const nameOf = (id: string) => all.find(r => r.id === id)?.name ?? "?";
    // The owner's ties, named by partner and type: with a partner chosen, only theirs.
    const ties = () => {
      const partner = creating ? byId<HTMLSelectElement>("f-secondId")?.value : this.partnerOfIntroduction;
      return (owner?.relationships ?? [])
        .filter(x => !partner || x.source.id === partner || x.target.id === partner)
        .map(x => [x.id, `${nameOf(x.source.id === ownerId ? x.target.id : x.source.id)} (${typeName(x.type)})`] as [string, string]);
    };
    return introductionFields(() => all.filter(r => r.id !== ownerId).sort((a, b) => a.name.localeCompare(b.name)), () => activities, ties, creating);
  }

  private resourceFields(): Field[] {
    const groups = new Set(["seniors", "youth", "children", "families-of-children-with-disabilities"]);
    for (const r of this.host.resources()) for (const g of r.targetGroups) groups.add(g);
    return resourceFields(() => [...this.host.areas()].sort((a, b) => a.name.localeCompare(b.name)), () => [...groups]);
  }

  private async placed(at: L.LatLng): Promise<void> {
    // With a resource's form open, a click on the map moves it there.
    if (this.target?.what === "resource" && !this.waitingForPlace) {
      byId<HTMLInputElement>("f-latitude").value = at.lat.toFixed(6);
      byId<HTMLInputElement>("f-longitude").value = at.lng.toFixed(6);
      return;
    }
    if (!this.waitingForPlace) return;
    this.waitingForPlace = false;
    this.map.getContainer().classList.remove("placing");
    const latitude = Number(at.lat.toFixed(6));
    const longitude = Number(at.lng.toFixed(6));
    // The area the point lies in, as the server would find it; the worker may change it.
    const { areaAt } = await graphql<{ areaAt: { id: string } | null }>(`query($lat: Float!, $lon: Float!) { areaAt(latitude: $lat, longitude: $lon) { id } }`, { lat: latitude, lon: longitude });
    this.open({ what: "resource", id: null, version: null, title: "edit.newResourceTitle", fields: this.resourceFields() },
      { kind: "ASSOCIATION", latitude, longitude, areaId: areaAt?.id ?? "" });
  }

  private async read(id: string): Promise<Record<string, Value>> {
    type Node = Record<string, Value> & {
      area?: { id: string } | null;
      participants?: { role: string; resource: { id: string } }[];
      activityKind?: string;
      attendance?: { targetGroup: string; count: number }[];
      activity?: { id: string } | null;
      relationship?: { id: string } | null;
      first?: { id: string };
      second?: { id: string };
    };
    const { node } = await graphql<{ node: Node | null }>(readResource, { id });
    if (!node) throw new GraphQLError(t("edit.gone"), "NOT_FOUND");
    const { area, participants, attendance, activity, relationship, first, second, activityKind, ...values } = node;
    if (participants) {
      // The owner is the activity's own (its organiser, usually): the form lists the others.
      this.roles = new Map(participants.map(p => [p.resource.id, p.role]));
      this.otherAttendance = (attendance ?? []).filter(a => !attendanceGroups.includes(a.targetGroup));
      const counts = Object.fromEntries((attendance ?? []).map(a => [`attendance:${a.targetGroup}`, a.count]));
      return { ...values, ...counts, kind: activityKind ?? null, participants: participants.map(p => p.resource.id).filter(p => p !== this.tieOwner) };
    }
    if (first && second)
      return { ...values, activityId: activity?.id ?? "", relationshipId: relationship?.id ?? "", partnerId: first.id === this.tieOwner ? second.id : first.id };
    return area !== undefined ? { ...values, areaId: area?.id ?? "" } : values;
  }

  private open(target: Target, values: Record<string, Value>): void {
    this.target = target;
    byId("editor-saved").textContent = "";
    this.waitingForPlace = false;
    byId("editor").hidden = false;
    byId("editor-title").dataset.text = target.title;
    byId("editor-title").textContent = t(target.title);
    byId("editor-hint").textContent = target.what === "resource" ? t("edit.clickToMove") : "";
    byId("editor-fields").replaceChildren(...target.fields.map(field => fieldElement(field, values[field.name] ?? null)));
    this.clearMessages();
    byId("editor").scrollIntoView({ block: "nearest" });
    byId<HTMLElement>(`f-${target.fields[0].name}`)?.focus();
  }

  close(): void {
    this.target = null;
    this.waitingForPlace = false;
    this.map.getContainer().classList.remove("placing");
    byId("editor").hidden = true;
    byId("editor-hint").textContent = "";
    byId("editor-saved").textContent = "";
  }

  private async save(): Promise<void> {
    const target = this.target;
    if (!target) return;
    this.clearMessages();
    const values = Object.fromEntries(target.fields.map(f => [f.name, valueOf(f)]));
    const input: Record<string, Value> = target.id ? { id: target.id, version: target.version, ...values } : values;
    let resourceId: string;
    try {
      if (target.what === "resource") {
        const data = await graphql<Record<string, { resource: { id: string } }>>(target.id ? mutations.updateResource : mutations.createResource, { input });
        resourceId = Object.values(data)[0].resource.id;
      } else if (target.what === "activity") {
        await graphql(target.id ? mutations.updateActivity : mutations.createActivity, { input: this.activityInput(input, !target.id) });
        resourceId = this.tieOwner!;
      } else if (target.what === "introduction") {
        if (!target.id) input.firstId = this.tieOwner;
        await graphql(target.id ? mutations.updateIntroduction : mutations.recordIntroduction, { input });
        resourceId = this.tieOwner!;
      } else {
        if (!target.id) input.sourceId = this.tieOwner;
        await graphql(target.id ? mutations.updateTie : mutations.createTie, { input });
        resourceId = this.tieOwner!;
      }
    } catch (e) {
      if (e instanceof GraphQLError && e.code === "CONFLICT" && target.id) return this.conflict(target, values);
      throw e;
    }
    this.close();
    await this.host.saved(resourceId);
    // Said after the reload, which redraws the panel: the worker sees what was saved and that it was.
    const name = (id: unknown) => this.host.resources().find(r => r.id === id)?.name ?? "";
    byId("editor-saved").textContent = target.what === "tie" && !target.id ? t("edit.savedTie", { from: name(this.tieOwner), to: name(values.targetId) })
      : target.what === "activity" ? t("edit.savedActivity", { name: String(values.name) })
      : target.what === "introduction" ? t("edit.savedIntroduction", { from: name(this.tieOwner), to: name(values.secondId ?? this.partnerOfIntroduction) })
      : t("edit.saved", { name: name(resourceId) });
  }

  /**
   * The form's values as the API takes an activity: the ticked actors with their roles (the owner, its organiser, first
   * when creating), the counts by target group, and the owner as the venue of a new one.
   */
  private activityInput(input: Record<string, Value>, creating: boolean): Record<string, unknown> {
    const { participants, ...rest } = input;
    const ticked = (participants as string[] | null) ?? [];
    const ids = [...(this.roles.has(this.tieOwner!) || creating ? [this.tieOwner!] : []), ...ticked.filter(id => id !== this.tieOwner)];
    const attendance = attendanceGroups
      .filter(group => rest[`attendance:${group}`] !== null && rest[`attendance:${group}`] !== undefined)
      .map(group => ({ targetGroup: group, count: rest[`attendance:${group}`] }))
      .concat(this.otherAttendance);
    const values = Object.fromEntries(Object.entries(rest).filter(([name]) => !name.startsWith("attendance:")));
    return {
      ...values,
      ...(creating ? { venueId: this.tieOwner } : {}),
      participants: ids.map(id => ({ resourceId: id, role: this.roles.get(id) ?? "PARTICIPANT" })),
      attendance,
    };
  }

  /**
   * Someone saved the same object since it was read: each field they changed shows their value beside the worker's,
   * and the worker chooses to save theirs over it or to take the saved values.
   */
  private async conflict(target: Target, mine: Record<string, Value>): Promise<void> {
    const now = await this.read(target.id!);
    const differing = target.fields.filter(f => show(f, mine[f.name]) !== show(f, now[f.name] ?? null));
    for (const field of differing)
      byId(`f-${field.name}-error`).textContent = t("edit.savedMeanwhile", { now: show(field, now[field.name] ?? null), mine: show(field, mine[field.name]) });
    const box = byId("editor-conflict");
    box.hidden = false;
    const keepMine = el("button", { type: "button", textContent: t("edit.keepMine") });
    keepMine.addEventListener("click", () => {
      target.version = now.version as number;
      this.save().catch(e => this.formError(e));
    });
    const takeTheirs = el("button", { type: "button", textContent: t("edit.takeTheirs") });
    takeTheirs.addEventListener("click", () => this.open({ ...target, version: now.version as number }, now));
    box.replaceChildren(el("p", { textContent: t("edit.conflict", { mine: target.version ?? "?", now: now.version as number, fields: differing.map(f => t(f.label)).join(", ") || "—" }) }), keepMine, " ", takeTheirs);
  }

  /** A refusal next to the field it concerns, or above the buttons when it concerns the whole form. */
  private formError(error: unknown): void {
    const field = error instanceof GraphQLError ? fieldOf(error.field, this.target) : null;
    const text = error instanceof GraphQLError ? explain(error) : String(error);
    if (field) {
      byId(`f-${field}-error`).textContent = text;
      byId(`f-${field}`).setAttribute("aria-invalid", "true");
      byId(`f-${field}`).focus();
    } else {
      byId("editor-error").textContent = error instanceof GraphQLError ? `${t("edit.refused")} ${text}` : text;
    }
  }

  private clearMessages(): void {
    for (const message of document.querySelectorAll("#editor .error")) message.textContent = "";
    for (const input of document.querySelectorAll("#editor [aria-invalid]")) input.removeAttribute("aria-invalid");
    byId("editor-conflict").hidden = true;
  }
}

/** The form field a server's error names: "location" is the latitude and longitude, the ends of a tie its partner. */
function fieldOf(name: string | undefined, target: Target | null): string | null {
  if (!name || !target) return null;
  const mapped = name === "location" ? "latitude" : name === "sourceId" ? "targetId" : name.startsWith("participants") ? "participants" : name;
  return target.fields.some(f => f.name === mapped) ? mapped : null;
}

function fieldElement(field: Field, value: Value): HTMLElement {
  const id = `f-${field.name}`;
  const error = el("p", { className: "error", id: `${id}-error` });
  error.setAttribute("role", "alert");
  const wrap = el("div", { className: "field" });
  if (field.kind === "checkboxes") {
    const chosen = new Set(Array.isArray(value) ? value : []);
    const set = el("fieldset", { id }, textOf(field.label, "legend"));
    for (const [code, label] of field.options!())
      set.append(el("label", {}, el("input", { type: "checkbox", name: field.name, value: code, checked: chosen.has(code) }), ` ${label}`));
    set.setAttribute("aria-describedby", error.id);
    wrap.append(set, error);
    return wrap;
  }
  const label = textOf(field.label, "label", field.labelValues);
  label.htmlFor = id;
  let input: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
  if (field.kind === "select") {
    input = el("select", { id }, ...field.options!().map(([code, text]) => new Option(text, code)));
    input.value = value === null ? "" : String(value);
  } else if (field.kind === "textarea") {
    input = el("textarea", { id, rows: 3, value: value === null ? "" : String(value) });
  } else if (field.kind === "checkbox") {
    input = el("input", { id, type: "checkbox", checked: value === true });
    input.setAttribute("aria-describedby", error.id);
    wrap.append(el("label", { className: "inline" }, input, " ", textOf(field.label, "span")), error);
    return wrap;
  } else {
    input = el("input", { id, type: field.kind, value: value === null ? "" : String(value) });
    if (field.step) input.step = field.step;
  }
  input.setAttribute("aria-describedby", error.id);
  wrap.append(label, input, error);
  return wrap;
}

/** An element holding a text of the page, translated again when the language changes (data-text). */
function textOf<K extends "label" | "legend" | "span">(key: TextKey, tag: K, values?: Record<string, string>): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  element.textContent = t(key, values);
  // A text with values is made again with the form, not translated in place (data-text has no values).
  if (!values) element.dataset.text = key;
  return element;
}

/** The value to send: empty text is null, so an emptied field is cleared. */
function valueOf(field: Field): Value {
  if (field.kind === "checkboxes")
    return [...document.querySelectorAll<HTMLInputElement>(`#f-${field.name} input:checked`)].map(box => box.value);
  const input = byId<HTMLInputElement>(`f-${field.name}`);
  if (field.kind === "checkbox") return input.checked;
  const text = input.value.trim();
  if (text === "") return field.required ? "" : null;
  return field.kind === "number" ? Number(text) : text;
}

/** A value as the worker reads it, to compare theirs with the saved one. */
function show(field: Field, value: Value): string {
  if (value === null || value === "" || (Array.isArray(value) && value.length === 0)) return "—";
  if (Array.isArray(value)) return value.map(v => field.options?.().find(([code]) => code === v)?.[1] ?? v).sort().join(", ");
  if (typeof value === "boolean") return t(value ? "yes" : "no");
  if (field.kind === "date") return formatDate(String(value));
  return field.options?.().find(([code]) => code === String(value))?.[1] ?? String(value);
}
