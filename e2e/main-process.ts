/** Small reads of the app's main process through Playwright (the electron module is the argument). */
import type { ElectronApplication } from 'playwright-core';

/** What the app's startup report says (main/app/startup/startup-report.ts). */
export interface StartupState {
  steps: Record<string, number>;
  trayExists: boolean;
  trayHost: boolean | null;
}

/** Reads the startup report the app publishes under Symbol.for('wawp-link.startup'). */
export function startupState(app: ElectronApplication): Promise<StartupState | null> {
  return app.evaluate(() => {
    const report = (globalThis as Record<symbol, unknown>)[Symbol.for('wawp-link.startup')] as
      { steps: Record<string, number>; trayExists: () => boolean; trayHost: boolean | null } | undefined;
    return report
      ? { steps: { ...report.steps }, trayExists: report.trayExists(), trayHost: report.trayHost }
      : null;
  });
}

/** The main window's visibility (false when there is none). */
export function windowVisible(app: ElectronApplication): Promise<boolean> {
  return app.evaluate(({ BrowserWindow }) => {
    const win = BrowserWindow.getAllWindows()[0];
    return Boolean(win && win.isVisible() && !win.isMinimized());
  });
}

/** Polls `check` every 100 ms until it is truthy or `timeoutMs` passes (then rejects naming `what`). */
export async function waitUntil<T>(
  what: string,
  check: () => Promise<T | null | undefined | false>,
  timeoutMs = 15_000,
): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
