/**
 * The renderer's side of common/problems.ts: every error the app shows is described by `describeProblem`, with
 * the instance's own server named when the error itself did not say which host failed. Failures of the app
 * (no token stored, keychain unreadable) keep main's sentence, under a plain title.
 */
import type { Failure } from '../common/ipc';
import type { NetworkCause } from '../common/model';
import { WAWP_ERROR_CODES } from '../common/model';
import { describeProblem, type Problem } from '../common/problems';
import { t } from './strings';

/** What the renderer knows about a failure (a LoginEvent error, an IPC Failure). */
export interface ShownError {
  code: string;
  message: string;
  host?: string;
  cause?: NetworkCause;
  detail?: string;
}

/** Codes describeProblem knows; anything else is an app failure with its own sentence. */
const DESCRIBED = new Set<string>([...WAWP_ERROR_CODES, 'invalid_phone', 'busy']);

/** `https://api.wawp.net/x` → `api.wawp.net`; empty when it is not an address. */
export function hostOf(baseUrl: string | undefined): string | undefined {
  try {
    return baseUrl ? new URL(baseUrl).host : undefined;
  } catch {
    return undefined;
  }
}

/** Title, one sentence and the next step for `error`, naming `instanceId` and the host of `baseUrl`. */
export function problemOf(error: ShownError, instanceId?: string, baseUrl?: string): Problem {
  if (error.code === 'no_token')
    return {
      title: t.problem.noTokenTitle,
      sentence: t.problem.noTokenSentence,
      action: 'edit_token',
      retriesItself: false,
    };
  if (!DESCRIBED.has(error.code))
    return { title: t.problem.fallbackTitle, sentence: error.message, action: 'retry', retriesItself: false };
  const host = error.host ?? hostOf(baseUrl);
  return describeProblem({ ...error, ...(host ? { host } : {}) }, instanceId ? { instanceId } : {});
}

/** The ShownError of an IPC failure. */
export function failureError(failure: Failure): ShownError {
  const { code, reason, host, cause, detail } = failure;
  return { code, message: reason, host, cause, detail };
}

/** Problems about the server address itself, where "Edit server" is a way out. */
export function isServerProblem(code: string): boolean {
  return ['network', 'timeout', 'not_wawp', 'server_error', 'bad_response'].includes(code);
}
