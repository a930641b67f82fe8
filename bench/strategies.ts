/**
 * The strategies the benchmark compares, each driving one Screen: our engine; the fixed 30 s QR
 * refresh of Wawp's docs (status every 4 s, the middle of their "every 3–5 s"); the WordPress plugin
 * (status every 15 s, a new code after 6 polls = 90 s); and the physical limit, an oracle that sees
 * the simulator's own state and fetches each code the moment it exists.
 */
import { systemClock } from '../main/login/clock';
import { DEFAULT_TIMING, scaleTiming } from '../main/login/schedule';
import { createLoginSession } from '../main/login/session';
import type { WawpClient } from '../main/wawp/types';
import type { RunningSimulator } from '../simulator/index';
import type { Screen } from './display';

/** What a strategy gets for one trial. */
export interface StrategyContext {
  client: WawpClient;
  screen: Screen;
  scale: number;
  signal: AbortSignal;
  sim: RunningSimulator;
  instanceId: string;
  /** Server clock minus local clock in this scenario. */
  offsetMs: number;
}

export interface Strategy {
  name: string;
  /** Runs until `signal` aborts; resolves after cleaning up. */
  run(ctx: StrategyContext): Promise<void>;
}

const untilAborted = (signal: AbortSignal): Promise<void> =>
  new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));

/** Our login engine with its production timing, scaled like the simulator. */
export const engine: Strategy = {
  name: 'wawp-link engine',
  async run({ client, screen, scale, signal }) {
    const session = createLoginSession({
      client,
      timing: { ...scaleTiming(DEFAULT_TIMING, scale), requestTimeoutMs: 5_000 },
    });
    session.onEvent((e) => {
      if (e.type === 'qr') screen.show(e.value);
      else if (e.type === 'qr-expired') screen.clear();
      else if (e.type === 'connected') screen.linked();
    });
    session.start();
    await untilAborted(signal);
    session.stop();
  },
};

/**
 * The physical limit: hides each code at its exact death (it knows the server's clock) and asks for
 * its successor the moment the simulator has it, so its only blank is one round trip.
 */
export const oracle: Strategy = {
  name: 'physical limit (oracle)',
  async run({ client, screen, signal, sim, instanceId, offsetMs }) {
    let hide: NodeJS.Timeout | null = null;
    let fetching: string | null = null;
    const onChange = (): void => {
      const snap = sim.snapshot(instanceId);
      if (!snap) return;
      if (snap.status === 'WORKING') return screen.linked();
      const qr = snap.qr;
      if (!qr || qr.value === fetching) return;
      fetching = qr.value;
      void client.getQr({ signal }).then((reply) => {
        if (!reply.ok || signal.aborted || reply.data.value !== qr.value) return;
        screen.show(qr.value);
        if (hide) clearTimeout(hide);
        hide = setTimeout(() => screen.clear(), qr.expiresAt - offsetMs - Date.now());
      });
    };
    const unwatch = sim.watch(instanceId, onChange);
    await client.start({ signal });
    onChange();
    await untilAborted(signal);
    unwatch();
    if (hide) clearTimeout(hide);
  },
};

/** A timer-driven baseline: start, fetch a QR at once and every `qrEveryMs`, read status every `statusEveryMs`. */
function fixedTimers(name: string, statusEveryMs: number, qrEveryMs: number): Strategy {
  return {
    name,
    async run({ client, screen, scale, signal }) {
      const opts = { signal };
      const fetchQr = async (): Promise<boolean> => {
        const qr = await client.getQr(opts);
        if (qr.ok) screen.show(qr.data.value);
        return qr.ok;
      };
      await client.start(opts);
      const t0 = Date.now();
      let nextStatus = t0 + statusEveryMs * scale;
      let nextQr = (await fetchQr()) ? Date.now() + qrEveryMs * scale : Infinity;
      try {
        while (!signal.aborted) {
          const at = Math.min(nextStatus, nextQr);
          await systemClock.sleep(Math.max(0, at - Date.now()), signal);
          if (Date.now() >= nextQr) {
            await fetchQr();
            nextQr = Date.now() + qrEveryMs * scale;
          } else {
            nextStatus = Date.now() + statusEveryMs * scale;
            const info = await client.sessionInfo(opts);
            if (!info.ok) continue;
            if (info.data.status === 'WORKING') {
              screen.linked();
              return;
            }
            // A code is needed and none was fetched yet (the first call came too early).
            if (info.data.status === 'SCAN_QR_CODE' && nextQr === Infinity && (await fetchQr())) {
              nextQr = Date.now() + qrEveryMs * scale;
            }
          }
        }
      } catch {
        // aborted: trial over
      }
    },
  };
}

export const docsBaseline = fixedTimers('Wawp docs (QR every 30 s, status every 4 s)', 4_000, 30_000);
/** Wawp's WordPress plugin: `QR_POLLING_INTERVAL_MS = 15000`, a brand-new QR after 6 polls. */
export const wpBaseline = fixedTimers(
  'WordPress plugin (status every 15 s, new QR after 6 polls)',
  15_000,
  90_000,
);
