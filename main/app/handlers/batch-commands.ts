/**
 * The batch queue's command table: which of the user's commands apply in which phase, and what each one does
 * in terms of the queue's own moves. Kept apart from the session driving (batch-queue.ts) so the rules for
 * Skip, Pause, Resume, Stop and the wrong-number choice read in one place.
 */
import type { BatchCommand } from '../../../common/batch';
import { currentItem, type BatchState } from './batch-state';

/** The moves of the queue a command can make. */
export interface BatchMoves {
  /** Stops the current session and ignores whatever it still had in flight. */
  halt(): void;
  /** On to the next waiting instance, or the summary when none is left. */
  advance(): void;
  /** Ends the current instance as skipped, then advances. */
  skip(): void;
  pause(because: 'user'): void;
  /** Starts the current instance's session again: as it was, or with a fresh set of codes. */
  start(how: 'begin' | 'renew'): Promise<void>;
  logoutWrongNumber(): Promise<void>;
  publish(): void;
}

/** Applies a command; false when it does not apply in the current phase (nothing changes). */
export function applyBatchCommand(what: BatchCommand, state: BatchState, moves: BatchMoves): boolean {
  const { phase } = state;
  switch (what) {
    case 'skip':
      if (phase === 'confirming') return applyBatchCommand('next', state, moves);
      if (phase !== 'linking' && phase !== 'paused') return false;
      if (currentItem(state)?.outcome === 'linked') moves.advance();
      else moves.skip();
      return true;
    case 'pause':
      if (phase !== 'linking' && phase !== 'confirming') return false;
      moves.pause('user');
      return true;
    case 'resume':
      if (phase !== 'paused') return false;
      if (currentItem(state)?.outcome === 'linked') moves.advance();
      else void moves.start(state.pausedBecause === 'codes-ran-out' ? 'renew' : 'begin');
      return true;
    case 'next':
      if (phase !== 'confirming') return false;
      moves.advance();
      return true;
    case 'stop': {
      if (phase === 'done') return false;
      moves.halt();
      const item = currentItem(state);
      if (item?.outcome === 'current') item.outcome = 'waiting';
      if (phase === 'wrong-number' && item) Object.assign(item, { outcome: 'linked', wrongNumber: true });
      state.index = -1;
      state.phase = 'done';
      state.pausedBecause = null;
      state.confirmUntil = null;
      moves.publish();
      return true;
    }
    case 'close':
      return phase === 'done';
    case 'keep-wrong-number':
      if (phase !== 'wrong-number') return false;
      currentItem(state)!.outcome = 'linked';
      currentItem(state)!.wrongNumber = true;
      moves.advance();
      return true;
    case 'logout-wrong-number':
      if (phase !== 'wrong-number') return false;
      void moves.logoutWrongNumber();
      return true;
  }
}
