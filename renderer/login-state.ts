/** Pure reducer from the engine's LoginEvents to what the login view shows (no DOM, unit-testable). */
import type { LoginErrorCode, LoginEvent, Me, NetworkCause, SessionStatus } from '../common/model';

export type LoginPhase = 'idle' | 'starting' | 'qr' | 'linked' | 'exhausted' | 'error' | 'stopped';

export interface ShownQr {
  value: string;
  expiresAt: number;
  /** Position in the cycle; null when the engine cannot know it (then none is claimed). */
  index: number | null;
  expectedCount: number;
}

export interface LoginViewState {
  phase: LoginPhase;
  status: SessionStatus | null;
  rawStatus: string;
  /** The code on screen; null once it expired or the cycle ended (never show a dead code). */
  qr: ShownQr | null;
  /** A code was shown and died; a new one is on its way. */
  renewing: boolean;
  linked: { me: Me; expectedPhone: string | null; phoneMatches: boolean | null } | null;
  error: {
    code: LoginErrorCode | (string & {});
    message: string;
    fatal: boolean;
    retryAt: number | null;
    host?: string;
    cause?: NetworkCause;
    detail?: string;
  } | null;
}

/** The state before any event. */
export const INITIAL_LOGIN_STATE: LoginViewState = {
  phase: 'idle',
  status: null,
  rawStatus: '',
  qr: null,
  renewing: false,
  linked: null,
  error: null,
};

/** Applies one event; `now` (epoch ms) turns relative retry delays into deadlines. */
export function reduceLogin(state: LoginViewState, event: LoginEvent, now: number): LoginViewState {
  switch (event.type) {
    case 'status': {
      const next = { ...state, status: event.status, rawStatus: event.rawStatus };
      if (event.status === 'WORKING')
        return next.linked ? { ...next, phase: 'linked' } : { ...next, phase: 'starting', qr: null };
      if (state.error && !state.error.fatal) next.error = null;
      if (event.status === 'SCAN_QR_CODE')
        return { ...next, phase: 'qr', linked: null, error: next.error?.fatal ? null : next.error };
      if (event.status === 'FAILED') return { ...next, phase: 'exhausted', qr: null, renewing: false };
      return { ...next, phase: 'starting', qr: null, renewing: false, linked: null };
    }
    case 'qr':
      return {
        ...state,
        phase: 'qr',
        qr: {
          value: event.value,
          expiresAt: event.expiresAt,
          index: event.index,
          expectedCount: event.expectedCount,
        },
        renewing: false,
        error: null,
      };
    case 'qr-expired':
      return { ...state, qr: null, renewing: state.phase === 'qr' };
    case 'connected':
      return {
        ...state,
        phase: 'linked',
        status: 'WORKING',
        qr: null,
        renewing: false,
        error: null,
        linked: { me: event.me, expectedPhone: event.expectedPhone, phoneMatches: event.phoneMatches },
      };
    case 'exhausted':
      // A server that starts a new cycle by itself needs no "Get a new code": the next one is coming.
      if (event.renewing) return { ...state, phase: 'qr', qr: null, renewing: true };
      return { ...state, phase: 'exhausted', qr: null, renewing: false };
    case 'error': {
      const error = {
        code: event.code,
        message: event.message,
        fatal: event.fatal,
        retryAt: event.retryInMs === undefined ? null : now + event.retryInMs,
        ...(event.host ? { host: event.host } : {}),
        ...(event.cause ? { cause: event.cause } : {}),
        ...(event.detail ? { detail: event.detail } : {}),
      };
      return event.fatal
        ? { ...state, phase: 'error', qr: null, renewing: false, error }
        : { ...state, error };
    }
    case 'stopped': {
      // A stopped loop retries nothing: drop a retrying problem (a fatal one stays until the user acts).
      const error = state.error?.fatal ? state.error : null;
      const phase = state.phase === 'linked' ? 'linked' : state.phase === 'error' ? 'error' : 'stopped';
      return { ...state, phase, qr: null, renewing: false, error };
    }
  }
}

/** The login is starting over (start/restart pressed): forget the old cycle but keep a linked account. */
export function restartingState(state: LoginViewState): LoginViewState {
  return { ...INITIAL_LOGIN_STATE, phase: 'starting', status: state.status, rawStatus: state.rawStatus };
}
