/**
 * The only way the webviews create elements: text goes in through `textContent`, never as HTML,
 * so a catalog entry or a pasted response cannot add markup or run script.
 */
export type Child = Node | string | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | boolean | undefined> = {},
  ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    // Event handler attributes would be script: refuse them outright.
    if (/^on/i.test(name)) throw new Error(`refusing attribute ${name}`);
    el.setAttribute(name, value === true ? '' : value);
  }
  append(el, children);
  return el;
}

function append(el: Element, children: (Child | Child[])[]): void {
  for (const c of children) {
    if (Array.isArray(c)) append(el, c);
    else if (typeof c === 'string') el.appendChild(document.createTextNode(c));
    else if (c) el.appendChild(c);
  }
}

/** A codicon (decorative: hidden from screen readers). */
export function icon(name: string): HTMLElement {
  return h('span', { class: `codicon codicon-${name}`, 'aria-hidden': 'true' });
}

export function clear(el: Element): void {
  while (el.firstChild) el.removeChild(el.firstChild);
}

/** The VS Code webview API, or a stand-in outside VS Code (never used in VS Code itself). */
export interface HostApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): HostApi;

export function hostApi(): HostApi {
  return acquireVsCodeApi();
}
