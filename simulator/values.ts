/** Random identifiers and payloads in the shapes Wawp/WhatsApp use (wawp-api.md §6.1, §6.6). */
import { randomBytes, randomInt } from 'node:crypto';

/** A 12-character upper-hex instance id, e.g. `3EB0BCB2E3D4`. */
export function newInstanceId(): string {
  return randomBytes(6).toString('hex').toUpperCase();
}

/** A session name like `wawp-84729105`. */
export function newSessionName(): string {
  return `wawp-${String(randomInt(0, 100_000_000)).padStart(8, '0')}`;
}

/** A pairing string `2@ref,noiseKey,identityKey,advSecret` (optionally the wa.me form). */
export function newQrValue(style: 'legacy' | 'wa.me' = 'legacy'): string {
  const ref = `2@${randomBytes(randomInt(64, 97)).toString('base64')}`;
  const keys = [0, 1, 2].map(() => randomBytes(32).toString('base64'));
  const value = [ref, ...keys].join(',');
  return style === 'wa.me' ? `https://wa.me/settings/linked_devices#${value}` : value;
}

const CODE_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** An 8-character pairing code shown as `ABCD-1234`. */
export function newPairingCode(): string {
  const chars = Array.from({ length: 8 }, () => CODE_ALPHABET[randomInt(0, CODE_ALPHABET.length)]);
  return `${chars.slice(0, 4).join('')}-${chars.slice(4).join('')}`;
}
