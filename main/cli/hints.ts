/** The "what to do next" line for each failure, in the user's words. */
import type { LoginErrorCode } from '../../common/model';

export interface HintContext {
  instanceId: string;
  baseUrl: string;
  /** Where the token came from: the env var or the keychain. */
  tokenSource: 'env' | 'keychain';
}

/** A next step for `code`, or null when the message says enough. */
export function hintFor(code: LoginErrorCode, ctx: HintContext): string | null {
  switch (code) {
    case 'unauthorized':
      return ctx.tokenSource === 'env'
        ? 'Set WAWP_ACCESS_TOKEN to the access token shown in your Wawp dashboard.'
        : `Store the right token with: wawp-link instances add ${ctx.instanceId}` +
            (ctx.baseUrl === 'https://api.wawp.net' ? '' : ` --base-url ${ctx.baseUrl}`);
    case 'not_found':
      return (
        `Check the instance id (${ctx.instanceId}) in your Wawp dashboard, and that the token belongs to it` +
        (ctx.baseUrl === 'https://api.wawp.net' ? '.' : ` on ${ctx.baseUrl}.`)
      );
    case 'network':
    case 'timeout':
      return `Check your connection and that ${ctx.baseUrl} is the right --base-url.`;
    case 'invalid_phone':
      return 'Give the number with its country code, e.g. --phone "+20 101 234 5678".';
    default:
      return null;
  }
}
