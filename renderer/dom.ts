/** Tiny DOM helpers: build elements without innerHTML (nothing user-provided is ever parsed as HTML). */

type Child = Node | string | null | undefined | false;
type Attrs = Record<string, string | number | boolean | null | undefined>;

/** Creates an element with attributes (false/null skipped) and children. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === false || value === null || value === undefined) continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
  append(element, children);
  return element;
}

/** Appends children, skipping empty ones. */
export function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

/** Replaces all children of `parent`. */
export function replace(parent: Node, ...children: Child[]): void {
  while (parent.firstChild) parent.removeChild(parent.firstChild);
  append(parent, children);
}

/** A button that runs `action` on click (Enter/Space come free with <button>). */
export function button(
  label: string,
  action: () => void | Promise<void>,
  attrs: Attrs = {},
): HTMLButtonElement {
  const element = h('button', { type: 'button', ...attrs }, label);
  element.addEventListener('click', () => void action());
  return element;
}

/** Screen-reader announcements live in announcer.ts; re-exported for the views that only need this. */
export { announce } from './announcer';

/** Runs `tick` now and then at every whole second of `deadline` until it passes or `stop()` is called. */
export function everySecond(deadline: number, tick: (secondsLeft: number) => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = (): void => {
    const left = deadline - Date.now();
    const seconds = Math.max(0, Math.ceil(left / 1000));
    tick(seconds);
    if (left <= 0) return;
    // Wake at the next second boundary of the countdown (or at the deadline itself).
    const next = left % 1000 || 1000;
    timer = setTimeout(run, next + 5);
  };
  run();
  return () => clearTimeout(timer);
}

/** A view mounted in the content area; `dispose` releases timers and subscriptions. */
export interface View {
  element: HTMLElement;
  dispose?: () => void;
  /** Element to focus after mounting (the heading by default). */
  focus?: HTMLElement;
}
