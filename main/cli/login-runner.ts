/**
 * Runs one login (QR or pairing code) on the engine until it links, gives up, fails or is
 * interrupted, rendering events as JSON lines or for people; resolves the exit code.
 */
import type { LoginErrorCode, LoginEvent } from '../../common/model';
import type { LoginSession } from '../login/types';
import { EXIT, exitCodeFor, type ExitCode } from './exit-codes';
import { hintFor, type HintContext } from './hints';
import type { CliIo } from './io';
import { writeJsonEvent, type CliEvent } from './login-json';
import { HumanLoginView } from './login-view';

export interface LoginRun {
  io: CliIo;
  session: LoginSession;
  json: boolean;
  /** Header line of the human screen, e.g. "wawp-link · 3EB0BCB2E3D4 (Sales)". */
  title: string;
  hints: HintContext;
  /** Whether the engine may start a STOPPED session (`--no-start` turns it off). */
  autoStart: boolean;
  timeoutMs?: number;
  /** How many times to restart for a fresh cycle after the codes ran out. */
  restarts: number;
  /** Pairing-code mode: request a code for this phone (digits or +formatted) instead of showing QRs. */
  pairPhone?: string;
  /** Extra line under the human screen (the demo's "press a key to scan"). */
  extraHint?: string;
  /** Called for every engine event (the demo scans from here). */
  onEvent?: (event: LoginEvent) => void;
  /** Stops the run like Ctrl-C (exit 130) when aborted. */
  stopSignal?: AbortSignal;
}

/** Drives `run.session` to an outcome; always stops the session and its timers before resolving. */
export function runLogin(run: LoginRun): Promise<ExitCode> {
  const { io, session } = run;
  const view = run.json
    ? null
    : new HumanLoginView(io, run.title, run.extraHint ?? null, Boolean(run.pairPhone));
  let restartsLeft = run.restarts;
  let pairingRequested = false;
  let lastProblem: string | null = null;
  /** Whether this run saw the session waiting for a scan (else a FAILED session was found failed). */
  let sawScanning = false;
  let recovered = false;
  let done = false;
  let chain = Promise.resolve();

  return new Promise<ExitCode>((resolve) => {
    const cleanups: Array<() => void> = [];
    const emit = (event: CliEvent): void => {
      if (run.json) writeJsonEvent(io, event);
      else
        chain = chain
          .then(() => view!.handle(event))
          .catch((e: unknown) => fail('bad_response', String(e), EXIT.other));
    };
    const finish = (code: ExitCode, message?: string): void => {
      if (done) return;
      done = true;
      for (const cleanup of cleanups) cleanup();
      session.stop();
      void chain.then(() => {
        view?.close();
        if (message) io.err(`${message}\n`);
        resolve(code);
      });
    };
    /** The message plus the next step: `extra` when the CLI knows it better, else the code's hint. */
    const withHint = (message: string, code: LoginErrorCode, extra?: string): string =>
      [message, extra ?? hintFor(code, run.hints)].filter(Boolean).join('\n');
    /** A CLI-decided failure: one JSON error line (client/engine code vocabulary), then words on stderr. */
    const fail = (code: LoginErrorCode, message: string, exit: ExitCode, extra?: string): void => {
      if (done) return;
      if (run.json) writeJsonEvent(io, { type: 'error', code, message, fatal: true });
      finish(exit, withHint(message, code, extra));
    };

    const requestPairing = (): void => {
      if (pairingRequested || !run.pairPhone) return;
      pairingRequested = true;
      void session.requestPairingCode(run.pairPhone).then((result) => {
        if (done) return;
        if (result.ok) emit({ type: 'pairing-code', code: result.pairing.code });
        else fail(result.error.code, result.error.message, exitCodeFor(result.error.code));
      });
    };

    const giveUp = (): void =>
      fail(
        'timeout',
        'Every code expired without a scan, so the session gave up.',
        EXIT.gaveUp,
        run.restarts > 0
          ? `Tried ${run.restarts} restart(s). Run the command again when the phone is at hand.`
          : 'Run the command again when the phone is at hand, or pass --restarts N to keep going.',
      );
    const onEvent = (event: LoginEvent): void => {
      if (done) return;
      run.onEvent?.(event);
      if (event.type === 'qr' || (event.type === 'status' && event.status === 'SCAN_QR_CODE'))
        sawScanning = true;
      if ((event.type === 'qr' || event.type === 'qr-expired') && run.pairPhone) {
        if (run.json) emit(event); // people see the pairing code, not the QR
        if (event.type === 'qr') requestPairing();
        return;
      }
      if (event.type === 'stopped') return; // our own stop(); the outcome is already decided
      emit(event);
      switch (event.type) {
        case 'status':
          if (event.status === 'STOPPED' && !run.autoStart) {
            fail(
              'status_mismatch',
              'The session is stopped and --no-start was given, so it was left stopped.',
              EXIT.other,
              'Run again without --no-start to start it, or start it from your Wawp dashboard.',
            );
          } else if (event.status === 'SCAN_QR_CODE') requestPairing();
          break;
        case 'connected':
          finish(EXIT.linked);
          break;
        case 'exhausted':
          if (event.renewing) {
            // The server began a new cycle by itself: it counts as one of the --restarts, without a call.
            if (restartsLeft > 0) {
              restartsLeft--;
              view?.setBanner(
                `The server started new codes (restart ${run.restarts - restartsLeft} of ${run.restarts}).`,
              );
            } else {
              giveUp();
            }
          } else if (!sawScanning && !recovered) {
            // Found FAILED before this run saw any scanning: the user asked to log in, so get a fresh cycle
            // (not counted against --restarts), unless --no-start asked us to change nothing.
            if (!run.autoStart) {
              fail(
                'status_mismatch',
                'The session has failed and --no-start was given, so it was left alone.',
                EXIT.other,
                'Run again without --no-start to restart it.',
              );
              break;
            }
            recovered = true;
            view?.setBanner('The session had failed; restarted it for new codes.');
            void session.restart();
          } else if (restartsLeft > 0) {
            restartsLeft--;
            view?.setBanner(
              `Restarted the session for new codes (restart ${run.restarts - restartsLeft} of ${run.restarts}).`,
            );
            void session.restart();
          } else {
            giveUp();
          }
          break;
        case 'error':
          if (!event.fatal) lastProblem = event.message.replace(/\s*Retrying in [^.]*\.?$/, '');
          // The engine already sent the JSON error line; only the words and the exit code remain.
          if (event.fatal) finish(exitCodeFor(event.code), withHint(event.message, event.code));
          break;
        default:
          break;
      }
    };

    cleanups.push(session.onEvent(onEvent));
    if (run.timeoutMs !== undefined) {
      const seconds = Math.round(run.timeoutMs / 100) / 10;
      const timer = setTimeout(
        () =>
          fail(
            'timeout',
            `Not linked within ${seconds} s (--timeout), so it gave up.`,
            EXIT.gaveUp,
            lastProblem
              ? `Last problem: ${lastProblem}`
              : 'Run it again when the phone is at hand, or raise --timeout.',
          ),
        run.timeoutMs,
      );
      cleanups.push(() => clearTimeout(timer));
    }
    for (const signal of [io.interrupt, run.stopSignal]) {
      if (!signal) continue;
      const onAbort = (): void => {
        view?.clearFrame();
        finish(EXIT.interrupted, 'Stopped.');
      };
      if (signal.aborted) return onAbort();
      signal.addEventListener('abort', onAbort, { once: true });
      cleanups.push(() => signal.removeEventListener('abort', onAbort));
    }
    view?.begin();
    session.start();
  });
}
