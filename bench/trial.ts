/**
 * One benchmark trial: a fresh STOPPED instance on the simulator, one strategy driving a Screen,
 * every code the simulator issued (with its death on the local clock), and optionally a user who
 * tries to scan whatever is on screen at a random moment (and again each time the screen changes,
 * when the code shown was already dead).
 */
import { createWawpClient } from '../main/wawp/client';
import type { RunningSimulator } from '../simulator/index';
import { Screen } from './display';
import type { Strategy } from './strategies';

export interface TrialResult {
  strategy: string;
  screen: Screen;
  startedAt: number;
  endedAt: number;
  /** Every code the server issued, in order, with its death (local ms). */
  issued: { value: string; at: number; expiresAt: number }[];
  /** When the user first tried to scan, and when a scan was accepted (real ms). */
  triedAt: number | null;
  scannedAt: number | null;
}

export interface TrialSetup {
  sim: RunningSimulator;
  token: string;
  strategy: Strategy;
  scale: number;
  /** Server clock minus local clock (the simulator's `clockOffsetMs`). */
  offsetMs: number;
}

/** Runs the strategy for at most `maxMs` real ms; with `scanAfterMs`, ends once linked. */
export async function runTrial(
  setup: TrialSetup,
  maxMs: number,
  scanAfterMs: number | null,
): Promise<TrialResult> {
  const { sim, token, strategy, scale, offsetMs } = setup;
  const id = sim.addInstance(token);
  const issued: TrialResult['issued'] = [];
  const unwatch = sim.watch(id, () => {
    const qr = sim.snapshot(id)?.qr;
    if (qr && issued.at(-1)?.value !== qr.value)
      issued.push({ value: qr.value, at: Date.now(), expiresAt: qr.expiresAt - offsetMs });
  });
  const screen = new Screen((value) => issued.find((c) => c.value === value)?.expiresAt ?? null);
  const client = screen.counting(
    createWawpClient({ baseUrl: sim.baseUrl, instanceId: id, accessToken: token }),
  );
  const stop = new AbortController();
  const result: TrialResult = {
    strategy: strategy.name,
    screen,
    startedAt: Date.now(),
    endedAt: 0,
    issued,
    triedAt: null,
    scannedAt: null,
  };
  const running = strategy.run({ client, screen, scale, signal: stop.signal, sim, instanceId: id, offsetMs });

  const timers: NodeJS.Timeout[] = [];
  let unsubscribe: () => unknown = () => undefined;
  const done = new Promise<void>((resolve) => {
    timers.push(setTimeout(resolve, maxMs));
    screen.onChange(() => {
      if (screen.connectedAt !== null) resolve();
    });
    if (scanAfterMs === null) return;
    const attempt = (): void => {
      if (result.scannedAt !== null) return;
      const code = screen.current();
      if (code && sim.scan(id, { value: code.value, phone: '201012345678', pushName: 'Bench' }).ok) {
        result.scannedAt = Date.now();
        unsubscribe();
      }
    };
    timers.push(
      setTimeout(() => {
        result.triedAt = Date.now();
        unsubscribe = screen.onChange(attempt);
        attempt();
      }, scanAfterMs),
    );
  });
  await done;
  for (const t of timers) clearTimeout(t);
  unsubscribe();
  unwatch();
  result.endedAt = Date.now();
  screen.clear();
  stop.abort();
  await running;
  return result;
}
