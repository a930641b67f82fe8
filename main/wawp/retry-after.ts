/** `Retry-After` parsing (RFC 9110 §10.2.3): delay-seconds or an HTTP-date. */

/**
 * Converts a Retry-After value to ms from now; `reference` is the clock the HTTP-date is compared
 * with (the response's own `Date`, so server clock skew cancels out). Undefined when unusable.
 */
export function parseRetryAfter(value: string | null | undefined, reference: number): number | undefined {
  if (value == null) return undefined;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  if (!/[a-z]/i.test(text)) return undefined;
  const at = Date.parse(text);
  return Number.isFinite(at) ? Math.max(0, at - reference) : undefined;
}
