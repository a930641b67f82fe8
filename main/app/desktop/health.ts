/**
 * Background health: a light status check of every instance about once a minute, so the tray stays true.
 * One chained, abortable sleep drives it (never setInterval); checks are staggered and run one at a time;
 * errors back off (capped, full jitter, Retry-After honoured); suspend and lock pause it, resume and unlock
 * check everything again at once. Time is injected (Clock), and nothing here imports electron.
 */
import type { SessionStatus, WawpError } from '../../../common/model';
import { backoffDelay, classifyError, type BackoffPolicy } from '../../login/backoff';
import type { Clock } from '../../login/types';

/** What one check found: a session status, or a typed error. */
export type HealthOutcome = { ok: true; status: SessionStatus } | { ok: false; error: WawpError };

/** The state a check leaves an instance in; transitions are reported when it changes. */
export type HealthState = { kind: 'status'; status: SessionStatus } | { kind: 'error'; error: WawpError };

export interface HealthTransition {
  id: string;
  /** null on the first check of an instance. */
  from: HealthState | null;
  to: HealthState;
}

/** Why the scheduler is paused (powerMonitor events). */
export type PauseReason = 'suspend' | 'lock';

export interface HealthOptions {
  /** Ids of the instances to watch; read again before every check. */
  ids(): readonly string[];
  check(id: string, signal: AbortSignal): Promise<HealthOutcome>;
  onTransition(transition: HealthTransition): void;
  /** An instance with a login view open is already watched closely by its session: skip it. */
  skip?(id: string): boolean;
  clock: Clock;
  random?: () => number;
  /** Between two checks of one instance (default 60 s, ±10 % jitter so instances drift apart). */
  intervalMs?: number;
  /** Gap between the first checks of several instances at start and after resume (default 1.5 s). */
  staggerMs?: number;
  /**
   * A linked session that reads as anything else is read again this much later (default 17 s) before
   * the drop is reported: live sessions report STARTING/STOPPED for 0–15 s while working (WAHA#2073).
   */
  confirmDropMs?: number;
  backoff?: BackoffPolicy;
}

export const HEALTH_BACKOFF: BackoffPolicy = {
  baseMs: 60_000,
  capMs: 15 * 60_000,
  minMs: 30_000,
  maxRetryAfterMs: 15 * 60_000,
};

interface Entry {
  due: number;
  failures: number;
  state: HealthState | null;
  /** A drop from WORKING seen once, waiting for the confirming read. */
  suspect: boolean;
}

/** WORKING, then any other status: maybe a flap. */
function isDrop(from: HealthState | null, to: HealthState): boolean {
  return (
    from?.kind === 'status' && from.status === 'WORKING' && to.kind === 'status' && to.status !== 'WORKING'
  );
}

/** Equal states mean no transition (errors compare by code). */
export function sameHealth(a: HealthState | null, b: HealthState): boolean {
  if (!a || a.kind !== b.kind) return false;
  return a.kind === 'status'
    ? a.status === (b as typeof a).status
    : a.error.code === (b as typeof a).error.code;
}

/** The scheduler; `start()` once, `stop()` to abort everything (the check in flight included). */
export class HealthScheduler {
  private readonly entries = new Map<string, Entry>();
  private readonly paused = new Set<PauseReason>();
  private readonly stop$ = new AbortController();
  private wake$ = new AbortController();
  private check$: AbortController | null = null;
  private running = false;
  private readonly interval: number;
  private readonly stagger: number;
  private readonly confirmMs: number;
  private readonly random: () => number;

  constructor(private readonly options: HealthOptions) {
    this.interval = options.intervalMs ?? 60_000;
    this.stagger = options.staggerMs ?? 1_500;
    this.confirmMs = options.confirmDropMs ?? 17_000;
    this.random = options.random ?? Math.random;
  }

  /** Begins the loop (idempotent); first checks are staggered from now. */
  start(): void {
    if (this.running || this.stop$.signal.aborted) return;
    this.running = true;
    void this.loop();
  }

  /** Aborts the sleep and the check in flight; the scheduler cannot be restarted. */
  stop(): void {
    this.stop$.abort();
    this.check$?.abort();
    this.wake$.abort();
  }

  /** Pauses for a reason; checks resume only when every reason is gone. */
  pause(reason: PauseReason): void {
    this.paused.add(reason);
    this.check$?.abort();
    this.wake$.abort();
  }

  /** Lifts one pause reason; when none is left, every instance is checked again right away (staggered). */
  resume(reason: PauseReason): void {
    if (!this.paused.delete(reason) || this.paused.size > 0) return;
    this.checkAllSoon();
  }

  /** Checks one instance next (e.g. after its token changed), resetting its backoff. */
  checkNow(id: string): void {
    const entry = this.entries.get(id);
    if (entry) Object.assign(entry, { due: this.options.clock.now(), failures: 0 });
    this.wake$.abort();
  }

  /** Re-reads the instance list now (added instances are checked soon, removed ones forgotten). */
  refresh(): void {
    this.wake$.abort();
  }

  /** The last state seen per instance (for the tray at start-up). */
  states(): ReadonlyMap<string, HealthState | null> {
    return new Map([...this.entries].map(([id, entry]) => [id, entry.state]));
  }

  private checkAllSoon(): void {
    const now = this.options.clock.now();
    [...this.entries.values()].forEach((entry, index) => (entry.due = now + index * this.stagger));
    this.wake$.abort();
  }

  private reconcile(): void {
    const ids = new Set(this.options.ids());
    for (const id of this.entries.keys()) if (!ids.has(id)) this.entries.delete(id);
    const now = this.options.clock.now();
    let fresh = 0;
    for (const id of ids) {
      if (this.entries.has(id)) continue;
      this.entries.set(id, { due: now + fresh * this.stagger, failures: 0, state: null, suspect: false });
      fresh += 1;
    }
  }

  private next(): [string, Entry] | null {
    let best: [string, Entry] | null = null;
    for (const pair of this.entries) if (!best || pair[1].due < best[1].due) best = pair;
    return best;
  }

  /** Sleeps `ms` (or until woken); Infinity waits for a wake-up only. */
  private async idle(ms: number): Promise<void> {
    if (this.wake$.signal.aborted) this.wake$ = new AbortController();
    const signal = AbortSignal.any([this.wake$.signal, this.stop$.signal]);
    const wait =
      ms === Infinity
        ? new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }))
        : this.options.clock.sleep(ms, signal);
    await wait.catch(() => undefined); // woken early: the loop re-plans
  }

  private async loop(): Promise<void> {
    while (!this.stop$.signal.aborted) {
      if (this.paused.size > 0) {
        await this.idle(Infinity);
        continue;
      }
      this.reconcile();
      const next = this.next();
      if (!next) {
        await this.idle(Infinity);
        continue;
      }
      const wait = next[1].due - this.options.clock.now();
      if (wait > 0) {
        await this.idle(wait);
        continue;
      }
      await this.run(...next);
    }
  }

  private async run(id: string, entry: Entry): Promise<void> {
    const now = this.options.clock.now();
    if (this.options.skip?.(id)) {
      entry.due = now + this.interval;
      return;
    }
    this.check$ = new AbortController();
    let outcome: HealthOutcome;
    try {
      outcome = await this.options.check(id, this.check$.signal);
    } catch (error) {
      outcome = { ok: false, error: { code: 'network', message: String(error) } };
    }
    const aborted = this.check$.signal.aborted;
    this.check$ = null;
    if (aborted || this.entries.get(id) !== entry) return; // paused, stopped or removed mid-check
    this.record(id, entry, outcome);
  }

  private record(id: string, entry: Entry, outcome: HealthOutcome): void {
    const now = this.options.clock.now();
    const to: HealthState = outcome.ok
      ? { kind: 'status', status: outcome.status }
      : { kind: 'error', error: outcome.error };
    if (outcome.ok) {
      entry.failures = 0;
      entry.due = now + Math.round(this.interval * (0.9 + 0.2 * this.random()));
    } else {
      entry.failures += 1;
      const policy = this.options.backoff ?? HEALTH_BACKOFF;
      // A refused token or unknown instance will not fix itself: check rarely until the user acts (checkNow).
      entry.due =
        now +
        (classifyError(outcome.error) === 'fatal'
          ? policy.capMs
          : backoffDelay(entry.failures, outcome.error, this.random, policy));
    }
    const from = entry.state;
    if (isDrop(from, to) && !entry.suspect) {
      // Not reported yet: read again once a flap would be over.
      entry.suspect = true;
      entry.due = now + this.confirmMs;
      return;
    }
    entry.suspect = false;
    entry.state = to;
    if (!sameHealth(from, to)) this.options.onTransition({ id, from, to });
  }
}
