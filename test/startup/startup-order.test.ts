/** The startup order: the window first, the slow checks after it and never awaited by it. */
import { describe, expect, it } from 'vitest';
import {
  BACKGROUND_STEPS,
  closeBehaviour,
  FOREGROUND_STEPS,
  mustShowWindow,
  runStartup,
  startsHidden,
  type StartupSteps,
} from '../../main/app/startup/startup-order';

/** Steps that record their calls; background ones resolve or reject only when the test says. */
function recordingSteps() {
  const calls: string[] = [];
  const settle = new Map<string, { resolve: () => void; reject: (error: Error) => void }>();
  const steps = {} as StartupSteps;
  for (const step of FOREGROUND_STEPS) steps[step] = () => void calls.push(step);
  for (const step of BACKGROUND_STEPS)
    steps[step] = () => {
      calls.push(step);
      return new Promise<void>((resolve, reject) => settle.set(step, { resolve, reject }));
    };
  return { calls, steps, settle };
}

describe('startup order', () => {
  it('creates the window after what it needs and before any slow check', () => {
    const window = FOREGROUND_STEPS.indexOf('window');
    for (const need of ['settings', 'secrets', 'handlers', 'tray'] as const)
      expect(FOREGROUND_STEPS.indexOf(need)).toBeLessThan(window);
    expect(BACKGROUND_STEPS).toEqual(['keychain', 'tray-host']);
    expect(FOREGROUND_STEPS).not.toContain('keychain');
  });

  it('runs every foreground step in order, synchronously, then starts all background steps at once', () => {
    const { calls, steps } = recordingSteps();
    runStartup(steps, () => undefined);
    // Nothing has been awaited yet: the background promises are all still pending.
    expect(calls).toEqual([...FOREGROUND_STEPS, ...BACKGROUND_STEPS]);
  });

  it('reports each step as it finishes: foreground at once, background when it settles', async () => {
    const { steps, settle } = recordingSteps();
    const done: string[] = [];
    const { background } = runStartup(
      steps,
      () => undefined,
      (step) => done.push(step),
    );
    expect(done).toEqual([...FOREGROUND_STEPS]);
    settle.get('tray-host')!.resolve();
    settle.get('keychain')!.resolve();
    await background;
    expect(done.slice(FOREGROUND_STEPS.length).sort()).toEqual(['keychain', 'tray-host']);
  });

  it('does not wait for a keychain probe or tray check that never answers', () => {
    const { calls, steps } = recordingSteps();
    let settled = false;
    void runStartup(steps, () => undefined).background.then(() => (settled = true));
    expect(calls).toContain('window');
    expect(settled).toBe(false);
  });

  it('reports a failed background step and still settles the rest', async () => {
    const { steps, settle } = recordingSteps();
    const errors: [string, unknown][] = [];
    const { background } = runStartup(steps, (step, error) => errors.push([step, error]));
    settle.get('keychain')!.reject(new Error('probe blew up'));
    settle.get('tray-host')!.resolve();
    await background;
    expect(errors).toHaveLength(1);
    expect(errors[0]![0]).toBe('keychain');
    expect((errors[0]![1] as Error).message).toBe('probe blew up');
  });

  it('turns a background step that throws synchronously into a reported failure', async () => {
    const { steps, settle } = recordingSteps();
    steps['tray-host'] = () => {
      throw new Error('no dbus-send');
    };
    const errors: string[] = [];
    const { background } = runStartup(steps, (step) => errors.push(step));
    settle.get('keychain')!.resolve();
    await background;
    expect(errors).toEqual(['tray-host']);
  });

  it('stops at a failing foreground step and starts no background step', () => {
    const { calls, steps } = recordingSteps();
    steps.handlers = () => {
      throw new Error('settings file unreadable');
    };
    expect(() => runStartup(steps, () => undefined)).toThrow('settings file unreadable');
    expect(calls).toEqual(['menu', 'settings', 'secrets']);
  });
});

describe('hidden start and close behaviour', () => {
  it('starts hidden only when launched at login with Start hidden on', () => {
    expect(startsHidden({ launchedAtLogin: true, startHidden: true })).toBe(true);
    expect(startsHidden({ launchedAtLogin: false, startHidden: true })).toBe(false);
    expect(startsHidden({ launchedAtLogin: true, startHidden: false })).toBe(false);
  });
  it('shows the window when a hidden start finds no tray host', () => {
    expect(mustShowWindow({ startedHidden: true, hasTrayHost: false })).toBe(true);
    expect(mustShowWindow({ startedHidden: true, hasTrayHost: true })).toBe(false);
    expect(mustShowWindow({ startedHidden: false, hasTrayHost: false })).toBe(false);
  });
  it('hides on close only once a tray host is known', () => {
    expect(closeBehaviour('unknown')).toBe('minimize');
    expect(closeBehaviour(false)).toBe('minimize');
    expect(closeBehaviour(true)).toBe('hide');
  });
});
