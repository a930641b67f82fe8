/**
 * What the batch queue knows and shows: its state record and the view it publishes from it. Kept apart from
 * the session driving (batch-queue.ts) so the commands (batch-commands.ts) and the queue share one record.
 * Pure data; no ports, no timers.
 */
import type { BatchItemView, BatchPhase, BatchQr, BatchView } from '../../../common/batch';
import type { BatchEntry } from './batch-types';

/** The queue's state, field for field what its view is made of. */
export interface BatchState {
  items: BatchItemView[];
  /** Position of the current instance in `items` (-1 before the first one and when done). */
  index: number;
  phase: BatchPhase;
  qr: BatchQr | null;
  pausedBecause: BatchView['pausedBecause'];
  confirmUntil: number | null;
  retrying: BatchView['retrying'];
}

/** A queue of these entries, every one waiting, none current yet. */
export function newBatchState(entries: readonly BatchEntry[]): BatchState {
  return {
    items: entries.map((e) => ({
      id: e.id,
      label: e.label,
      outcome: 'waiting',
      me: null,
      wrongNumber: false,
      problem: null,
    })),
    index: -1,
    phase: 'linking',
    qr: null,
    pausedBecause: null,
    confirmUntil: null,
    retrying: null,
  };
}

/** The instance the queue is on, if any. */
export function currentItem(state: BatchState): BatchItemView | undefined {
  return state.items[state.index];
}

/** The view to publish; its items are copies, so later changes to the state never show through it. */
export function batchView(state: BatchState, entries: readonly BatchEntry[]): BatchView {
  const { phase, items, index } = state;
  const count = (outcome: BatchItemView['outcome']): number =>
    items.filter((item) => item.outcome === outcome).length;
  return {
    phase,
    items: items.map((item) => ({ ...item })),
    currentIndex: index,
    qr: state.qr,
    pausedBecause: state.pausedBecause,
    confirmUntil: state.confirmUntil,
    expectedPhone: phase === 'wrong-number' ? (entries[index]?.expectedPhone ?? null) : null,
    retrying: state.retrying,
    counts: {
      total: items.length,
      linked: count('linked'),
      skipped: count('skipped'),
      failed: count('failed'),
      waiting: count('waiting') + count('current'),
    },
  };
}
