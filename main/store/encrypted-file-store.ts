/**
 * Tokens encrypted with an injected Encryptor (Electron safeStorage in the app) in one 0600 file:
 * the consented fallback when the keychain is unusable. Refuses to work unless the Encryptor's backend
 * is real (never Chromium's `basic_text`, which is a hard-coded key).
 */
import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Encryptor, KeychainHealth, SecretKey, SecretStore } from './secrets';
import { SecretStoreError } from './secret-error';
import { accountFor, assertStorableToken, keyFromAccount } from './secret-key';

/** Backends that only obfuscate: a file encrypted with them is as good as plaintext. */
const FAKE_BACKENDS = new Set(['basic_text', 'unknown']);

/** True when `encryptor` really encrypts (available, and not the `basic_text` backend). */
export async function isRealEncryption(encryptor: Encryptor | undefined): Promise<boolean> {
  if (!encryptor || !(await encryptor.isEncryptionAvailable().catch(() => false))) return false;
  const backend = encryptor.getSelectedStorageBackend?.();
  return backend === undefined || !FAKE_BACKENDS.has(backend);
}

export interface EncryptedFileStoreOptions {
  filePath: string;
  encryptor: Encryptor;
  /** Told (token-free text) when an unreadable file was moved aside and the store started empty. */
  onNotice?: (message: string) => void;
}

interface FileBody {
  version: 1;
  tokens: Record<string, string>;
}

/** A SecretStore holding ciphertext only, in a file readable by the owner alone. */
export class EncryptedFileStore implements SecretStore {
  readonly location = 'encrypted-file' as const;
  readonly #path: string;
  readonly #encryptor: Encryptor;
  readonly #onNotice: (message: string) => void;
  #queue: Promise<unknown> = Promise.resolve();

  /** Opens the store; rejects unless the encryption is real (see isRealEncryption). */
  static async open(options: EncryptedFileStoreOptions): Promise<EncryptedFileStore> {
    if (!(await isRealEncryption(options.encryptor)))
      throw new SecretStoreError(
        'unavailable',
        'System encryption is not available (or only the insecure "basic_text" backend is): tokens cannot be ' +
          'saved encrypted. Fix the keychain, or keep tokens for this session only.',
      );
    return new EncryptedFileStore(options);
  }

  private constructor(options: EncryptedFileStoreOptions) {
    this.#path = options.filePath;
    this.#encryptor = options.encryptor;
    this.#onNotice = options.onNotice ?? (() => undefined);
  }

  /** Where the ciphertext lives (shown in settings next to "encrypted file"). */
  get filePath(): string {
    return this.#path;
  }

  #serial<T>(run: () => Promise<T>): Promise<T> {
    const next = this.#queue.then(run, run);
    this.#queue = next.catch(() => undefined);
    return next;
  }

  async #read(): Promise<Record<string, string>> {
    let raw: Buffer;
    try {
      raw = await readFile(this.#path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
      throw new SecretStoreError(
        'unavailable',
        `The encrypted token file cannot be read: ${(error as Error).message}`,
      );
    }
    let plain: string;
    let reEncrypt: boolean;
    try {
      ({ result: plain, shouldReEncrypt: reEncrypt } = await this.#encryptor.decryptString(raw));
    } catch {
      // Maybe transient (system encryption locked) or permanent (another user's file): keep the file, say so.
      throw new SecretStoreError(
        'corrupt',
        `The encrypted token file ${this.#path} cannot be decrypted right now. If system encryption is locked, ` +
          'unlock it and retry; if the file comes from another user or computer, choose "Start over" (discard) ' +
          'and enter your tokens again.',
      );
    }
    let body: FileBody;
    try {
      body = JSON.parse(plain) as FileBody;
      if (body.version !== 1 || typeof body.tokens !== 'object' || body.tokens === null)
        throw new Error('format');
    } catch {
      // Decrypted but unusable: nothing in it can be recovered, so move it aside and start empty.
      const aside = await this.#moveAside();
      this.#onNotice(
        `The encrypted token file was damaged; it was moved to ${aside}. Enter your tokens again.`,
      );
      return {};
    }
    // The key was rotated (or a stronger one exists): store the same tokens under the current key.
    if (reEncrypt) await this.#write(body.tokens);
    return { ...body.tokens };
  }

  async #moveAside(): Promise<string> {
    const aside = `${this.#path}.corrupt-${Date.now()}`;
    await rename(this.#path, aside);
    return aside;
  }

  /** Moves an undecryptable file aside (the user chose to start over); returns the backup path, or null if none. */
  discard(): Promise<string | null> {
    return this.#serial(async () => {
      try {
        return await this.#moveAside();
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    });
  }

  async #write(tokens: Record<string, string>): Promise<void> {
    const body: FileBody = { version: 1, tokens };
    const cipher = await this.#encryptor.encryptString(JSON.stringify(body));
    await mkdir(dirname(this.#path), { recursive: true, mode: 0o700 });
    const tmp = `${this.#path}.tmp-${process.pid}`;
    await writeFile(tmp, cipher, { mode: 0o600 });
    await chmod(tmp, 0o600);
    await rename(tmp, this.#path);
  }

  get(key: SecretKey): Promise<string | null> {
    return this.#serial(async () => (await this.#read())[accountFor(key)] ?? null);
  }

  set(key: SecretKey, token: string): Promise<void> {
    return this.#serial(async () => {
      const account = accountFor(key);
      assertStorableToken(token);
      const tokens = await this.#read();
      tokens[account] = token;
      await this.#write(tokens);
    });
  }

  delete(key: SecretKey): Promise<boolean> {
    return this.#serial(async () => {
      const account = accountFor(key);
      const tokens = await this.#read();
      if (!(account in tokens)) return false;
      delete tokens[account];
      await this.#write(tokens);
      return true;
    });
  }

  list(): Promise<SecretKey[]> {
    return this.#serial(async () =>
      Object.keys(await this.#read())
        .sort()
        .flatMap((account) => {
          const key = keyFromAccount(account);
          return key ? [key] : [];
        }),
    );
  }

  async health(): Promise<KeychainHealth> {
    return (await isRealEncryption(this.#encryptor))
      ? { state: 'ok', message: '' }
      : {
          state: 'error',
          message: 'System encryption stopped being available: re-enter tokens after fixing it.',
        };
  }
}
