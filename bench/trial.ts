/**
 * One benchmark trial: a fresh STOPPED instance on the simulator, one strategy driving a Screen,
 * and optionally a user who tries to scan whatever is on screen at a random moment (and again each
 * time the screen changes, when the code shown was already dead).
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
  /** When the user first tried to scan, and when a scan was accepted (real ms). */
  triedAt: number | null;
  scannedAt: number | null;
}

/** Runs `strategy` for at most `maxMs` real ms; with `scanAfterMs`, ends once linked. */
export async function runTrial(
  sim: RunningSimulator,
  token: string,
  strategy: Strategy,
  scale: number,
  maxMs: number,
  scanAfterMs: number | null,
): Promise<TrialResult> {
  const id = sim.addInstance(token);
  const screen = new Screen((value) => {
    const qr = sim.snapshot(id)?.qr;
    return qr && qr.value === value ? qr.expiresAt : null;
  });
  const client = screen.counting(
    createWawpClient({ baseUrl: sim.baseUrl, instanceId: id, accessToken: token }),
  );
  const stop = new AbortController();
  const result: TrialResult = {
    strategy: strategy.name,
    screen,
    startedAt: Date.now(),
    endedAt: 0,
    triedAt: null,
    scannedAt: null,
  };
  const running = strategy.run(client, screen, scale, stop.signal);

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
  result.endedAt = Date.now();
  screen.clear();
  stop.abort();
  await running;
  return result;
}
