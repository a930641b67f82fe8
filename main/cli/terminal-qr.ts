/**
 * Draws a QR code in the terminal with the qrcode package's compact utf8 renderer (two modules per
 * character row), dark modules on a light background and a 4-module quiet zone, so phones can scan it
 * from any terminal theme.
 */
import QRCode from 'qrcode';

const DARK_ON_LIGHT = '\x1b[30;107m';
const RESET = '\x1b[0m';

export interface TerminalQrOptions {
  /** Force black-on-white with ANSI colours (for terminals); without it, `█` are the dark modules. */
  color: boolean;
}

/** Renders `value` as lines of text (no trailing newline); each line has the same width. */
export async function renderTerminalQr(value: string, opts: TerminalQrOptions): Promise<string> {
  // Low error correction keeps a ~230-character WhatsApp code at ~57 modules: it fits 80 columns.
  const text = await QRCode.toString(value, { type: 'utf8', errorCorrectionLevel: 'L', margin: 4 });
  const lines = text.split('\n').filter((line) => line.length > 0);
  return opts.color ? lines.map((line) => `${DARK_ON_LIGHT}${line}${RESET}`).join('\n') : lines.join('\n');
}
