// The few DOM helpers every part of the page uses.
export const byId = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;

/** An element with its properties and children: el("li", { className: "x" }, "text", child). */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const element = Object.assign(document.createElement(tag), props);
  element.append(...children);
  return element;
}

/** A button styled as a link that runs an action: names in lists that select an actor. */
export function linkButton(text: string, action: () => void): HTMLButtonElement {
  const button = el("button", { type: "button", className: "link", textContent: text });
  button.addEventListener("click", action);
  return button;
}
