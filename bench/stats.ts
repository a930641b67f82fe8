/** Small statistics and table helpers for the benchmark's printout. */

/** Median of a list (NaN when empty). */
export function median(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Largest value (NaN when empty). */
export function max(xs: readonly number[]): number {
  return xs.length === 0 ? NaN : Math.max(...xs);
}

/** A number for the table: fixed decimals, or "n/a". */
export function fmt(x: number, digits = 2): string {
  return Number.isFinite(x) ? x.toFixed(digits) : 'n/a';
}

/** ours ÷ baseline as "0.12×" (lower is better for every metric printed). */
export function ratio(ours: number, base: number): string {
  if (!Number.isFinite(ours) || !Number.isFinite(base)) return 'n/a';
  if (base === 0) return ours === 0 ? '1.00×' : '∞';
  return `${(ours / base).toFixed(2)}×`;
}

/** Left-aligned first column, right-aligned others. */
export function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows
    .map((r) =>
      r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  '),
    )
    .join('\n');
}
