/**
 * Batch linking as every process sees it: one queue of instances, one code on screen at a time. Pure data
 * (it crosses IPC as the `batch:changed` push); never holds a token.
 */
import type { Problem } from './problems';
import type { Me } from './model';

/** Where one instance of the queue stands. */
export type BatchOutcome = 'waiting' | 'current' | 'linked' | 'skipped' | 'failed';

export interface BatchItemView {
  id: string;
  label: string;
  outcome: BatchOutcome;
  /** The account that linked (outcome `linked`). */
  me: Me | null;
  /** Linked, but not to the expected number, and the user chose to keep it. */
  wrongNumber: boolean;
  /** Why it failed (outcome `failed`), from describeProblem: the one source of error text. */
  problem: Pick<Problem, 'title' | 'sentence'> | null;
}

/**
 * `linking`: the current instance's code is on screen (or on its way); `confirming`: it just linked and the
 * queue moves on by itself at `confirmUntil`; `paused`: nothing polls; `wrong-number`: it linked to a number
 * other than the expected one and waits for the user's choice; `done`: the summary.
 */
export type BatchPhase = 'linking' | 'confirming' | 'paused' | 'wrong-number' | 'done';

/** The QR code of the current instance, as the engine announced it. */
export interface BatchQr {
  value: string;
  /** Epoch ms on the local clock. */
  expiresAt: number;
  /** 1-based position in the cycle; null when unknown. */
  index: number | null;
  expectedCount: number;
}

export interface BatchView {
  phase: BatchPhase;
  items: BatchItemView[];
  /** Position of the current instance in `items` (-1 when done). */
  currentIndex: number;
  qr: BatchQr | null;
  /** Why the queue is paused: the user asked, or nobody scanned before the codes ran out. */
  pausedBecause: 'user' | 'codes-ran-out' | null;
  /** While `confirming`: when the queue moves on (epoch ms). */
  confirmUntil: number | null;
  /** While `wrong-number`: the number the instance expected (digits with country code). */
  expectedPhone: string | null;
  /** A problem the engine is retrying by itself right now (shown, not yet a failure). */
  retrying: Pick<Problem, 'title' | 'sentence'> | null;
  counts: { total: number; linked: number; skipped: number; failed: number; waiting: number };
}

/** What the user can ask of a running batch. `next` moves on now from `confirming`; `close` forgets a done one. */
export const BATCH_COMMANDS = [
  'skip',
  'pause',
  'resume',
  'next',
  'stop',
  'close',
  'logout-wrong-number',
  'keep-wrong-number',
] as const;
export type BatchCommand = (typeof BATCH_COMMANDS)[number];

/** Which instances a batch links: these ids in this order, or every instance that needs linking. */
export type BatchSelection = string[] | 'needs-linking';
