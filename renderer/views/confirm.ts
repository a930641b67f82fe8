/** A modal confirmation on the native <dialog>: focus is trapped, Escape cancels, Enter confirms. */
import { button, h } from '../dom';
import { t } from '../strings';

export interface ConfirmOptions {
  title: string;
  body: string;
  confirm: string;
  /** The backing-out button's label (default Cancel). */
  cancel?: string;
  danger?: boolean;
  /** Start on the backing-out button, so Enter keeps what the user has (e.g. unsaved edits). */
  safeDefault?: boolean;
}

/** Resolves true when the user confirms; focus returns to where it was. */
export function confirmDialog(options: ConfirmOptions): Promise<boolean> {
  const previous = document.activeElement as HTMLElement | null;
  return new Promise((resolve) => {
    let answer = false;
    const dialog = h('dialog', {
      class: 'dialog',
      'aria-labelledby': 'confirm-title',
      'aria-describedby': 'confirm-body',
    });
    const cancel = button(options.cancel ?? t.common.cancel, () => dialog.close(), { class: 'btn' });
    const ok = button(
      options.confirm,
      () => {
        answer = true;
        dialog.close();
      },
      { class: options.danger ? 'btn btn-danger' : 'btn btn-primary' },
    );
    dialog.append(
      h('h2', { id: 'confirm-title' }, options.title),
      h('p', { id: 'confirm-body' }, options.body),
      h('div', { class: 'actions end' }, cancel, ok),
    );
    dialog.addEventListener('close', () => {
      dialog.remove();
      previous?.focus();
      resolve(answer);
    });
    document.body.appendChild(dialog);
    dialog.showModal();
    // The dialog is the confirmation: Enter confirms (unless safeDefault), Escape (or Cancel) backs out.
    (options.safeDefault ? cancel : ok).focus();
  });
}
