/**
 * Whether the terminal's background is light or dark, for drawing a QR without colours (terminal-qr.ts).
 * In order: WAWP_LINK_THEME=light|dark, COLORFGBG (rxvt, Konsole, …), then the terminal's own answer
 * to OSC 11 ("what is your background colour?"), which xterm, GNOME Terminal, iTerm2, kitty, Windows
 * Terminal and tmux give. A DA1 query sent right after marks the end of the answers, so a terminal that
 * ignores OSC 11 costs no wait beyond its DA1 reply (or a short timeout).
 */
import type { QrStyle } from './terminal-qr';

export type Background = 'light' | 'dark';

/** `fg;bg` (or `fg;default;bg`) with ANSI colour numbers: 7 and 9–15 are light. */
export function backgroundFromColorFgBg(value: string | undefined): Background | null {
  const bg = Number(value?.split(';').at(-1));
  if (!value || !Number.isInteger(bg) || bg < 0 || bg > 15) return null;
  return bg === 7 || bg >= 9 ? 'light' : 'dark';
}

/** Parses an OSC 11 reply (`ESC ] 11 ; rgb:RRRR/GGGG/BBBB` ended by BEL or ST) by its luminance. */
export function backgroundFromOsc11(reply: string): Background | null {
  const m = /\]11;rgba?:([0-9a-f]{1,4})\/([0-9a-f]{1,4})\/([0-9a-f]{1,4})/i.exec(reply);
  if (!m) return null;
  const [r, g, b] = m.slice(1, 4).map((h) => parseInt(h, 16) / (16 ** h.length - 1)) as [
    number,
    number,
    number,
  ];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b >= 0.5 ? 'light' : 'dark';
}

const DA1_REPLY = new RegExp(`${String.fromCharCode(27)}\\[\\?[\\d;]*c`);

/** Asks the terminal (stdin and stdout must be TTYs); null when it does not say within `timeoutMs`. */
export function queryBackground(
  stdin: NodeJS.ReadStream,
  write: (text: string) => void,
  timeoutMs = 400,
): Promise<Background | null> {
  return new Promise((resolve) => {
    let reply = '';
    const done = (value: Background | null): void => {
      clearTimeout(timer);
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      resolve(value);
    };
    const onData = (data: Buffer): void => {
      reply += data.toString('latin1');
      // The DA1 reply (ESC [ ? … c) comes after any OSC 11 reply: everything has arrived.
      if (DA1_REPLY.test(reply)) done(backgroundFromOsc11(reply));
    };
    const timer = setTimeout(() => done(backgroundFromOsc11(reply)), timeoutMs);
    stdin.setRawMode(true);
    stdin.resume();
    stdin.on('data', onData);
    write('\x1b]11;?\x1b\\\x1b[c');
  });
}

/** The QR style for this terminal, and whether the background was a guess (then the view says so). */
export interface QrLook {
  style: QrStyle;
  guessed: boolean;
}

/** Picks the style: colour when allowed, else ink where the theme's dark colour is. */
export async function chooseQrLook(io: {
  color: boolean;
  env: Record<string, string | undefined>;
  stdin: NodeJS.ReadStream;
  stdinIsTTY: boolean;
  stdoutIsTTY: boolean;
  out(text: string): void;
}): Promise<QrLook> {
  if (io.color) return { style: 'color', guessed: false };
  const forced = io.env.WAWP_LINK_THEME?.toLowerCase();
  let bg: Background | null = forced === 'light' || forced === 'dark' ? forced : null;
  bg ??= backgroundFromColorFgBg(io.env.COLORFGBG);
  if (!bg && io.stdinIsTTY && io.stdoutIsTTY) bg = await queryBackground(io.stdin, (t) => io.out(t));
  // Not a terminal (a file, a pipe) or no answer: the classic dark-modules-as-ink, as printed on paper.
  if (!io.stdoutIsTTY) return { style: 'dark-ink', guessed: false };
  return { style: bg === 'light' ? 'dark-ink' : 'light-ink', guessed: bg === null };
}
