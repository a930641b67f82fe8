/** Human wording for the terminal: phone numbers, statuses, countdowns, linked-as lines. */
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import type { Me, SessionStatus } from '../../common/model';

/** `201012345678@c.us` or digits → `+20 10 12345678` (libphonenumber-js); unknown shapes → `+digits`. */
export function formatPhone(idOrDigits: string): string {
  const digits = idOrDigits.split('@')[0]!.split(':')[0]!.replace(/\D/g, '');
  if (!digits) return idOrDigits;
  const parsed = parsePhoneNumberFromString(`+${digits}`);
  return parsed ? parsed.formatInternational() : `+${digits}`;
}

/** "+20 10 12345678 (Ann)": the account's number and name. */
export function accountName(me: Me): string {
  return `${formatPhone(me.id)}${me.pushName ? ` (${me.pushName})` : ''}`;
}

/** "Linked as +20 10 12345678 (Ann)". */
export function linkedAs(me: Me): string {
  return `Linked as ${accountName(me)}`;
}

const STATUS_WORDS: Record<SessionStatus, string> = {
  STOPPED: 'Session is stopped',
  STARTING: 'Starting the session…',
  SCAN_QR_CODE: 'Waiting for a scan',
  WORKING: 'Linked and working',
  FAILED: 'Session failed',
  OTHER: 'Session is busy',
};

/** The status in words, for humans (scripts read `--json`). */
export function statusInWords(status: SessionStatus, raw?: string): string {
  return status === 'OTHER' && raw ? `${STATUS_WORDS.OTHER} (${raw})` : STATUS_WORDS[status];
}

/** Seconds left as `0:42` (never negative). */
export function formatCountdown(msLeft: number): string {
  const s = Math.max(0, Math.ceil(msLeft / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** Letter-spaced, boxed pairing code so it reads well from across a desk: `A B C D - 1 2 3 4`. */
export function largePairingCode(code: string, color: boolean): string {
  const spaced = [...code.toUpperCase()].join(' ');
  const inner = `   ${spaced}   `;
  const bold = color ? `\x1b[1m${inner}\x1b[0m` : inner;
  const bar = '─'.repeat(inner.length);
  return [
    `┌${bar}┐`,
    `│${' '.repeat(inner.length)}│`,
    `│${bold}│`,
    `│${' '.repeat(inner.length)}│`,
    `└${bar}┘`,
  ].join('\n');
}
