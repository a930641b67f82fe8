/**
 * Redaction applied to every log line before any transport writes it (electron-log hook): access tokens
 * in URLs, query strings, JSON and Bearer headers (main/wawp/redact.ts), and any token the app registered.
 */
import { redactText } from '../../wawp/redact';

const secrets = new Set<string>();

/** Remembers a token so any later log line that contains it is redacted (tokens under 4 chars are ignored). */
export function registerSecret(token: string): void {
  if (token.length >= 4) secrets.add(token);
}

/** Redacts one string. */
export function redactLogText(text: string): string {
  return redactText(text, [...secrets]);
}

/** Redacts one logged value: strings directly, errors by message and stack, objects via JSON. */
export function redactLogValue(value: unknown): unknown {
  if (typeof value === 'string') return redactLogText(value);
  if (value instanceof Error) return redactLogText(`${value.name}: ${value.message}\n${value.stack ?? ''}`);
  if (value !== null && typeof value === 'object') {
    try {
      return redactLogText(JSON.stringify(value));
    } catch {
      return '[unserialisable]';
    }
  }
  return value;
}
