// A tiny element builder. Text always goes in as text nodes (never innerHTML), so comments and
// names from the database cannot inject markup; and no style attributes, which the CSP forbids.
type Attrs = Readonly<Record<string, string | number | boolean | null | undefined>>;
export type Content = Node | string | null | undefined | false | readonly Content[];

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Content[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    element.setAttribute(name === "className" ? "class" : name, value === true ? "" : String(value));
  }
  append(element, children);
  return element;
}

export function append(parent: Node, children: readonly Content[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(parent, child);
    else parent.appendChild(typeof child === "string" ? document.createTextNode(child) : (child as Node));
  }
}

/** Ids must be unique in the page; views that render lists of sections number them with this. */
export function idFor(...parts: (string | number)[]): string {
  return parts.join("-").replace(/[^A-Za-z0-9_-]/g, "_");
}
