/**
 * Tokens kept in this process's memory only: the consented last resort when no keychain or real
 * encryption is available. Everything is forgotten when the app quits.
 */
import type { KeychainHealth, SecretKey, SecretStore } from './secrets';
import { assertStorableToken, keyFromAccount, keyId, normaliseKey } from './secret-key';

/** A SecretStore that never touches disk; tokens live until the process exits. */
export class SessionMemoryStore implements SecretStore {
  readonly location = 'session-memory' as const;
  readonly #tokens = new Map<string, string>();

  get(key: SecretKey): Promise<string | null> {
    return Promise.resolve().then(() => this.#tokens.get(keyId(normaliseKey(key))) ?? null);
  }

  set(key: SecretKey, token: string): Promise<void> {
    return Promise.resolve().then(() => {
      const id = keyId(normaliseKey(key));
      assertStorableToken(token);
      this.#tokens.set(id, token);
    });
  }

  delete(key: SecretKey): Promise<boolean> {
    return Promise.resolve().then(() => this.#tokens.delete(keyId(normaliseKey(key))));
  }

  list(): Promise<SecretKey[]> {
    return Promise.resolve(
      [...this.#tokens.keys()].sort().flatMap((id) => {
        const key = keyFromAccount(id);
        return key ? [key] : [];
      }),
    );
  }

  health(): Promise<KeychainHealth> {
    return Promise.resolve({ state: 'ok', message: '' });
  }
}
