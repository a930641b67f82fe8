/**
 * Draws a QR code in the terminal with half blocks (two module rows per text row, so modules come out
 * square) at error-correction level L and the smallest version the value allows: a ~250-character
 * WhatsApp value is version 10, 57 modules.
 *
 * Phones read dark modules on a light ground; an inverted code is not read by WhatsApp. How we get
 * there depends on what the terminal lets us set:
 * - `color`: every cell gets black ink on a bright-white ground (SGR 30;107), so the code is dark on
 *   light on any theme, quiet zone included.
 * - no colours (NO_COLOR, a dumb terminal): characters are drawn in the theme's foreground on its
 *   background, and no choice of characters is dark-on-light on both a light and a dark theme. So we
 *   draw the ink where the theme's *dark* colour is: on a light theme (dark text) the ink is the dark
 *   modules (`dark-ink`); on a dark theme (light text) the ink is the light modules and the quiet zone
 *   (`light-ink`), and the dark background shows through as the dark modules. Which theme it is comes
 *   from terminal-theme.ts (WAWP_LINK_THEME, COLORFGBG, or asking the terminal).
 */
import QRCode from 'qrcode';

/** How ink maps to modules; see the file comment. */
export type QrStyle = 'color' | 'dark-ink' | 'light-ink';

/** The modules of one code (true = dark), without any quiet zone. */
export interface QrMatrix {
  size: number;
  dark(x: number, y: number): boolean;
}

/** The smallest code for `value` at level L (qrcode picks the version and the segment modes). */
export function qrMatrix(value: string): QrMatrix {
  const { modules } = QRCode.create(value, { errorCorrectionLevel: 'L' });
  return { size: modules.size, dark: (x, y) => modules.get(y, x) === 1 };
}

/** Text cells a code takes with a `margin`-module quiet zone on every side. */
export function qrCells(size: number, margin: number): { columns: number; rows: number } {
  const side = size + 2 * margin;
  return { columns: side, rows: Math.ceil(side / 2) };
}

const HALF = [' ', '▄', '▀', '█'] as const; // index: top ink * 2 + bottom ink

/** Renders the code as equal-width lines (no trailing newline), each a self-contained styled run. */
export function drawQr(matrix: QrMatrix, margin: number, style: QrStyle): string[] {
  const side = matrix.size + 2 * margin;
  const dark = (x: number, y: number): boolean => {
    const mx = x - margin;
    const my = y - margin;
    return mx >= 0 && my >= 0 && mx < matrix.size && my < matrix.size && matrix.dark(mx, my);
  };
  const ink = (x: number, y: number): number => ((style === 'light-ink' ? !dark(x, y) : dark(x, y)) ? 1 : 0);
  const lines: string[] = [];
  for (let y = 0; y < side; y += 2) {
    let line = '';
    for (let x = 0; x < side; x++) line += HALF[ink(x, y) * 2 + (y + 1 < side ? ink(x, y + 1) : ink(x, -1))];
    lines.push(style === 'color' ? `\x1b[30;107m${line}\x1b[0m` : line);
  }
  return lines;
}

/** The code for `value` as lines, with the standard 4-module quiet zone (non-TTY output, tests). */
export function renderTerminalQr(value: string, opts: { style: QrStyle; margin?: number }): string {
  return drawQr(qrMatrix(value), opts.margin ?? 4, opts.style).join('\n');
}
