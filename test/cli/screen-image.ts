/**
 * Test "phone camera" for terminal screens: text with ANSI colours (a `tmux capture-pane -e` capture,
 * or the CLI's own lines) is painted with a theme's colours, the way the terminal shows it, and the
 * QR in it is decoded with jsQR as a phone would (no inverted-code fallback: WhatsApp has none).
 */
import jsQR from 'jsqr';

type Rgb = [number, number, number];

/** What a terminal theme paints: default foreground and background, and the 16 ANSI colours. */
export interface Theme {
  name: string;
  fg: Rgb;
  bg: Rgb;
}

const ANSI16: Rgb[] = [
  [0, 0, 0],
  [205, 49, 49],
  [13, 188, 121],
  [229, 229, 16],
  [36, 114, 200],
  [188, 63, 188],
  [17, 168, 205],
  [229, 229, 229],
  [102, 102, 102],
  [241, 76, 76],
  [35, 209, 139],
  [245, 245, 67],
  [59, 142, 234],
  [214, 112, 214],
  [41, 184, 219],
  [255, 255, 255],
];

export const LIGHT: Theme = { name: 'light', fg: [20, 20, 20], bg: [255, 255, 255] };
export const DARK: Theme = { name: 'dark', fg: [208, 208, 208], bg: [30, 30, 30] };

/** tmux `window-style` for a theme (tmux then also answers OSC 11 with its background). */
export const tmuxStyle = (t: Theme): string => {
  const hex = (c: Rgb): string => `#${c.map((v) => v.toString(16).padStart(2, '0')).join('')}`;
  return `fg=${hex(t.fg)},bg=${hex(t.bg)}`;
};

interface Pen {
  fg: Rgb | null;
  bg: Rgb | null;
  reverse: boolean;
}

function color256(n: number): Rgb {
  if (n < 16) return ANSI16[n]!;
  if (n >= 232) return Array(3).fill(8 + (n - 232) * 10) as Rgb;
  const steps = [0, 95, 135, 175, 215, 255];
  const i = n - 16;
  return [steps[Math.floor(i / 36)]!, steps[Math.floor(i / 6) % 6]!, steps[i % 6]!];
}

function applySgr(pen: Pen, params: number[]): void {
  for (let i = 0; i < params.length; i++) {
    const p = params[i]!;
    if (p === 0) Object.assign(pen, { fg: null, bg: null, reverse: false });
    else if (p === 7) pen.reverse = true;
    else if (p === 27) pen.reverse = false;
    else if (p >= 30 && p <= 37) pen.fg = ANSI16[p - 30]!;
    else if (p >= 90 && p <= 97) pen.fg = ANSI16[p - 90 + 8]!;
    else if (p === 39) pen.fg = null;
    else if (p >= 40 && p <= 47) pen.bg = ANSI16[p - 40]!;
    else if (p >= 100 && p <= 107) pen.bg = ANSI16[p - 100 + 8]!;
    else if (p === 49) pen.bg = null;
    else if (p === 38 || p === 48) {
      const rgb = params[i + 1] === 5 ? color256(params[i + 2]!) : (params.slice(i + 2, i + 5) as Rgb);
      i += params[i + 1] === 5 ? 2 : 4;
      if (p === 38) pen.fg = rgb;
      else pen.bg = rgb;
    }
  }
}

/** Each screen row (styles carry over rows, as in a terminal) as two rows of module luminance (top and bottom half of every cell). */
export function paint(lines: readonly string[], theme: Theme): number[][] {
  const out: number[][] = [];
  const lum = (c: Rgb): number => 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  // One pen for the whole capture: tmux writes a style once and keeps it over the following rows.
  const pen: Pen = { fg: null, bg: null, reverse: false };
  for (const line of lines) {
    const top: number[] = [];
    const bottom: number[] = [];
    const re = new RegExp(`${String.fromCharCode(27)}\\[([0-9;]*)([A-Za-z])|(.)`, 'gsu');
    for (const m of line.matchAll(re)) {
      if (m[2] === 'm') applySgr(pen, (m[1] || '0').split(';').map(Number));
      if (m[3] === undefined) continue;
      let fg = pen.fg ?? theme.fg;
      let bg = pen.bg ?? theme.bg;
      if (pen.reverse) [fg, bg] = [bg, fg];
      const ch = m[3];
      top.push(lum(ch === '█' || ch === '▀' ? fg : bg));
      bottom.push(lum(ch === '█' || ch === '▄' ? fg : bg));
    }
    out.push(top, bottom);
  }
  return out;
}

/** Paints `lines` in `theme`, with a border of the theme's background, and decodes the QR (or null). */
export function decodeScreen(lines: readonly string[], theme: Theme, scale = 4): string | null {
  const rows = paint(lines, theme);
  const pad = 4;
  const bg = 0.2126 * theme.bg[0] + 0.7152 * theme.bg[1] + 0.0722 * theme.bg[2];
  const width = Math.max(...rows.map((r) => r.length)) + 2 * pad;
  const height = rows.length + 2 * pad;
  const w = width * scale;
  const h = height * scale;
  const data = new Uint8ClampedArray(w * h * 4);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const v = rows[Math.floor(y / scale) - pad]?.[Math.floor(x / scale) - pad] ?? bg;
      data.set([v, v, v, 255], (y * w + x) * 4);
    }
  }
  return jsQR(data, w, h, { inversionAttempts: 'dontInvert' })?.data ?? null;
}
