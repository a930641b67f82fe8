/** Phone numbers in the user's terms, with libphonenumber-js (no hand-rolled parsing). */
import { parsePhoneNumberFromString } from 'libphonenumber-js';

/** Digits with country code as Wawp wants them (`201012345678`), or null when not a valid number. */
export function phoneDigits(text: string): string | null {
  const digits = text.replace(/[\s().-]/g, '').replace(/^(\+|00)/, '');
  if (!/^\d{6,15}$/.test(digits)) return null;
  const parsed = parsePhoneNumberFromString(`+${digits}`);
  return parsed?.isValid() ? digits : null;
}

/** `201012345678` or `201012345678@c.us` as `+20 101 234 5678` (falls back to `+digits`). */
export function formatPhone(idOrDigits: string): string {
  const digits = idOrDigits.split('@')[0]?.replace(/\D/g, '') ?? '';
  const parsed = parsePhoneNumberFromString(`+${digits}`);
  return parsed ? parsed.formatInternational() : `+${digits}`;
}

/** "+20 101 234 5678 (Ann)", or just the number when the account has no name. */
export function describeAccount(me: { id: string; pushName: string | null }): string {
  const number = formatPhone(me.id);
  return me.pushName ? `${number} (${me.pushName})` : number;
}
