/**
 * The human login screen: QR (or pairing code), "code n of ~6", a countdown and the status in words.
 * On a TTY it takes the alternate screen (like `less`), redraws in place every second and on resize
 * (live-screen.ts), and fits the terminal (login-layout.ts); otherwise each change is printed once as
 * plain lines.
 */
import type { SessionStatus } from '../../common/model';
import { formatCountdown, formatPhone, largePairingCode, linkedAs, statusInWords } from './format';
import type { CliIo } from './io';
import { LiveScreen } from './live-screen';
import type { CliEvent } from './login-json';
import { composeFrame } from './login-layout';
import { drawQr, qrMatrix, type QrMatrix } from './terminal-qr';
import type { QrLook } from './terminal-theme';

const SCAN_HINT = 'On the phone: WhatsApp → Settings → Linked devices → Link a device, then scan.';
const PAIR_HINT = 'On the phone: Linked devices → Link a device → Link with phone number instead.';
const GUESS_NOTE =
  'No colours (NO_COLOR): drawn for a dark background. Looks inverted? Set WAWP_LINK_THEME=light.';

interface QrState {
  matrix: QrMatrix;
  /** Position in the cycle, or null when the engine does not know it. */
  index: number | null;
  expectedCount: number;
  expiresAt: number;
}

/** What the view needs besides the events. */
export interface LoginViewOptions {
  title: string;
  look: QrLook;
  /** Pairing-code mode: no QR; "waiting" means waiting for the code to be typed. */
  pairMode: boolean;
  /** What to do when the QR cannot fit ("link by phone number: wawp-link pair …"). */
  alternative: string | null;
  /** Extra line under the screen (the demo's "press a key to scan"). */
  extraHint?: string | null;
}

/** Renders login events for people; `close()` stops the clock and gives the terminal back. */
export class HumanLoginView {
  private status: { status: SessionStatus; raw: string } | null = null;
  private qr: QrState | null = null;
  private pairing: string | null = null;
  private note: string | null = null;
  private retryAt: number | null = null;
  private banner: string | null = null;
  private readonly screen: LiveScreen;

  constructor(
    private readonly io: CliIo,
    private readonly opts: LoginViewOptions,
  ) {
    this.screen = new LiveScreen(io, (size) => this.frame(size));
  }

  /** Takes the screen and draws the first frame ("Connecting…") before any answer arrives. */
  begin(): void {
    this.screen.enter();
  }

  /** Applies one event to the screen. */
  handle(event: CliEvent): void {
    switch (event.type) {
      case 'status':
        if (this.status?.status === event.status && this.status.raw === event.rawStatus) return;
        this.status = { status: event.status, raw: event.rawStatus };
        if (event.status !== 'SCAN_QR_CODE') this.qr = null;
        this.setNote(null);
        this.plain(`Status: ${this.statusWords()}`);
        break;
      case 'qr': {
        const matrix = qrMatrix(event.value);
        this.qr = {
          matrix,
          index: event.index,
          expectedCount: event.expectedCount,
          expiresAt: event.expiresAt,
        };
        this.setNote(null);
        this.plain(`${drawQr(matrix, 4, 'dark-ink').join('\n')}\n${this.codeLine()}\n${SCAN_HINT}`);
        break;
      }
      case 'qr-expired':
        this.plain('That code expired; waiting for the next one.');
        this.qr = null;
        this.setNote('That code expired; fetching a new one…');
        break;
      case 'pairing-code':
        this.pairing = event.code;
        this.plain(`Pairing code: ${event.code}\n${largePairingCode(event.code, false)}\n${PAIR_HINT}`);
        break;
      case 'exhausted':
        this.qr = null;
        // A renewal is the runner's one line (it also counts it against --restarts).
        if (event.renewing) break;
        this.setNote('Every code of this cycle expired without a scan.');
        this.plain(this.note!);
        break;
      case 'connected':
        this.qr = null;
        this.pairing = null;
        this.screen.leave();
        this.io.out(`${linkedAs(event.me)}\n`);
        if (event.phoneMatches === false && event.expectedPhone) {
          this.io.err(
            `Warning: this instance was expected to link ${formatPhone(event.expectedPhone)}, but another number was linked.\n`,
          );
        }
        return;
      default:
        return; // errors come through showProblem; `stopped` changes nothing on screen
    }
    this.screen.redraw();
  }

  /** A problem the engine retries by itself: one line, with a live "retrying in N s". */
  showProblem(text: string, retryInMs?: number): void {
    this.setNote(text, retryInMs === undefined ? null : Date.now() + retryInMs);
    this.plain(`Problem: ${text}`);
    this.screen.redraw();
  }

  /** Shows a lasting line under the status (e.g. "restart 1 of 3"), replaced by the next call. */
  setBanner(text: string): void {
    this.banner = text;
    this.plain(text);
    this.screen.redraw();
  }

  /** Stops the clock and gives the normal screen back (the final result follows there). */
  close(): void {
    this.screen.leave();
  }

  private setNote(text: string | null, retryAt: number | null = null): void {
    this.note = text;
    this.retryAt = retryAt;
  }

  private statusWords(): string {
    const { status, raw } = this.status!;
    if (this.opts.pairMode && this.pairing && status === 'SCAN_QR_CODE')
      return 'Waiting for the code to be typed on the phone';
    return statusInWords(status, raw);
  }

  private plain(text: string): void {
    if (!this.io.stdoutIsTTY) this.io.out(`${text}\n`);
  }

  private codeLine(): string {
    const q = this.qr!;
    const left = formatCountdown(q.expiresAt - Date.now());
    const which = q.index === null ? 'Code' : `Code ${q.index} of ~${q.expectedCount}`;
    return `${which} · expires in ${left}`;
  }

  private notes(): string[] {
    const notes: string[] = [];
    if (this.opts.pairMode && !this.pairing && this.status?.status === 'SCAN_QR_CODE')
      notes.push('Requesting a pairing code…');
    if (this.status) notes.push(`Status: ${this.statusWords()}`);
    else if (!this.note) notes.push('Connecting to Wawp…');
    if (this.note) {
      const retry =
        this.retryAt === null ? '' : ` Retrying in ${formatCountdown(this.retryAt - Date.now())}.`;
      notes.push(`${this.note}${retry}`);
    }
    if (this.banner) notes.push(this.banner);
    if (this.qr && this.opts.look.guessed) notes.push(GUESS_NOTE);
    if (this.opts.extraHint) notes.push(this.opts.extraHint);
    return notes;
  }

  /** The lines of the screen for a terminal of `size` (login-layout.ts fits them). */
  private frame(size: { columns: number; rows: number }): string[] {
    const pairing = this.pairing
      ? [...largePairingCode(this.pairing, this.io.color).split('\n'), '', PAIR_HINT]
      : [];
    return composeFrame(size, {
      title: this.opts.title,
      qr: this.qr && !this.pairing ? { matrix: this.qr.matrix, style: this.opts.look.style } : null,
      body: pairing,
      codeLine: this.qr && !this.pairing ? this.codeLine() : null,
      hint: this.qr && !this.pairing ? SCAN_HINT : null,
      notes: this.notes(),
      alternative: this.opts.alternative,
    });
  }
}
