/**
 * The batch-linking queue: instances one after another, exactly one session running at a time. It moves on by
 * itself a few seconds after a number links, stops for the user's choice when the wrong number linked, records
 * failures (with why, from describeProblem) and goes on, and ends with a summary. Pure: sessions, time and
 * publishing come in as ports, so fake-clock tests drive it (no electron, no I/O of its own). This file drives
 * the sessions and reacts to the engine's events; the state and its view: batch-state.ts; the user's commands:
 * batch-commands.ts.
 */
import type { BatchCommand, BatchItemView, BatchView } from '../../../common/batch';
import type { LoginEvent, ProblemSource } from '../../../common/model';
import { describeProblem } from '../../../common/problems';
import { applyBatchCommand, type BatchMoves } from './batch-commands';
import { batchView, currentItem, newBatchState } from './batch-state';
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
  const s = newBatchState(entries);
  let run = 0; // bumped whenever the current session's results stop mattering
  let sawQr = false;
  let renewed = false;
  let errorsInRow = 0;
  let ending = false; // the queue itself is stopping the session: its `stopped` event is no news
  let cancelTimer: () => void = () => undefined;

  const view = (): BatchView => batchView(s, entries);
  const publish = (): void => ports.publish(view());
  const current = (): BatchItemView | undefined => currentItem(s);

  /** Stops the current session and ignores whatever it still had in flight. */
  const halt = (): void => {
    run += 1;
    cancelTimer();
    cancelTimer = () => undefined;
    s.qr = null;
    s.retrying = null;
    const item = current();
    ending = true;
    if (item) ports.end(item.id);
    ending = false;
  };

  const advance = (): void => {
    halt();
    s.confirmUntil = null;
    s.pausedBecause = null;
    s.index = s.items.findIndex((item) => item.outcome === 'waiting');
    if (s.index < 0) {
      s.phase = 'done';
      publish();
      return;
    }
    void runItem('begin');
  };

  const runItem = async (how: 'begin' | 'renew'): Promise<void> => {
    const item = current();
    if (!item) return;
    const mine = ++run;
    s.phase = 'linking';
    s.pausedBecause = null;
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
      s.phase = 'wrong-number';
      publish();
      return;
    }
    item.outcome = 'linked';
    if (!sawQr) return advance(); // it was linked already: nobody is waiting for a confirmation
    s.phase = 'confirming';
    s.confirmUntil = ports.now() + confirmMs;
    cancelTimer = ports.setTimer(confirmMs, advance);
    publish();
  };

  const pause = (because: 'user' | 'codes-ran-out'): void => {
    halt();
    s.phase = 'paused';
    s.pausedBecause = because;
    s.confirmUntil = null;
    publish();
  };

  const logoutWrongNumber = async (): Promise<void> => {
    const item = current()!;
    const mine = ++run;
    item.me = null;
    s.phase = 'linking';
    publish();
    const step = await ports.logout(item.id);
    if (mine !== run) return;
    if (step.ok) void runItem('begin');
    else fail(step.problem);
  };

  const onLoginEvent = (instanceId: string, event: LoginEvent): void => {
    if (s.phase !== 'linking' || current()?.id !== instanceId) return;
    switch (event.type) {
      case 'qr':
        s.qr = {
          value: event.value,
          expiresAt: event.expiresAt,
          index: event.index,
          expectedCount: event.expectedCount,
        };
        sawQr = true;
        errorsInRow = 0;
        s.retrying = null;
        break;
      case 'qr-expired':
        s.qr = null;
        break;
      case 'status':
        errorsInRow = 0;
        s.retrying = null;
        break;
      case 'connected':
        return linked(event);
      case 'exhausted':
        // The server starting a new cycle by itself needs nothing; a session found FAILED gets one fresh cycle
        // by itself; codes that ran out unscanned pause the queue.
        if (event.renewing) {
          s.qr = null;
          break;
        }
        if (!sawQr && !renewed) return void runItem('renew');
        return pause('codes-ran-out');
      case 'error': {
        errorsInRow += 1;
        if (event.fatal || errorsInRow >= maxRetries) return fail(event);
        const { title, sentence } = describeProblem(event, { instanceId });
        s.retrying = { title, sentence };
        break;
      }
      case 'stopped':
        // Stopped from elsewhere (the instance was removed, a login view let go of it): nothing polls now.
        if (!ending) pause('user');
        return;
    }
    publish();
  };

  const moves: BatchMoves = {
    halt,
    advance,
    skip: () => settle('skipped', null),
    pause,
    start: runItem,
    logoutWrongNumber,
    publish,
  };
  const command = (what: BatchCommand): boolean => applyBatchCommand(what, s, moves);

  advance();
  return { view, command, onLoginEvent, dispose: halt };
}
