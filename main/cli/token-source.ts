/** Where a command's access token comes from: WAWP_ACCESS_TOKEN, else the keychain entry for base URL + id. */
import type { SecretStore } from '../store/secrets';
import { CliError, EXIT, UsageError } from './exit-codes';
import { keychainAdvice } from './keychain-advice';
import { DEFAULT_BASE_URL } from '../../common/base-url';

export interface ResolvedToken {
  token: string;
  source: 'env' | 'keychain';
}

/** Resolves the token or throws a UsageError (exit 2) that says how to provide one. */
export async function resolveToken(
  env: Record<string, string | undefined>,
  openStore: () => SecretStore,
  baseUrl: string,
  instanceId: string,
): Promise<ResolvedToken> {
  const fromEnv = env.WAWP_ACCESS_TOKEN?.trim();
  if (fromEnv) return { token: fromEnv, source: 'env' };
  let stored: string | null;
  try {
    stored = await openStore().get({ baseUrl, instanceId });
  } catch (error) {
    throw new CliError(
      `No WAWP_ACCESS_TOKEN is set, and the keychain could not be read.\n${keychainAdvice(env, (error as Error).message)}`,
      EXIT.usage,
    );
  }
  if (stored) return { token: stored, source: 'keychain' };
  const flag = baseUrl === DEFAULT_BASE_URL ? '' : ` --base-url ${baseUrl}`;
  throw new UsageError(
    `No access token for instance ${instanceId}${flag ? ` on ${baseUrl}` : ''}.\n` +
      `Store one with "wawp-link instances add ${instanceId}${flag}", or set WAWP_ACCESS_TOKEN.`,
  );
}
