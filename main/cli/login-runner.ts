/**
 * Runs one login (QR or pairing code) on the engine until it links, gives up, fails or is
 * interrupted, rendering events as JSON lines or for people; resolves the exit code. Every error is
 * said once: title, one sentence, one next step (next-step.ts).
 */
import type { LoginEvent } from '../../common/model';
import type { LoginSession } from '../login/types';
import { EXIT, exitCodeFor, type ExitCode } from './exit-codes';
import type { CliIo } from './io';
import { writeEndLine, writeJsonEvent, type CliEvent } from './login-json';
import { leftAlone, timedOut, type Ending } from './login-outcomes';
import { HumanLoginView } from './login-view';
import { cliProblem, problemLines, type StepContext } from './next-step';
import { RestartBudget } from './restart-budget';
import { serverVerdict } from './server-verdict';
import type { ServerWatch } from './server-watch';
import { chooseQrLook, type QrLook } from './terminal-theme';

export interface LoginRun {
  io: CliIo;
  session: LoginSession;
  json: boolean;
  /** Header line of the human screen, e.g. "wawp-link · 3EB0BCB2E3D4 (Sales)". */
  title: string;
  steps: StepContext;
  /** Whether the engine may start a STOPPED session (`--no-start` turns it off). */
  autoStart: boolean;
  timeoutMs?: number;
  /** How many times to restart for a fresh cycle after the codes ran out. */
  restarts: number;
  /** Pairing-code mode: request a code for this phone (digits or +formatted) instead of showing QRs. */
  pairPhone?: string;
  /** Extra line under the human screen (the demo's "press a key to scan"). */
  extraHint?: string;
  /** What to do when the QR does not fit the terminal ("Or link by phone number: …"), if anything. */
  alternative: string | null;
  /** How the QR is drawn; chosen from the terminal when absent (the demo asks before it reads keys). */
  look?: QrLook;
  /** Watches the server's answers (absent for the in-process demo). */
  watch?: ServerWatch;
  /** Give up after this long without any answer from the server (0 = keep trying). */
  offlineLimitMs?: number;
  /** Called for every engine event (the demo scans from here). */
  onEvent?: (event: LoginEvent) => void;
  /** Stops the run like Ctrl-C (exit 130) when aborted. */
  stopSignal?: AbortSignal;
}

/** The QR look for a run's terminal (no question asked when no QR will be drawn). */
export function lookFor(io: CliIo, json: boolean, pairMode: boolean): Promise<QrLook> {
  return json || pairMode ? Promise.resolve({ style: 'dark-ink', guessed: false }) : chooseQrLook(io);
}

/** Drives `run.session` to an outcome; always stops the session and its timers before resolving. */
export async function runLogin(run: LoginRun): Promise<ExitCode> {
  const { io, session, watch } = run;
  const look = run.look ?? (await lookFor(io, run.json, Boolean(run.pairPhone)));
  const view = run.json
    ? null
    : new HumanLoginView(io, {
        title: run.title,
        look,
        pairMode: Boolean(run.pairPhone),
        alternative: run.alternative,
        extraHint: run.extraHint ?? null,
      });
  const budget = new RestartBudget(run.restarts, run.autoStart, run.steps);
  const verdict = serverVerdict(run.steps, watch, run.offlineLimitMs);
  let pairingRequested = false;
  let lastProblem: string | null = null;
  let done = false;

  return new Promise<ExitCode>((resolve) => {
    const cleanups: Array<() => void> = [];
    const emit = (event: CliEvent): void => {
      if (run.json) writeJsonEvent(io, event);
      else view!.handle(event);
    };
    const finish = (code: ExitCode, message?: string): void => {
      if (done) return;
      done = true;
      for (const cleanup of cleanups) cleanup();
      session.stop();
      view?.close();
      if (message) io.err(`${message}\n`);
      resolve(code);
    };
    /** Ends the run: one JSON error line (in --json), then title, sentence and next step on stderr. */
    const end = ({ code, problem }: Ending, exit: ExitCode): void => {
      if (done) return;
      if (run.json) writeEndLine(io, code, problem);
      finish(exit, problemLines(problem));
    };
    /** Stops when the server is not a Wawp API, or has not answered for too long. */
    const watchdog = (): void => {
      const ending = verdict.now();
      if (ending) end(ending, EXIT.other);
    };

    const requestPairing = (): void => {
      if (pairingRequested || !run.pairPhone) return;
      pairingRequested = true;
      void session.requestPairingCode(run.pairPhone).then((result) => {
        if (done) return;
        if (result.ok) emit({ type: 'pairing-code', code: result.pairing.code });
        else onError({ type: 'error', ...result.error, fatal: true });
      });
    };

    const onError = (event: Extract<LoginEvent, { type: 'error' }>): void => {
      const serverEnding = verdict.afterError(event.code);
      if (serverEnding) return end(serverEnding, EXIT.other);
      const source = {
        ...event,
        host: event.host ?? watch?.host,
        cause: event.cause ?? watch?.lastCause() ?? undefined,
      };
      const p = cliProblem(source, run.steps);
      if (event.fatal) return end({ code: event.code, problem: p }, exitCodeFor(event.code));
      lastProblem = `${p.title}: ${p.sentence}`;
      if (run.json) {
        const { code, retryInMs } = event;
        writeJsonEvent(io, {
          type: 'error',
          code,
          message: p.sentence,
          fatal: false,
          retryInMs,
          host: source.host,
        });
      }
      view?.showProblem(lastProblem, event.retryInMs);
    };

    const onEvent = (event: LoginEvent): void => {
      if (done) return;
      run.onEvent?.(event);
      if (event.type === 'error') return onError(event);
      if (event.type === 'qr' || (event.type === 'status' && event.status === 'SCAN_QR_CODE'))
        budget.sawScan();
      if ((event.type === 'qr' || event.type === 'qr-expired') && run.pairPhone) {
        if (run.json) emit(event); // people see the pairing code, not the QR
        if (event.type === 'qr') requestPairing();
        return;
      }
      if (event.type === 'stopped') return; // our own stop(); the outcome is already decided
      emit(event);
      if (event.type === 'status') {
        if (event.status === 'STOPPED' && !run.autoStart) end(leftAlone(run.steps, false), EXIT.other);
        else if (event.status === 'SCAN_QR_CODE') requestPairing();
      } else if (event.type === 'connected') finish(EXIT.linked);
      else if (event.type === 'exhausted') onExhausted(event.renewing === true);
    };

    /** Every code of the cycle expired: restart, wait for the server's new cycle, or give up. */
    const onExhausted = (renewing: boolean): void => {
      const next = budget.afterCodesRanOut(renewing);
      if (next.kind === 'end') return end(next.ending, next.exit);
      view?.setBanner(next.banner);
      if (next.kind === 'restart') void session.restart();
    };

    cleanups.push(session.onEvent(onEvent));
    if (watch) {
      // Checked every second as well: long back-offs must not stretch the bound.
      const timer = setInterval(watchdog, 1000);
      cleanups.push(() => clearInterval(timer));
    }
    if (run.timeoutMs !== undefined) {
      const ms = run.timeoutMs;
      const timer = setTimeout(() => end(timedOut(run.steps, ms, lastProblem), EXIT.gaveUp), ms);
      cleanups.push(() => clearTimeout(timer));
    }
    for (const signal of [io.interrupt, run.stopSignal]) {
      if (!signal) continue;
      const onAbort = (): void => finish(EXIT.interrupted, 'Stopped.');
      if (signal.aborted) return onAbort();
      signal.addEventListener('abort', onAbort, { once: true });
      cleanups.push(() => signal.removeEventListener('abort', onAbort));
    }
    view?.begin();
    session.start();
  });
}
