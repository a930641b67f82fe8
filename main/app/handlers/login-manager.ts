/**
 * One LoginSession per instance: opens them on demand, forwards their events as `login:event`, keeps a
 * status cache for instance views and the tray, and stops sessions on remove and on quit.
 */
import type { LoginEvent, Me, NetworkCause, SessionStatus } from '../../../common/model';
import type { LoginSession, PairingResult } from '../../login/types';
import type { OpenSession, PushSender } from './handler-deps';

/** What the app knows about an instance's session right now. */
export interface StatusEntry {
  status: SessionStatus | 'UNKNOWN';
  me: Me | null;
  /** Last error of the current run, when any (tray and notifications use it). */
  error: { code: string; message: string; fatal: boolean; host?: string; cause?: NetworkCause } | null;
  /** A login loop is running for it. */
  active: boolean;
}

/** Credentials a session is opened with; resolved fresh on each start so edits take effect. */
export interface SessionTarget {
  baseUrl: string;
  instanceId: string;
  token: string;
  expectedPhone: string | null;
}

export interface LoginManager {
  /** Starts (or resumes) the login loop of one instance. */
  start(target: SessionTarget): void;
  stop(instanceId: string): void;
  restart(instanceId: string): Promise<boolean>;
  requestPairingCode(instanceId: string, phone: string): Promise<PairingResult | null>;
  isActive(instanceId: string): boolean;
  status(instanceId: string): StatusEntry;
  /**
   * Records what a background check saw (health.ts) for an instance without a running session; a running
   * session is authoritative and wins.
   */
  observe(
    instanceId: string,
    seen: { status: SessionStatus; me?: Me | null } | { error: StatusEntry['error'] },
  ): void;
  /** Forgets an instance entirely (stops its session, drops its cache). */
  forget(instanceId: string): void;
  /** Listens to every session's events (remote links watch through this); returns the unsubscribe. */
  onLoginEvent(listener: (instanceId: string, event: LoginEvent) => void): () => void;
  /** Listens to status-cache changes (the tray redraws from this); returns the unsubscribe. */
  onStatusChange(listener: (instanceId: string, entry: StatusEntry) => void): () => void;
  /** Listens to every session's events, tagged with the instance (the batch queue follows its one session). */
  onEvent(listener: (instanceId: string, event: LoginEvent) => void): () => void;
  /** Stops every session (app quit, harness close). */
  stopAll(): void;
}

const EMPTY: StatusEntry = { status: 'UNKNOWN', me: null, error: null, active: false };

/** Creates the manager; `push` delivers `login:event` to the windows. */
export function createLoginManager(openSession: OpenSession, push: PushSender): LoginManager {
  const sessions = new Map<string, { session: LoginSession; unsubscribe: () => void }>();
  const cache = new Map<string, StatusEntry>();
  const listeners = new Set<(instanceId: string, entry: StatusEntry) => void>();
  const eventListeners = new Set<(instanceId: string, event: LoginEvent) => void>();

  const update = (instanceId: string, patch: Partial<StatusEntry>): void => {
    const before = cache.get(instanceId) ?? EMPTY;
    const next = { ...before, ...patch };
    if (JSON.stringify(before) === JSON.stringify(next)) return;
    cache.set(instanceId, next);
    for (const listener of listeners) listener(instanceId, next);
  };

  const onEvent = (instanceId: string, event: LoginEvent): void => {
    if (event.type === 'status')
      update(instanceId, { status: event.status, ...(event.status === 'WORKING' ? {} : { me: null }) });
    else if (event.type === 'connected') update(instanceId, { status: 'WORKING', me: event.me, error: null });
    else if (event.type === 'error')
      update(instanceId, {
        error: {
          code: event.code,
          message: event.message,
          fatal: event.fatal,
          ...(event.host ? { host: event.host } : {}),
          ...(event.cause ? { cause: event.cause } : {}),
        },
      });
    else if (event.type === 'stopped') update(instanceId, { active: false });
    push('login:event', { instanceId, event });
    for (const listener of [...eventListeners]) listener(instanceId, event);
  };

  const stop = (instanceId: string): void => {
    const entry = sessions.get(instanceId);
    if (!entry) return;
    sessions.delete(instanceId);
    entry.session.stop();
    entry.unsubscribe();
    update(instanceId, { active: false });
  };

  return {
    start(target) {
      const existing = sessions.get(target.instanceId);
      if (existing) {
        existing.session.start();
        return;
      }
      const session = openSession(target);
      const unsubscribe = session.onEvent((event) => onEvent(target.instanceId, event));
      sessions.set(target.instanceId, { session, unsubscribe });
      update(target.instanceId, { active: true, error: null });
      session.start();
    },
    stop,
    async restart(instanceId) {
      const entry = sessions.get(instanceId);
      if (!entry) return false;
      update(instanceId, { error: null });
      await entry.session.restart();
      return true;
    },
    async requestPairingCode(instanceId, phone) {
      const entry = sessions.get(instanceId);
      return entry ? entry.session.requestPairingCode(phone) : null;
    },
    isActive: (instanceId) => sessions.has(instanceId),
    observe(instanceId, seen) {
      if (sessions.has(instanceId)) return;
      if ('error' in seen) update(instanceId, { error: seen.error });
      else
        update(instanceId, {
          status: seen.status,
          me: seen.status === 'WORKING' ? (seen.me ?? null) : null,
          error: null,
        });
    },
    status: (instanceId) => cache.get(instanceId) ?? EMPTY,
    forget(instanceId) {
      stop(instanceId);
      cache.delete(instanceId);
    },
    onLoginEvent(listener) {
      eventListeners.add(listener);
      return () => eventListeners.delete(listener);
    },
    onStatusChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onEvent(listener) {
      eventListeners.add(listener);
      return () => eventListeners.delete(listener);
    },
    stopAll() {
      for (const instanceId of [...sessions.keys()]) stop(instanceId);
    },
  };
}
