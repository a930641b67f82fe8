/**
 * Phone numbers and pairing codes: accept what people type ("+20 101 234 5678", "0020…", bare digits
 * with country code), send Wawp digits only, and show codes as `ABCD-1234`.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { linkedDigits } from '../../common/linked-number';
import type { WawpClient } from '../wawp/types';
import type { Gate } from './request-gate';
import type { PairingResult } from './types';

export type PhoneCheck = { ok: true; digits: string } | { ok: false; message: string };

/** Validates an international number with libphonenumber-js; returns digits with country code. */
export function normalizePhone(input: string): PhoneCheck {
  const trimmed = input.trim();
  if (trimmed === '') {
    return { ok: false, message: 'Enter the phone number of the WhatsApp account, with its country code.' };
  }
  if (!/^[+\d\s().\-\u00a0]+$/.test(trimmed)) {
    return {
      ok: false,
      message: 'A phone number may contain only digits, spaces, dashes, brackets and a leading +.',
    };
  }
  let compact = trimmed.replace(/[\s().\-\u00a0]/g, '');
  if (compact.startsWith('00')) compact = `+${compact.slice(2)}`;
  else if (!compact.startsWith('+')) compact = `+${compact}`;
  const parsed = parsePhoneNumberFromString(compact);
  if (!parsed) {
    return {
      ok: false,
      message: `"${trimmed}" is not a phone number we can read. Start with the country code, e.g. +20 101 234 5678.`,
    };
  }
  if (!parsed.isValid()) {
    return {
      ok: false,
      message: `"${trimmed}" is not a valid number for country code +${parsed.countryCallingCode}. Check the digits and the country code.`,
    };
  }
  return { ok: true, digits: parsed.number.slice(1) };
}

/** Formats a server pairing code as `ABCD-1234`, or null when it is not 8 letters/digits. */
export function formatPairingCode(raw: string): string | null {
  const clean = raw.replace(/[^0-9a-z]/gi, '').toUpperCase();
  return clean.length === 8 ? `${clean.slice(0, 4)}-${clean.slice(4)}` : null;
}

/** The phone digits of a WhatsApp id (one rule for the engine, list, tray and login view). */
export const phoneOfId = linkedDigits;

/** Whether the linked account is the expected number (null when nothing was expected). */
export function phoneMatches(meId: string, expectedPhone: string | null | undefined): boolean | null {
  if (!expectedPhone) return null;
  const expected = expectedPhone.replace(/\D/g, '');
  return expected !== '' && phoneOfId(meId) === expected;
}

/** One pairing-code request through the session's gate: the number checked first, the reply read. */
export async function fetchPairingCode(
  gate: Gate,
  client: WawpClient,
  digits: string,
  signal: AbortSignal,
): Promise<PairingResult> {
  const outcome = await gate((sig) => client.requestCode(digits, { signal: sig }), signal);
  if (!outcome.ok) return { ok: false, error: outcome.error };
  const code = formatPairingCode(outcome.data.code);
  if (!code)
    return {
      ok: false,
      error: { code: 'bad_response', message: 'Wawp sent a pairing code we cannot read. Try again.' },
    };
  return { ok: true, pairing: { code, phone: digits } };
}
