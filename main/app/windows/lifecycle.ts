/** The app's quitting flag: closing the window only hides it, unless the app is really quitting. */

let quitting = false;

/** Marks that Quit was chosen (tray Quit, Cmd+Q, `before-quit`), so the window may really close. */
export function markQuitting(): void {
  quitting = true;
}

/** True once the app is quitting. */
export function isQuitting(): boolean {
  return quitting;
}
