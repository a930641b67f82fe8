/**
 * Demo mode's backend: the built-in simulator started in-process on loopback, one seeded demo instance,
 * and "play the phone" (scan the current code). Nothing here is persisted; the token lives in memory.
 */
import {
  seedDemo,
  startSimulator,
  type RunningSimulator,
  type SimulatorOptions,
} from '../../../simulator/index';
import type { DemoBackend, DemoInstance } from './handler-deps';

/** Demo timings: shorter than the real service so a visitor sees a rotation within a minute. */
export const DEMO_SIMULATOR_OPTIONS: SimulatorOptions = {
  bootDelayMs: 1500,
  qrFirstTtlMs: 30_000,
  qrNextTtlMs: 20_000,
  postScanDelayMs: 1200,
};

/**
 * Creates the demo backend: its own simulator (started on first use with `options`), or a simulator the
 * caller already runs and closes itself (the browser harness shares its test simulator).
 */
export function createDemoBackend(
  options: SimulatorOptions = DEMO_SIMULATOR_OPTIONS,
  shared?: RunningSimulator,
): DemoBackend & {
  /** The running simulator, once started (tests and the harness read codes from it). */
  simulator(): RunningSimulator | null;
} {
  let sim: RunningSimulator | null = null;
  let starting: Promise<DemoInstance> | null = null;

  return {
    start() {
      starting ??= (async () => {
        sim = shared ?? (await startSimulator(options));
        const seeded = seedDemo(sim);
        return { baseUrl: sim.baseUrl, instanceId: seeded.instanceId, token: seeded.token };
      })();
      starting.catch(() => {
        starting = null; // allow a retry after a failed start
      });
      return starting;
    },
    scan(instanceId) {
      if (!sim) return Promise.resolve({ ok: false, reason: 'The demo is not running. Start it first.' });
      const result = sim.scan(instanceId, { phone: '201012345678', pushName: 'Demo User' });
      return Promise.resolve(
        result.ok ? { ok: true } : { ok: false, reason: `The demo phone could not scan: ${result.reason}` },
      );
    },
    async close() {
      const running = sim;
      sim = null;
      starting = null;
      if (running !== shared) await running?.close();
    },
    simulator: () => sim,
  };
}
