/**
 * What a login does when every code of a cycle expired without a scan: a session found FAILED is
 * restarted once for free, each new cycle after that (one the CLI asks for, or one the server begins
 * by itself) spends one of --restarts, and when none are left the run gives up. Kept apart from the
 * runner so the counting reads in one place.
 */
import { EXIT, type ExitCode } from './exit-codes';
import { codesUsedUp, leftAlone, type Ending } from './login-outcomes';
import type { StepContext } from './next-step';

/** The next step: restart the session, wait for the cycle the server began itself, or end the run. */
export type AfterCodesRanOut =
  { kind: 'restart' | 'wait'; banner: string } | { kind: 'end'; ending: Ending; exit: ExitCode };

export class RestartBudget {
  private left: number;
  /** Whether this run saw the session waiting for a scan (else a FAILED session was found failed). */
  private sawScanning = false;
  private recovered = false;

  constructor(
    private readonly restarts: number,
    /** Whether the engine may start the session (`--no-start` turns it off). */
    private readonly autoStart: boolean,
    private readonly steps: StepContext,
  ) {
    this.left = restarts;
  }

  /** Notes that the session was seen waiting for a scan. */
  sawScan(): void {
    this.sawScanning = true;
  }

  /** Decides (and counts) what follows a cycle's end; `renewing`: the server began a new cycle itself. */
  afterCodesRanOut(renewing: boolean): AfterCodesRanOut {
    if (renewing) {
      // The server began a new cycle by itself: it counts as one of the --restarts, without a call.
      if (this.left <= 0) return this.end(codesUsedUp(this.steps, this.restarts, true), EXIT.gaveUp);
      this.left--;
      return {
        kind: 'wait',
        banner: `Every code expired; the server started new ones (restart ${this.spent()}).`,
      };
    }
    if (!this.sawScanning && !this.recovered) {
      // Found FAILED before this run saw any scanning: the user asked to log in, so get a fresh cycle
      // (not counted against --restarts), unless --no-start asked us to change nothing.
      if (!this.autoStart) return this.end(leftAlone(this.steps, true), EXIT.other);
      this.recovered = true;
      return { kind: 'restart', banner: 'The session had failed; restarted it for new codes.' };
    }
    if (this.left <= 0) return this.end(codesUsedUp(this.steps, this.restarts), EXIT.gaveUp);
    this.left--;
    return {
      kind: 'restart',
      banner: `Restarted the session for new codes (restart ${this.spent()}).`,
    };
  }

  /** "n of m": restarts spent so far of those allowed. */
  private spent(): string {
    return `${this.restarts - this.left} of ${this.restarts}`;
  }

  private end(ending: Ending, exit: ExitCode): AfterCodesRanOut {
    return { kind: 'end', ending, exit };
  }
}
