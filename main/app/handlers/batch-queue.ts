/**
 * The batch-linking queue: instances one after another, exactly one session running at a time. It moves on by
 * itself a few seconds after a number links, stops for the user's choice when the wrong number linked, records
 * failures (with why, from describeProblem) and goes on, and ends with a summary. Pure: sessions, time and
 * publishing come in as ports, so fake-clock tests drive it (no electron, no I/O of its own).
 */
import type { BatchCommand, BatchItemView, BatchPhase, BatchQr, BatchView } from '../../../common/batch';
import type { LoginEvent, ProblemSource } from '../../../common/model';
import { describeProblem } from '../../../common/problems';
import type { BatchEntry, BatchOptions, BatchPorts, BatchQueue } from './batch-types';

export type { BatchEntry, BatchOptions, BatchPorts, BatchQueue, BatchStep } from './batch-types';

/** Default pause on "Linked as …" before the next phone. */
export const CONFIRM_MS = 3_000;

/** Creates the queue and starts on its first instance at once. */
export function createBatchQueue(
  entries: readonly BatchEntry[],
  ports: BatchPorts,
  options: BatchOptions = {},
): BatchQueue {
  const confirmMs = options.confirmMs ?? CONFIRM_MS;
  const maxRetries = options.maxRetries ?? 4;
  const items: BatchItemView[] = entries.map((e) => ({
    id: e.id,
    label: e.label,
    outcome: 'waiting',
    me: null,
    wrongNumber: false,
    problem: null,
  }));
  let index = -1;
  let phase: BatchPhase = 'linking';
  let qr: BatchQr | null = null;
  let pausedBecause: BatchView['pausedBecause'] = null;
  let confirmUntil: number | null = null;
  let retrying: BatchView['retrying'] = null;
  let run = 0; // bumped whenever the current session's results stop mattering
  let sawQr = false;
  let renewed = false;
  let errorsInRow = 0;
  let ending = false; // the queue itself is stopping the session: its `stopped` event is no news
  let cancelTimer: () => void = () => undefined;

  const view = (): BatchView => {
    const count = (outcome: BatchItemView['outcome']): number =>
      items.filter((item) => item.outcome === outcome).length;
    return {
      phase,
      items: items.map((item) => ({ ...item })),
      currentIndex: index,
      qr,
      pausedBecause,
      confirmUntil,
      expectedPhone: phase === 'wrong-number' ? (entries[index]?.expectedPhone ?? null) : null,
      retrying,
      counts: {
        total: items.length,
        linked: count('linked'),
        skipped: count('skipped'),
        failed: count('failed'),
        waiting: count('waiting') + count('current'),
      },
    };
  };
  const publish = (): void => ports.publish(view());
  const current = (): BatchItemView | undefined => items[index];

  /** Stops the current session and ignores whatever it still had in flight. */
  const halt = (): void => {
    run += 1;
    cancelTimer();
    cancelTimer = () => undefined;
    qr = null;
    retrying = null;
    const item = current();
    ending = true;
    if (item) ports.end(item.id);
    ending = false;
  };

  const advance = (): void => {
    halt();
    confirmUntil = null;
    pausedBecause = null;
    index = items.findIndex((item) => item.outcome === 'waiting');
    if (index < 0) {
      phase = 'done';
      publish();
      return;
    }
    void runItem('begin');
  };

  const runItem = async (how: 'begin' | 'renew'): Promise<void> => {
    const item = current();
    if (!item) return;
    const mine = ++run;
    phase = 'linking';
    pausedBecause = null;
    item.outcome = 'current';
    sawQr = false;
    renewed = how === 'renew';
    errorsInRow = 0;
    publish();
    ending = true; // a port may stop an older session of this instance first
    const starting = how === 'renew' ? ports.renew(item.id) : ports.begin(item.id);
    ending = false;
    const step = await starting;
    if (mine === run && !step.ok) fail(step.problem);
  };

  const settle = (outcome: 'skipped' | 'failed', problem: ProblemSource | null): void => {
    const item = current();
    if (!item) return;
    halt();
    item.outcome = outcome;
    if (problem) {
      const { title, sentence } = describeProblem(problem, { instanceId: item.id });
      item.problem = { title, sentence };
    }
    advance();
  };
  const fail = (problem: ProblemSource): void => settle('failed', problem);

  const linked = (event: Extract<LoginEvent, { type: 'connected' }>): void => {
    const item = current()!;
    halt();
    item.me = event.me;
    if (event.phoneMatches === false) {
      phase = 'wrong-number';
      publish();
      return;
    }
    item.outcome = 'linked';
    if (!sawQr) return advance(); // it was linked already: nobody is waiting for a confirmation
    phase = 'confirming';
    confirmUntil = ports.now() + confirmMs;
    cancelTimer = ports.setTimer(confirmMs, advance);
    publish();
  };

  const pause = (because: 'user' | 'codes-ran-out'): void => {
    halt();
    phase = 'paused';
    pausedBecause = because;
    confirmUntil = null;
    publish();
  };

  const logoutWrongNumber = async (): Promise<void> => {
    const item = current()!;
    const mine = ++run;
    item.me = null;
    phase = 'linking';
    publish();
    const step = await ports.logout(item.id);
    if (mine !== run) return;
    if (step.ok) void runItem('begin');
    else fail(step.problem);
  };

  const onLoginEvent = (instanceId: string, event: LoginEvent): void => {
    if (phase !== 'linking' || current()?.id !== instanceId) return;
    switch (event.type) {
      case 'qr':
        qr = {
          value: event.value,
          expiresAt: event.expiresAt,
          index: event.index,
          expectedCount: event.expectedCount,
        };
        sawQr = true;
        errorsInRow = 0;
        retrying = null;
        break;
      case 'qr-expired':
        qr = null;
        break;
      case 'status':
        errorsInRow = 0;
        retrying = null;
        break;
      case 'connected':
        return linked(event);
      case 'exhausted':
        // The server starting a new cycle by itself needs nothing; a session found FAILED gets one fresh cycle
        // by itself; codes that ran out unscanned pause the queue.
        if (event.renewing) {
          qr = null;
          break;
        }
        if (!sawQr && !renewed) return void runItem('renew');
        return pause('codes-ran-out');
      case 'error': {
        errorsInRow += 1;
        if (event.fatal || errorsInRow >= maxRetries) return fail(event);
        const { title, sentence } = describeProblem(event, { instanceId });
        retrying = { title, sentence };
        break;
      }
      case 'stopped':
        // Stopped from elsewhere (the instance was removed, a login view let go of it): nothing polls now.
        if (!ending) pause('user');
        return;
    }
    publish();
  };

  const command = (what: BatchCommand): boolean => {
    switch (what) {
      case 'skip':
        if (phase === 'confirming') return command('next');
        if (phase !== 'linking' && phase !== 'paused') return false;
        if (current()?.outcome === 'linked') advance();
        else settle('skipped', null);
        return true;
      case 'pause':
        if (phase !== 'linking' && phase !== 'confirming') return false;
        pause('user');
        return true;
      case 'resume':
        if (phase !== 'paused') return false;
        if (current()?.outcome === 'linked') advance();
        else void runItem(pausedBecause === 'codes-ran-out' ? 'renew' : 'begin');
        return true;
      case 'next':
        if (phase !== 'confirming') return false;
        advance();
        return true;
      case 'stop': {
        if (phase === 'done') return false;
        halt();
        const item = current();
        if (item?.outcome === 'current') item.outcome = 'waiting';
        if (phase === 'wrong-number' && item) Object.assign(item, { outcome: 'linked', wrongNumber: true });
        index = -1;
        phase = 'done';
        pausedBecause = null;
        confirmUntil = null;
        publish();
        return true;
      }
      case 'close':
        return phase === 'done';
      case 'keep-wrong-number':
        if (phase !== 'wrong-number') return false;
        current()!.outcome = 'linked';
        current()!.wrongNumber = true;
        advance();
        return true;
      case 'logout-wrong-number':
        if (phase !== 'wrong-number') return false;
        void logoutWrongNumber();
        return true;
    }
  };

  advance();
  return { view, command, onLoginEvent, dispose: halt };
}
