/** A labelled form field with a hint and an error line wired up through aria-describedby/aria-invalid. */
import { h } from '../dom';

let counter = 0;

export interface Field {
  wrap: HTMLElement;
  input: HTMLInputElement;
  /** Shows `message` as the field's error (null clears it and shows the hint again). */
  setError(message: string | null): void;
  setHint(message: string): void;
}

/** Creates a field; `attrs` go on the <input>. */
export function field(label: string, hint: string, attrs: Record<string, string | boolean> = {}): Field {
  counter += 1;
  const id = `field-${counter}`;
  const input = h('input', { id, 'aria-describedby': `${id}-hint ${id}-error`, ...attrs });
  const hintLine = h('p', { class: 'hint', id: `${id}-hint` }, hint);
  const errorLine = h('p', { class: 'field-error', id: `${id}-error` });
  const wrap = h('div', { class: 'field' }, h('label', { for: id }, label), input, hintLine, errorLine);
  return {
    wrap,
    input,
    setError(message) {
      errorLine.textContent = message ?? '';
      input.toggleAttribute('aria-invalid', message !== null);
      if (message !== null) input.setAttribute('aria-invalid', 'true');
      wrap.classList.toggle('invalid', message !== null);
    },
    setHint(message) {
      hintLine.textContent = message;
    },
  };
}
