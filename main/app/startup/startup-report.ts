/**
 * What startup did and when (ms since the process started), logged once the background checks end and
 * readable from the main process as `globalThis[Symbol.for('wawp-link.startup')]`, so the Electron
 * end-to-end tests can check the window and tray without reaching into modules. Holds no secrets.
 */

/** The published report. */
export interface StartupReport {
  /** Step name -> ms since process start when it finished. */
  steps: Record<string, number>;
  /** Whether the tray icon exists right now. */
  trayExists: () => boolean;
  /** Whether a tray host shows the icon (null until the check answers). */
  trayHost: boolean | null;
}

export const STARTUP_REPORT_KEY = Symbol.for('wawp-link.startup');

/** Creates and publishes the report; `uptime` is the process uptime in seconds (process.uptime). */
export function publishStartupReport(uptime: () => number = () => process.uptime()): {
  report: StartupReport;
  mark: (step: string) => void;
} {
  const report: StartupReport = { steps: {}, trayExists: () => false, trayHost: null };
  (globalThis as Record<symbol, unknown>)[STARTUP_REPORT_KEY] = report;
  return { report, mark: (step) => void (report.steps[step] = Math.round(uptime() * 1000)) };
}
