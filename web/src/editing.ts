import type L from "leaflet";
import { graphql, GraphQLError, type Area, type Resource } from "./api";
import { byId, el } from "./dom";
import { explain } from "./errors";
import { formatDate, groupName, kindCodes, kindName, relationshipTypes, t, typeName, type TextKey } from "./i18n";

// Adding and changing resources and ties by form, for signed-in workers. The server's rules are the only rules: the
// form does not validate, it shows each refusal next to the field the server names (extensions.data.field).

type Value = string | number | boolean | string[] | null;

interface Field {
  name: string;
  label: TextKey;
  kind: "text" | "textarea" | "number" | "date" | "select" | "checkboxes" | "checkbox";
  options?: () => [string, string][];
  step?: string;
  /** Sent as empty text rather than null when left empty, so the server names the field in its refusal. */
  required?: true;
}

interface Target {
  what: "resource" | "tie";
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

const readResource = `
  query Read($id: ID!) {
    node(id: $id) {
      ... on Resource { version name kind targetGroups address description latitude longitude area { id } sensitive }
      ... on Relationship { version type strength since until note }
    }
  }`;

const mutations = {
  createResource: `mutation($input: CreateResourceInput!) { createResource(input: $input) { resource { id } } }`,
  updateResource: `mutation($input: UpdateResourceInput!) { updateResource(input: $input) { resource { id } } }`,
  createTie: `mutation($input: CreateRelationshipInput!) { createRelationship(input: $input) { relationship { id } } }`,
  updateTie: `mutation($input: UpdateRelationshipInput!) { updateRelationship(input: $input) { relationship { id } } }`,
};

export interface EditorHost {
  resources(): Resource[];
  areas(): Area[];
  /** Reads the network again and selects the resource saved. */
  saved(resourceId: string): Promise<void>;
}

export class Editor {
  private target: Target | null = null;
  private tieOwner: string | null = null;
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
    const { node } = await graphql<{ node: (Record<string, Value> & { area?: { id: string } | null }) | null }>(readResource, { id });
    if (!node) throw new GraphQLError(t("edit.gone"), "NOT_FOUND");
    const { area, ...values } = node;
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
    byId("editor-saved").textContent = target.what === "tie" && !target.id
      ? t("edit.savedTie", { from: name(this.tieOwner), to: name(values.targetId) })
      : t("edit.saved", { name: name(resourceId) });
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
  const mapped = name === "location" ? "latitude" : name === "sourceId" ? "targetId" : name;
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
  const label = textOf(field.label, "label");
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
function textOf<K extends "label" | "legend" | "span">(key: TextKey, tag: K): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  element.textContent = t(key);
  element.dataset.text = key;
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
