/**
 * Shared set-up for the engine's integration tests: a real simulator on loopback (time-scaled), a
 * real client over HTTP, and a LoginSession on real time with the same scale applied to its timing.
 */
import type { LoginEvent } from '../../common/model';
import { createLoginSession } from '../../main/login/session';
import { DEFAULT_TIMING, scaleTiming } from '../../main/login/schedule';
import type { LoginSession, LoginSessionOptions } from '../../main/login/types';
import { createWawpClient } from '../../main/wawp/client';
import { startSimulator, type RunningSimulator, type SimulatorOptions } from '../../simulator/index';

export const SCALE = 0.02;

export interface Harness {
  sim: RunningSimulator;
  instanceId: string;
  session: LoginSession;
  events: LoginEvent[];
  /** Resolves with the first event (from `from` on) matching `pick`; rejects after `ms` real ms. */
  next<K extends LoginEvent['type']>(
    type: K,
    ms?: number,
    from?: number,
  ): Promise<Extract<LoginEvent, { type: K }>>;
  close(): Promise<void>;
}

export async function harness(
  opts: {
    sim?: SimulatorOptions;
    status?: 'STOPPED' | 'WORKING' | 'SCAN_QR_CODE';
    token?: string;
    instanceId?: string;
    session?: Partial<LoginSessionOptions>;
  } = {},
): Promise<Harness> {
  const sim = await startSimulator({ timeScale: SCALE, expiryUnit: 'ms', ...opts.sim });
  sim.addToken('tok-engine');
  const realId = sim.addInstance('tok-engine', { status: opts.status ?? 'STOPPED' });
  const instanceId = opts.instanceId ?? realId;
  const client = createWawpClient({
    baseUrl: sim.baseUrl,
    instanceId,
    accessToken: opts.token ?? 'tok-engine',
    timeoutMs: 5_000,
  });
  // Timeouts stay generous (a shared CI machine must not make a healthy request look hung).
  const timing = { ...scaleTiming(DEFAULT_TIMING, SCALE), requestTimeoutMs: 2_000 };
  const session = createLoginSession({ client, timing, ...opts.session });
  const events: LoginEvent[] = [];
  const waiters = new Set<() => void>();
  session.onEvent((e) => {
    events.push(e);
    for (const w of [...waiters]) w();
  });
  const next: Harness['next'] = (type, ms = 10_000, from = 0) =>
    new Promise((resolve, reject) => {
      const check = (): boolean => {
        const hit = events.slice(from).find((e) => e.type === type);
        if (!hit) return false;
        clearTimeout(timer);
        waiters.delete(onEvent);
        resolve(hit as Extract<LoginEvent, { type: typeof type }>);
        return true;
      };
      const onEvent = (): void => void check();
      const timer = setTimeout(() => {
        waiters.delete(onEvent);
        reject(new Error(`no ${type} event within ${ms} ms; saw ${events.map((e) => e.type).join(',')}`));
      }, ms);
      waiters.add(onEvent);
      check();
    });
  return {
    sim,
    instanceId: realId,
    session,
    events,
    next,
    async close() {
      session.stop();
      await sim.close();
    },
  };
}
