/**
 * Whether the WhatsApp number linked to an instance is the one its user expects. The list, the tray and the
 * login view all ask this one function, so a wrong number reads the same everywhere until it is resolved.
 */
import type { Me } from './model';

/** The phone digits of a WhatsApp id such as `201012345678@c.us` or `201012345678:12@s.whatsapp.net`. */
export function linkedDigits(id: string): string {
  return (id.split('@')[0] ?? '').split(':')[0]!.replace(/\D/g, '');
}

/** True when a number is linked and an expected number is set and they differ. */
export function isWrongNumber(expectedPhone: string | null | undefined, me: Me | null | undefined): boolean {
  const expected = expectedPhone?.replace(/\D/g, '') ?? '';
  return Boolean(me && expected !== '' && linkedDigits(me.id) !== expected);
}
