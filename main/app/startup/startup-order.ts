/**
 * The order the desktop app starts in, as data: everything the first window (or, when starting hidden, the
 * tray icon) needs is quick and synchronous; the slow checks (keychain probe, tray-host probe) start after it,
 * all at once, and are never awaited by it. Pure: main/index.ts supplies the steps.
 */

/** Run in this order, synchronously, before anything is awaited. */
export const FOREGROUND_STEPS = [
  'menu',
  'settings',
  'secrets',
  'handlers',
  'tray',
  'integration',
  'window',
  'launch-requests',
] as const;

/** Started together once the foreground is done; each reports its own progress to the UI. */
export const BACKGROUND_STEPS = ['keychain', 'tray-host'] as const;

export type ForegroundStep = (typeof FOREGROUND_STEPS)[number];
export type BackgroundStep = (typeof BACKGROUND_STEPS)[number];

/** One function per step: foreground ones return nothing (no promise to wait on), background ones a promise. */
export type StartupSteps = Record<ForegroundStep, () => void> & Record<BackgroundStep, () => Promise<void>>;

/**
 * Runs the foreground steps in order (a throw ends startup: the caller reports it), then starts every
 * background step. Returns at once; `background` settles when all have, each failure passed to `onError`
 * (a failed check must not take the window down).
 */
export function runStartup(
  steps: StartupSteps,
  onError: (step: BackgroundStep, error: unknown) => void,
  /** Called as each step finishes (timings for the startup report). */
  onDone: (step: ForegroundStep | BackgroundStep) => void = () => undefined,
): { background: Promise<void> } {
  for (const step of FOREGROUND_STEPS) {
    steps[step]();
    onDone(step);
  }
  const running = BACKGROUND_STEPS.map((step) => {
    let started: Promise<void>;
    try {
      started = steps[step]();
    } catch (error) {
      started = Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    return started.then(
      () => onDone(step),
      (error: unknown) => onError(step, error),
    );
  });
  return { background: Promise.all(running).then(() => undefined) };
}

/** Whether the window starts hidden: only when launched at login with "Start hidden" on. */
export function startsHidden(options: { launchedAtLogin: boolean; startHidden: boolean }): boolean {
  return options.launchedAtLogin && options.startHidden;
}

/** After the tray-host check: a hidden start with no tray host shows the window (never out of reach). */
export function mustShowWindow(options: { startedHidden: boolean; hasTrayHost: boolean }): boolean {
  return options.startedHidden && !options.hasTrayHost;
}

/** What closing the window does: hide it only once a tray host is known to exist, else minimize. */
export function closeBehaviour(hasTrayHost: boolean | 'unknown'): 'hide' | 'minimize' {
  return hasTrayHost === true ? 'hide' : 'minimize';
}
