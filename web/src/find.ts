import { byId, el } from "./dom";
import { t } from "./i18n";

// "Find a resource" as a combobox (WAI-ARIA 1.2's "list autocomplete" pattern, https://www.w3.org/WAI/ARIA/apg/patterns/combobox/):
// the worker types part of a name, however spelt — "draudz" finds „Draudzība-K”, "kimijas" finds „Ķīmijas …” — and
// picks it from the list by arrow keys and Enter, or by a click. The focus stays in the input throughout.

export interface Named { id: string; name: string }

/** Lower case without diacritics ("Ķīmija" → "kimija"): how people type a name on a phone or an English keyboard. */
export const fold = (text: string): string => text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

/** Compares names as the page's users read them; one collator is many times faster than localeCompare on each pair. */
export const byName = new Intl.Collator().compare;

/**
 * The resources whose name holds the query, those starting with it first, then by name. `folded` are the names already
 * folded, in the same order (a box with 20,000 names folds them once, not at every key).
 */
export function matches<T extends Named>(resources: T[], query: string, folded: string[] = resources.map(r => fold(r.name))): T[] {
  const wanted = fold(query.trim());
  return resources
    .map((r, i) => ({ r, at: folded[i].indexOf(wanted) }))
    .filter(m => m.at >= 0)
    .sort((a, b) => Number(a.at > 0) - Number(b.at > 0) || byName(a.r.name, b.r.name))
    .map(m => m.r);
}

/** More options than this make the list a scroll, not a choice: the status says how many there are. */
const shown = 100;

/**
 * A combobox over the resources: "Find a resource", and the two ends of an introduction path. Its elements are the
 * input `id`, the list `id-options` and the status `id-status`.
 */
export class FindBox {
  private readonly input: HTMLInputElement;
  private readonly list: HTMLUListElement;
  private resources: Named[] = [];
  /** The names folded, in the resources' order; folded at the first search (20,000 names take a while). */
  private folded: string[] | null = null;
  private options: Named[] = [];
  private active = -1;

  constructor(private readonly id: string, private readonly choose: (id: string) => void) {
    this.input = byId<HTMLInputElement>(id);
    this.list = byId<HTMLUListElement>(`${id}-options`);
    this.input.addEventListener("input", () => this.open());
    this.input.addEventListener("keydown", event => this.key(event));
    // Leaving the field without a choice puts back the name of the resource chosen (the text typed chose nothing).
    this.input.addEventListener("blur", () => {
      this.close();
      this.show(this.input.dataset.id ?? null);
    });
    // Pressing an option must not take the focus from the input (that would close the list before the click).
    this.list.addEventListener("mousedown", event => event.preventDefault());
    this.list.addEventListener("click", event => {
      const option = (event.target as HTMLElement).closest<HTMLElement>("[role=option]");
      if (option) this.pick(this.options[Number(option.dataset.index)]);
    });
  }

  /** The resources to find among (after each load). */
  setResources(resources: Named[]): void {
    this.resources = resources;
    this.folded = null;
    if (!this.list.hidden) this.open();
  }

  /** The resource chosen, if any. */
  get value(): string | null {
    return this.input.dataset.id ?? null;
  }

  /** Shows the resource chosen elsewhere (on the map, in the graph) as the input's value. */
  show(id: string | null): void {
    const resource = id === null ? undefined : this.resources.find(r => r.id === id);
    this.input.value = resource?.name ?? "";
    if (resource) this.input.dataset.id = resource.id;
    else delete this.input.dataset.id;
  }

  /** The status in the page's language (after a switch of language). */
  render(): void {
    byId(`${this.id}-status`).textContent = this.list.hidden ? "" : t("find.matches", { count: this.options.length });
  }

  private open(): void {
    this.folded ??= this.resources.map(r => fold(r.name));
    this.options = matches(this.resources, this.input.value, this.folded);
    this.active = -1;
    this.list.replaceChildren(...this.options.slice(0, shown).map((r, index) => {
      const option = el("li", { id: `${this.id}-option-${index}`, textContent: r.name });
      option.setAttribute("role", "option");
      option.setAttribute("aria-selected", "false");
      option.dataset.id = r.id;
      option.dataset.index = String(index);
      return option;
    }));
    this.list.hidden = false;
    this.input.setAttribute("aria-expanded", "true");
    this.input.removeAttribute("aria-activedescendant");
    this.render();
  }

  private close(): void {
    this.list.hidden = true;
    this.input.setAttribute("aria-expanded", "false");
    this.input.removeAttribute("aria-activedescendant");
    this.render();
  }

  private key(event: KeyboardEvent): void {
    const count = Math.min(this.options.length, shown);
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (this.list.hidden) this.open();
      if (count === 0) return;
      const step = event.key === "ArrowDown" ? 1 : -1;
      this.moveTo(this.active < 0 && step < 0 ? count - 1 : (this.active + step + count) % count);
    } else if (event.key === "Enter" && !this.list.hidden) {
      event.preventDefault();
      // Enter with one match left takes it: typing a name and Enter is enough.
      const chosen = this.options[this.active] ?? (this.options.length === 1 ? this.options[0] : undefined);
      if (chosen) this.pick(chosen);
    } else if (event.key === "Escape") {
      if (this.list.hidden) this.show(null);
      else this.close();
    }
  }

  private moveTo(index: number): void {
    this.list.querySelector("[aria-selected=true]")?.setAttribute("aria-selected", "false");
    this.active = index;
    const option = byId(`${this.id}-option-${index}`);
    option.setAttribute("aria-selected", "true");
    option.scrollIntoView({ block: "nearest" });
    this.input.setAttribute("aria-activedescendant", option.id);
  }

  private pick(resource: Named): void {
    this.close();
    this.show(resource.id);
    this.choose(resource.id);
  }
}
