/**
 * Fits the login screen into the terminal: the full frame if it fits, else the code with one line
 * under it and a 2-module quiet zone (enough for phone cameras), else one line that says what size is
 * needed and what to do instead. Every line fits the width, so redraws never wrap or scroll.
 */
import { drawQr, qrCells, type QrMatrix, type QrStyle } from './terminal-qr';

export interface FrameParts {
  title: string;
  /** The code on screen, if any. */
  qr: { matrix: QrMatrix; style: QrStyle } | null;
  /** Lines shown instead of a code (the pairing code box). */
  body: string[];
  /** "Code 2 of ~6 · expires in 0:42" while a code is up. */
  codeLine: string | null;
  /** How to scan or type the code. */
  hint: string | null;
  /** Status, problems, banners: shortest first is not assumed; all are shown when there is room. */
  notes: string[];
  /** What to do when the code cannot fit ("link by phone number: wawp-link pair …"), if anything. */
  alternative: string | null;
}

export interface TerminalSize {
  columns: number;
  rows: number;
}

const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*[A-Za-z]`, 'g');
const width = (line: string): number => [...line.replace(ANSI, '')].length;

/** Word-wraps plain lines to `columns` (styled or unbreakable lines are cut instead). */
export function wrapLines(lines: readonly string[], columns: number): string[] {
  if (columns <= 0) return [...lines];
  const out: string[] = [];
  for (const line of lines) {
    if (width(line) <= columns) {
      out.push(line);
      continue;
    }
    let current = '';
    for (const word of line.split(' ')) {
      const next = current ? `${current} ${word}` : word;
      if (width(next) <= columns) current = next;
      else {
        if (current) out.push(current);
        current = [...word].slice(0, columns).join('');
      }
    }
    if (current) out.push(current);
  }
  return out;
}

/** The smallest terminal that shows this code (2-module quiet zone and one line under it). */
export function neededSize(size: number): TerminalSize {
  const cells = qrCells(size, 2);
  return { columns: cells.columns, rows: cells.rows + 1 };
}

/** The frame's lines for a terminal of `term` cells (0 = unknown: everything, unwrapped). */
export function composeFrame(term: TerminalSize, parts: FrameParts): string[] {
  const { columns, rows } = term;
  const fitsRows = (n: number): boolean => rows <= 0 || n <= rows;
  const text = (lines: string[]): string[] => wrapLines(lines, columns);
  const head = [parts.title, ''];
  const tail = text([
    ...(parts.codeLine ? [parts.codeLine] : []),
    ...(parts.hint ? [parts.hint] : []),
    ...parts.notes,
  ]);
  if (!parts.qr) {
    const all = [...text(head), ...parts.body, ...(parts.body.length ? [''] : []), ...tail];
    return rows > 0 ? all.slice(0, rows) : all;
  }
  const { matrix, style } = parts.qr;
  const full = qrCells(matrix.size, 4);
  if (columns <= 0 || full.columns <= columns) {
    const lines = [...text(head), ...drawQr(matrix, 4, style), '', ...tail];
    if (fitsRows(lines.length)) return lines;
  }
  const need = neededSize(matrix.size);
  const oneLine = [parts.codeLine, parts.notes[0]].filter(Boolean).join(' · ');
  if (need.columns <= columns && fitsRows(need.rows)) {
    return [...drawQr(matrix, 2, style), [...oneLine].slice(0, columns).join('')];
  }
  // The alternative gets a line of its own and is never broken by us: a narrow terminal soft-wraps it,
  // and a soft-wrapped line still copies as one command.
  const tooSmall = `The QR code needs at least ${need.columns}×${need.rows} (this terminal is ${columns}×${rows}): enlarge it or zoom out.`;
  const status = text([...(parts.codeLine ? [parts.codeLine] : []), ...parts.notes]);
  const lines = [
    ...text([parts.title, tooSmall]),
    ...(parts.alternative ? [parts.alternative] : []),
    ...status,
  ];
  return rows > 0 ? lines.slice(0, rows) : lines;
}
