/** Test "phone camera" for the terminal QR: half-block text back into pixels (4 px per module), decoded by jsQR. */
import jsQR from 'jsqr';

const SCALE = 4;

/**
 * Decodes rows of `█ ▀ ▄` text (each text row holds two module rows). `pad` adds blank text rows above and below
 * and blank columns on both sides, for screen captures whose quiet zone may be cut off.
 */
export function decodeHalfBlocks(rows: readonly string[], pad = { rows: 0, columns: 0 }): string | null {
  const side = ' '.repeat(pad.columns);
  const blankRows = Array<string>(pad.rows).fill('');
  const all = [...blankRows, ...rows.map((r) => side + r), ...blankRows];
  const width = Math.max(...all.map((r) => [...r].length)) + pad.columns;
  const modules: boolean[][] = [];
  for (const row of all) {
    const chars = [...row.padEnd(width, ' ')];
    modules.push(chars.map((c) => c === '█' || c === '▀'));
    modules.push(chars.map((c) => c === '█' || c === '▄'));
  }
  const w = width * SCALE;
  const h = modules.length * SCALE;
  const data = new Uint8ClampedArray(w * h * 4);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const v = modules[Math.floor(y / SCALE)]![Math.floor(x / SCALE)] ? 0 : 255;
      data.set([v, v, v, 255], (y * w + x) * 4);
    }
  }
  return jsQR(data, w, h, { inversionAttempts: 'dontInvert' })?.data ?? null;
}
