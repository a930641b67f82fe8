/**
 * The human login screen: QR (or pairing code), "code n of ~6", a countdown and the status in words.
 * On a TTY the frame is redrawn in place; otherwise each change is printed once as plain lines.
 */
import type { SessionStatus } from '../../common/model';
import {
  formatCountdown,
  formatPhone,
  largePairingCode,
  linkedAs,
  statusInWords,
  screenRows,
} from './format';
import type { CliIo } from './io';
import type { CliEvent } from './login-json';
import { renderTerminalQr } from './terminal-qr';

const SCAN_HINT = 'On the phone: WhatsApp → Settings → Linked devices → Link a device, then scan.';
const PAIR_HINT = 'On the phone: Linked devices → Link a device → Link with phone number instead.';

interface QrState {
  text: string;
  /** null when the position in the cycle is unknown. */
  index: number | null;
  expectedCount: number;
  expiresAt: number;
}

/** Renders login events for people; `close()` stops the countdown and leaves the cursor below. */
export class HumanLoginView {
  private status: { status: SessionStatus; raw: string } | null = null;
  private qr: QrState | null = null;
  private pairing: string | null = null;
  private note: string | null = null;
  private banner: string | null = null;
  private drawnLines = 0;
  private tick: NodeJS.Timeout | null = null;
  private renderSeq = 0;

  constructor(
    private readonly io: CliIo,
    private readonly title: string,
    private readonly extraHint: string | null = null,
    /** Pairing-code mode: no QR; "waiting" means waiting for the code to be typed. */
    private readonly pairMode = false,
  ) {}

  /** Draws the first frame ("Connecting…") before any answer arrives. */
  begin(): void {
    this.redraw();
  }

  /** Applies one event to the screen. */
  async handle(event: CliEvent): Promise<void> {
    switch (event.type) {
      case 'status':
        if (this.status?.status === event.status && this.status.raw === event.rawStatus) return;
        this.status = { status: event.status, raw: event.rawStatus };
        if (event.status !== 'SCAN_QR_CODE') this.qr = null;
        this.note = null;
        this.plain(`Status: ${this.statusWords()}`);
        break;
      case 'qr': {
        const seq = ++this.renderSeq;
        const text = await renderTerminalQr(event.value, { color: this.io.color });
        if (seq !== this.renderSeq) return; // a newer code arrived while this one was drawn
        this.qr = {
          text,
          index: event.index,
          expectedCount: event.expectedCount,
          expiresAt: event.expiresAt,
        };
        this.note = null;
        this.plain(`${text}\n${this.codeLine()}\n${SCAN_HINT}`);
        break;
      }
      case 'qr-expired':
        this.renderSeq++;
        this.plain(
          this.qr?.index != null
            ? `Code ${this.qr.index} expired; waiting for the next one.`
            : 'Code expired.',
        );
        this.qr = null;
        this.note = 'That code expired; fetching a new one…';
        break;
      case 'pairing-code':
        this.pairing = event.code;
        this.plain(`Pairing code: ${event.code}\n${largePairingCode(event.code, false)}\n${PAIR_HINT}`);
        break;
      case 'error':
        if (event.fatal) return; // said once, on stderr, by the runner
        this.note = event.message; // the engine's words already say when it retries
        this.plain(`Problem: ${this.note}`);
        break;
      case 'exhausted':
        this.qr = null;
        this.note = event.renewing
          ? 'Every code of this cycle expired; the server started a new set.'
          : 'Every code of this cycle expired without a scan.';
        this.plain(this.note);
        break;
      case 'connected':
        this.qr = null;
        this.pairing = null;
        this.clearFrame();
        this.io.out(`${linkedAs(event.me)}\n`);
        if (event.phoneMatches === false && event.expectedPhone) {
          this.io.err(
            `Warning: this instance was expected to link ${formatPhone(event.expectedPhone)}, but another number was linked.\n`,
          );
        }
        return;
      case 'stopped':
        return;
    }
    this.redraw();
  }

  /** Shows a lasting line under the status (e.g. "restart 1 of 3"), replaced by the next call. */
  setBanner(text: string): void {
    this.banner = text;
    this.plain(text);
    this.redraw();
  }

  /** Stops the countdown; the last frame stays on screen (fatal errors follow on stderr). */
  close(): void {
    if (this.tick) clearTimeout(this.tick);
    this.tick = null;
  }

  /** Clears the frame (TTY), e.g. before printing the final result. */
  clearFrame(): void {
    if (this.io.stdoutIsTTY && this.drawnLines > 0) this.io.out(`\x1b[${this.drawnLines}F\x1b[J`);
    this.drawnLines = 0;
    this.close();
  }

  private statusWords(): string {
    const { status, raw } = this.status!;
    if (this.pairMode && this.pairing && status === 'SCAN_QR_CODE')
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

  private frame(): string[] {
    const lines = [this.title, ''];
    if (this.pairing) lines.push(largePairingCode(this.pairing, this.io.color), '', PAIR_HINT);
    else if (this.qr) lines.push(this.qr.text, '', this.codeLine(), SCAN_HINT);
    if (this.pairMode && !this.pairing && this.status?.status === 'SCAN_QR_CODE')
      lines.push('Requesting a pairing code…');
    if (this.status) lines.push(`Status: ${this.statusWords()}`);
    else if (!this.note) lines.push('Connecting to Wawp…');
    if (this.note) lines.push(this.note);
    if (this.banner) lines.push(this.banner);
    if (this.extraHint) lines.push(this.extraHint);
    return lines.join('\n').split('\n');
  }

  private redraw(): void {
    if (!this.io.stdoutIsTTY) return;
    const lines = this.frame();
    const up = this.drawnLines > 0 ? `\x1b[${this.drawnLines}F\x1b[J` : '';
    this.io.out(`${up}${lines.join('\n')}\n`);
    this.drawnLines = screenRows(lines, process.stdout.columns ?? 0);
    if (this.tick) clearTimeout(this.tick);
    this.tick = null;
    const rows = process.stdout.rows ?? 0;
    // Tick the countdown only while a code is up and the frame fits (else each redraw would scroll).
    if (this.qr && (rows === 0 || this.drawnLines < rows)) {
      this.tick = setTimeout(() => this.redraw(), 1000 - (Date.now() % 1000) + 5);
      this.tick.unref();
    }
  }
}
