/** The endings the CLI decides itself (not the engine): each a title, one sentence and one next step. */
import { againCommand, cliProblem, type CliProblem, type StepContext } from './next-step';
import type { ServerWatch } from './server-watch';

export interface Ending {
  /** The code in the JSON error line (the client/engine vocabulary where one fits). */
  code: string;
  problem: Pick<CliProblem, 'title' | 'sentence' | 'next'>;
}

/** `--no-start` met a stopped (or failed) session. */
export function leftAlone(ctx: StepContext, failed: boolean): Ending {
  return {
    code: 'status_mismatch',
    problem: {
      title: failed ? 'The session has failed' : 'The session is stopped',
      sentence: `--no-start was given, so it was left ${failed ? 'alone' : 'stopped'}.`,
      next: `run it without --no-start to ${failed ? 'restart' : 'start'} it: ${againCommand(ctx)}`,
    },
  };
}

/**
 * Every code of the cycle (and of every allowed restart) expired. `renewing`: the server started new codes
 * by itself, so the session did not give up; the CLI stopped waiting. Only `login` takes --restarts; `pair`
 * shows a pairing code, which is typed on the phone, not scanned.
 */
export function codesUsedUp(ctx: StepContext, restarts: number, renewing = false): Ending {
  const again = againCommand(ctx);
  const flag = ctx.command === 'login';
  const what =
    ctx.command === 'pair'
      ? 'The pairing code expired before it was entered on the phone'
      : 'Every code expired without a scan';
  const sentence = !renewing
    ? `${what}, so the session gave up.`
    : flag
      ? `${what}; the server started new ones, but --restarts ${restarts} allows no more, so wawp-link stopped waiting.`
      : `${what}, so wawp-link stopped waiting.`;
  return {
    code: 'timeout',
    problem: {
      title: ctx.command === 'pair' ? 'The pairing code was not entered' : 'No code was scanned',
      sentence,
      next:
        restarts > 0 || !flag
          ? `run it again when the phone is at hand: ${again}`
          : `run it again when the phone is at hand, or allow restarts: ${again} --restarts 3`,
    },
  };
}

/** `--timeout` ran out. */
export function timedOut(ctx: StepContext, ms: number, lastProblem: string | null): Ending {
  const seconds = Math.round(ms / 100) / 10;
  const last = lastProblem ? `; the last problem: ${lastProblem.replace(/\.$/, '')}` : '';
  return {
    code: 'timeout',
    problem: {
      title: 'Not linked in time',
      sentence: `Not linked within ${seconds} s (--timeout), so it gave up${last}.`,
      next: `run it again when the phone is at hand, or raise --timeout: ${againCommand(ctx)}`,
    },
  };
}

/** The server gave no answer at all for `limitMs` (refused, timed out, or its name not found). */
export function offline(ctx: StepContext, watch: ServerWatch, limitMs: number): Ending {
  const cause = watch.lastCause() ?? 'other';
  const p = cliProblem({ code: cause === 'timed_out' ? 'timeout' : 'network', host: watch.host, cause }, ctx);
  const seconds = Math.round(limitMs / 1000);
  return {
    code: 'network',
    problem: {
      ...p,
      sentence: `${p.sentence.replace(/\.$/, '')}; gave up after ${seconds} s without an answer (--offline-limit).`,
    },
  };
}

/** The answers do not look like a Wawp API: named by its address, with the scheme. */
export function notWawp(ctx: StepContext): Ending {
  return {
    code: 'not_wawp',
    problem: cliProblem({ code: 'not_wawp', host: new URL(ctx.baseUrl).origin }, ctx),
  };
}
