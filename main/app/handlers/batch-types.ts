/**
 * The batch queue's contract (implementation: batch-queue.ts): the ports it drives the app through, its
 * entries and options, and the handle its owner holds. No electron, no I/O.
 */
import type { BatchCommand, BatchView } from '../../../common/batch';
import type { LoginEvent, ProblemSource } from '../../../common/model';

/** One step a port took for the queue: done, or why not (described with describeProblem). */
export type BatchStep = { ok: true } | { ok: false; problem: ProblemSource };

/** What the queue needs from the app; `begin`/`renew`/`end` drive the one running session. */
export interface BatchPorts {
  /** Starts the instance's login session. */
  begin(id: string): Promise<BatchStep>;
  /** Starts it with a fresh set of codes (the Wawp session restarted). */
  renew(id: string): Promise<BatchStep>;
  /** Stops its session (no more requests for it). */
  end(id: string): void;
  /** Logs the linked WhatsApp account out of the instance. */
  logout(id: string): Promise<BatchStep>;
  publish(view: BatchView): void;
  now(): number;
  /** Calls `fn` once after `ms`; returns the cancel function. */
  setTimer(ms: number, fn: () => void): () => void;
}

export interface BatchEntry {
  id: string;
  label: string;
  expectedPhone: string | null;
}

export interface BatchOptions {
  /** How long "Linked as …" stays before the queue moves on (ms). */
  confirmMs?: number;
  /** Retried errors in a row (no code or status in between) after which an instance counts as failed. */
  maxRetries?: number;
}

export interface BatchQueue {
  view(): BatchView;
  /** Applies a command; false when it does not apply in the current phase (nothing changes). */
  command(command: BatchCommand): boolean;
  /** Feeds every engine event in; only the current instance's count. */
  onLoginEvent(instanceId: string, event: LoginEvent): void;
  /** Stops the running session and every timer. */
  dispose(): void;
}
