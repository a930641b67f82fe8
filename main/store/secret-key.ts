/**
 * Validation and naming of secret entries: normalised base URLs, keychain account names, token limits.
 * Nothing here ever echoes a token back in an error message.
 */
import { parseBaseUrl } from '../../common/base-url';
import type { SecretKey } from './secrets';
import { SecretStoreError } from './secret-error';

/** Windows caps a credential blob at CRED_MAX_CREDENTIAL_BLOB_SIZE = 5 * 512 bytes; keytar stores UTF-8. */
export const TOKEN_MAX_BYTES = 2560;

/** Instance ids in keys: Wawp ids are 12 alphanumerics; the store accepts a little more (never `|`). */
const INSTANCE_ID = /^[A-Za-z0-9_-]{1,64}$/;
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/** Canonical base URL by the one rule (common/base-url.ts); throws a plain Error naming the problem. */
export function normaliseBaseUrl(input: string): string {
  const parsed = parseBaseUrl(input);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.url;
}

/** Checks a key and returns it with the base URL normalised; throws `invalid_key`. */
export function normaliseKey(key: SecretKey): SecretKey {
  if (typeof key.instanceId !== 'string' || !INSTANCE_ID.test(key.instanceId))
    throw new SecretStoreError('invalid_key', 'The instance id must be 1-64 letters, digits, "-" or "_".');
  if (typeof key.baseUrl !== 'string' || key.baseUrl.length > 2048)
    throw new SecretStoreError('invalid_key', 'The base URL is missing or longer than 2,048 characters.');
  try {
    return { baseUrl: normaliseBaseUrl(key.baseUrl), instanceId: key.instanceId };
  } catch (error) {
    throw new SecretStoreError('invalid_key', (error as Error).message);
  }
}

/** The keychain account for a key: `${normalisedBaseUrl}|${instanceId}`. */
export function accountFor(key: SecretKey): string {
  const k = normaliseKey(key);
  return `${k.baseUrl}|${k.instanceId}`;
}

/** Inverse of accountFor; null for accounts that are not ours (e.g. the probe entry). */
export function keyFromAccount(account: string): SecretKey | null {
  const bar = account.lastIndexOf('|');
  if (bar <= 0) return null;
  try {
    return normaliseKey({ baseUrl: account.slice(0, bar), instanceId: account.slice(bar + 1) });
  } catch {
    return null;
  }
}

/** Throws a clear, token-free error for a token no platform keychain can hold safely. */
export function assertStorableToken(token: unknown): asserts token is string {
  if (typeof token !== 'string' || token.length === 0)
    throw new SecretStoreError(
      'invalid_token',
      'The access token is empty: paste the token from your Wawp dashboard.',
    );
  if (token.trim() !== token)
    throw new SecretStoreError(
      'invalid_token',
      'The access token starts or ends with spaces: paste it again without surrounding blanks.',
    );
  if (CONTROL_CHARS.test(token))
    throw new SecretStoreError(
      'invalid_token',
      'The access token contains line breaks or control characters: paste it again as a single line.',
    );
  const bytes = Buffer.byteLength(token, 'utf8');
  if (bytes > TOKEN_MAX_BYTES)
    throw new SecretStoreError(
      'token_too_long',
      `The access token is ${bytes} bytes long; OS keychains hold at most ${TOKEN_MAX_BYTES} bytes ` +
        '(the Windows Credential Manager limit). Check that you copied only the token.',
    );
}

/** Stable comparison key for a SecretKey (already normalised). */
export function keyId(key: SecretKey): string {
  return `${key.baseUrl}|${key.instanceId}`;
}
