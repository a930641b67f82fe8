/**
 * The one error type the secret stores throw. Messages are written for users and never contain a token.
 */

/** Why a secret-store call failed; each code has one user-facing remedy. */
export type SecretErrorCode =
  'invalid_token' | 'token_too_long' | 'invalid_key' | 'timeout' | 'keychain' | 'unavailable' | 'corrupt';

/** A token-free failure of a secret store, safe to log, show and send over IPC. */
export class SecretStoreError extends Error {
  override readonly name = 'SecretStoreError';
  constructor(
    readonly code: SecretErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** Rejects with a `timeout` SecretStoreError when `promise` has not settled within `ms` (a locked keyring can block for ever). */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(
        new SecretStoreError(
          'timeout',
          `The keychain did not answer within ${Math.round(ms / 100) / 10} s while trying to ${what} ` +
            '(it may be locked and waiting for an unlock prompt).',
        ),
      );
    }, ms);
    timer.unref?.();
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
