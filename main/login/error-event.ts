/**
 * The engine's `error` event from a client error: the client's one-sentence message (the sentence
 * of common/problems.ts) plus what a front end needs to describe it — host, cause, redacted detail.
 */
import type { LoginEvent, WawpError } from '../../common/model';

/** Builds the `error` event; `retryInMs` only when the engine will retry by itself. */
export function errorEvent(error: WawpError, fatal: boolean, retryInMs?: number): LoginEvent {
  return {
    type: 'error',
    code: error.code,
    message: error.message,
    fatal,
    ...(retryInMs === undefined ? {} : { retryInMs }),
    ...(error.host === undefined ? {} : { host: error.host }),
    ...(error.cause === undefined ? {} : { cause: error.cause }),
    ...(error.detail === undefined ? {} : { detail: error.detail }),
  };
}
