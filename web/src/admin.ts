import { graphql } from "./api";
import { byId, el } from "./dom";
import { failureText } from "./errors";
import { currentLanguage, t } from "./i18n";
import { roleName, type UserRole } from "./session";

// The admin's page of users (a dialog over the map): who may sign in, with which role and where; a new user; per user a
// change of role, municipalities or e-mail, a new password, and deactivation. The server's rules are the only rules:
// each refusal is shown beside the field it names (extensions.data.field), in words chosen by its code.

interface User {
  id: string;
  name: string;
  email: string | null;
  role: UserRole;
  municipalities: string[];
  active: boolean;
  lockedUntil: string | null;
}

const usersQuery = `
  query Users {
    users { id name email role municipalities active lockedUntil }
    municipalities: areas(kinds: [MUNICIPALITY, CITY], first: 500) { nodes { name } }
  }`;
const createUser = `mutation CreateUser($input: CreateUserInput!) { createUser(input: $input) { id } }`;
const updateUser = `mutation UpdateUser($input: UpdateUserInput!) { updateUser(input: $input) { id } }`;

const roles: UserRole[] = ["VIEWER", "WORKER", "ADMIN"];
/** The two forms' fields, each `#<form>-<field>` with its error in `#<form>-<field>-error`. */
const fields = ["name", "email", "role", "municipalities", "password"];

export class AdminPage {
  private readonly dialog = byId<HTMLDialogElement>("admin");
  private users: User[] = [];
  private municipalities: string[] = [];
  private editing: User | null = null;
  /** The last confirmation, as a function so that a switch of language says it again. */
  private message = (): string => "";

  constructor() {
    byId("close-admin").addEventListener("click", () => this.dialog.close());
    byId<HTMLFormElement>("new-user").addEventListener("submit", event => {
      event.preventDefault();
      this.create().catch(e => showError("new-user", e));
    });
    byId<HTMLFormElement>("edit-user").addEventListener("submit", event => {
      event.preventDefault();
      this.saveEdit().catch(e => showError("edit-user", e));
    });
    byId("edit-user-cancel").addEventListener("click", () => this.edit(null));
  }

  async open(): Promise<void> {
    this.message = () => "";
    clearErrors("new-user");
    await this.load();
    this.edit(null);
    fillMunicipalities("new-user", this.municipalities, []);
    if (!this.dialog.open) this.dialog.showModal();
    byId("new-user-name").focus();
  }

  close(): void {
    this.dialog.close();
  }

  /** The table and the forms' choices in the page's language (after a switch of language, too). */
  render(): void {
    for (const form of ["new-user", "edit-user"]) {
      const select = byId<HTMLSelectElement>(`${form}-role`);
      const chosen = select.value || "WORKER";
      select.replaceChildren(...roles.map(role => new Option(roleName(role), role)));
      select.value = chosen;
    }
    byId("users-count").textContent = t("admin.count", { count: this.users.length });
    byId("users").querySelector("tbody")!.replaceChildren(...this.users.map(user => this.row(user)));
    byId("admin-message").textContent = this.message();
    if (this.editing) byId("edit-user-title").textContent = t("admin.editTitle", { name: this.editing.name });
  }

  private async load(): Promise<void> {
    const data = await graphql<{ users: User[]; municipalities: { nodes: { name: string }[] } }>(usersQuery);
    this.users = data.users;
    this.municipalities = data.municipalities.nodes.map(a => a.name).sort((a, b) => a.localeCompare(b, "lv"));
    this.render();
  }

  private row(user: User): HTMLTableRowElement {
    const edit = el("button", { type: "button", className: "edit", textContent: t("user.edit") });
    edit.addEventListener("click", () => this.edit(user));
    const toggle = el("button", { type: "button", className: "toggle-active", textContent: t(user.active ? "user.deactivate" : "user.activate") });
    toggle.addEventListener("click", () => this.setActive(user, !user.active).catch(e => { byId("admin-error").textContent = failureText(e); }));
    const row = el("tr", {},
      el("td", { className: "name", textContent: user.name }),
      el("td", { className: "email", textContent: user.email ?? "—" }),
      el("td", { className: "role", textContent: roleName(user.role) }),
      el("td", { className: "municipalities", textContent: user.municipalities.join(", ") || "—" }),
      el("td", { className: "active", textContent: t(user.active ? "yes" : "no") }),
      el("td", { className: "locked", textContent: user.lockedUntil ? formatTime(user.lockedUntil) : "—" }),
      el("td", {}, edit, " ", toggle));
    row.dataset.id = user.id;
    row.dataset.active = String(user.active);
    return row;
  }

  private async create(): Promise<void> {
    clearErrors("new-user");
    const name = byId<HTMLInputElement>("new-user-name").value.trim();
    const { id } = (await graphql<{ createUser: { id: string } }>(createUser, {
      input: { name, password: byId<HTMLInputElement>("new-user-password").value, ...formValues("new-user") },
    })).createUser;
    byId<HTMLFormElement>("new-user").reset();
    fillMunicipalities("new-user", this.municipalities, []);
    this.message = () => t("admin.created", { name });
    await this.load();
    byId("admin-message").dataset.created = id;
  }

  /** Opens the change form for a user, or closes it (null). */
  private edit(user: User | null): void {
    this.editing = user;
    byId("edit-user").hidden = !user;
    clearErrors("edit-user");
    if (!user) return;
    byId<HTMLInputElement>("edit-user-email").value = user.email ?? "";
    byId<HTMLInputElement>("edit-user-password").value = "";
    this.render();
    byId<HTMLSelectElement>("edit-user-role").value = user.role;
    fillMunicipalities("edit-user", this.municipalities, user.municipalities);
    byId("edit-user").scrollIntoView({ block: "nearest" });
    byId("edit-user-email").focus();
  }

  private async saveEdit(): Promise<void> {
    const user = this.editing;
    if (!user) return;
    clearErrors("edit-user");
    const { role, municipalities, email } = formValues("edit-user");
    const password = byId<HTMLInputElement>("edit-user-password").value;
    await graphql(updateUser, { input: { id: user.id, email, role, municipalities, ...(password ? { password } : {}) } });
    this.message = () => t("admin.saved", { name: user.name });
    this.edit(null);
    await this.load();
  }

  private async setActive(user: User, active: boolean): Promise<void> {
    byId("admin-error").textContent = "";
    await graphql(updateUser, { input: { id: user.id, active } });
    this.message = () => t(active ? "admin.activated" : "admin.deactivated", { name: user.name });
    await this.load();
  }
}

/** The role, municipalities and e-mail of a form; an empty e-mail is null (none). */
function formValues(form: string): { role: string; municipalities: string[]; email: string | null } {
  return {
    role: byId<HTMLSelectElement>(`${form}-role`).value,
    municipalities: [...document.querySelectorAll<HTMLInputElement>(`#${form}-municipalities input:checked`)].map(box => box.value),
    email: byId<HTMLInputElement>(`${form}-email`).value.trim() || null,
  };
}

/** The municipalities and cities as checkboxes: a worker's rights follow these names. */
function fillMunicipalities(form: string, names: string[], chosen: string[]): void {
  const set = byId(`${form}-municipalities`);
  set.querySelectorAll("label").forEach(label => label.remove());
  for (const name of names)
    set.append(el("label", {}, el("input", { type: "checkbox", value: name, checked: chosen.includes(name) }), ` ${name}`));
}

/** A refusal beside the field it names, or under the form when it names none of the form's fields. */
function showError(form: string, error: unknown): void {
  const field = (error as { field?: string }).field;
  const input = field && fields.includes(field) ? document.getElementById(`${form}-${field}`) : null;
  const message = input ? byId(`${form}-${field}-error`) : byId(`${form}-error`);
  message.textContent = failureText(error);
  if (input) {
    input.setAttribute("aria-invalid", "true");
    (input.matches("fieldset") ? input.querySelector("input") ?? input : input).focus();
  }
}

function clearErrors(form: string): void {
  for (const message of document.querySelectorAll(`#${form} .error`)) message.textContent = "";
  for (const input of document.querySelectorAll(`#${form} [aria-invalid]`)) input.removeAttribute("aria-invalid");
}

const formatTime = (instant: string): string =>
  new Intl.DateTimeFormat(currentLanguage(), { dateStyle: "short", timeStyle: "short" }).format(new Date(instant));
