/**
 * The main-process side of every invoke channel, as plain async functions (no `electron` import): ipc.ts
 * registers them behind the sender guard, and the browser harness calls the very same ones from Node.
 */
import type { InstanceView } from '../../../common/ipc';
import type { SessionStatus, WawpError } from '../../../common/model';
import type { HandlerDeps } from './handler-deps';
import type { Handlers } from './handler-kit';
import { createBatchHandlers } from './handlers-batch';
import { createInstanceHandlers } from './handlers-instances';
import { createLoginHandlers } from './handlers-login';
import { createSettingsHandlers } from './handlers-settings';
import { createInstanceRegistry, type InstanceRegistry } from './instance-registry';
import { createLoginManager, type LoginManager } from './login-manager';
import { createRemoteLinkHandlers, type RemoteLinks } from './handlers-remote-link';
import { logoutNumber } from './logout';

export type { Handlers } from './handler-kit';

/** The handlers plus the live parts the tray and the composition root need. */
export interface AppHandlers {
  channels: Handlers;
  manager: LoginManager;
  registry: InstanceRegistry;
  /** Remote links (Wawp temp links): the hidden-window notification listens to `onLinked`. */
  remoteLinks: Pick<RemoteLinks, 'onLinked'>;
  /** Token-free views of every instance (tray, deep links). */
  views(): Promise<InstanceView[]>;
  /** Called with fresh views whenever the list or a status changes (the tray listens); returns unsubscribe. */
  onInstancesChanged(listener: (views: InstanceView[]) => void): () => void;
  /** Re-sends `instances:changed` (e.g. the keychain became readable, so `hasToken` may have changed). */
  refresh(): Promise<void>;
  /**
   * One light status read for background health (no token leaves main): the instance's session/info, also
   * recorded in the status cache so the list and the tray stay true.
   */
  checkStatus(
    instanceId: string,
    signal: AbortSignal,
  ): Promise<{ ok: true; status: SessionStatus } | { ok: false; error: WawpError }>;
  /** Logs the WhatsApp account out of the instance (tray "Log out…", after its confirmation). */
  logoutInstance(instanceId: string): Promise<{ ok: true } | { ok: false; error: WawpError }>;
  /** Stops every session and the demo simulator. */
  dispose(): Promise<void>;
}

/** Builds every handler over `deps`; status changes are pushed as `instances:changed`. */
export function createHandlers(deps: HandlerDeps): AppHandlers {
  const manager = createLoginManager(deps.openSession, deps.push);
  const registry = createInstanceRegistry(deps.settings, deps.secrets, manager);
  const listeners = new Set<(views: InstanceView[]) => void>();
  let generation = 0;
  const changed = async (): Promise<void> => {
    const mine = ++generation;
    const views = await registry.views();
    if (mine !== generation) return; // a newer list is being built: never let a stale one arrive last
    deps.push('instances:changed', views);
    for (const listener of listeners) listener(views);
  };
  const stopWatching = manager.onStatusChange(() => {
    changed().catch((error: unknown) => deps.onError?.('instances:changed', error));
  });
  const login = createLoginHandlers(deps, registry, manager, changed);
  const remoteLinks = createRemoteLinkHandlers(deps, registry, manager, login['login:start']);
  const batch = createBatchHandlers({
    push: deps.push,
    registry,
    manager,
    login,
    logout: (id) => app.logoutInstance(id),
  });
  const channels: Handlers = {
    ...createInstanceHandlers(deps, registry, manager, changed),
    ...login,
    ...remoteLinks.channels,
    ...createSettingsHandlers(deps, changed),
    ...batch.channels,
  };
  const app: AppHandlers = {
    channels,
    manager,
    registry,
    remoteLinks,
    views: () => registry.views(),
    refresh: changed,
    onInstancesChanged(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async checkStatus(instanceId, signal) {
      const instance = registry.find(instanceId);
      const token = instance ? await registry.token(instance).catch(() => null) : null;
      if (!instance || !token) {
        const error: WawpError = {
          code: 'unauthorized',
          message: 'No access token is stored for this instance.',
        };
        return { ok: false, error };
      }
      const client = deps.createClient({ baseUrl: instance.baseUrl, instanceId, accessToken: token });
      const outcome = await client.sessionInfo({ signal });
      if (!outcome.ok) {
        manager.observe(instanceId, {
          error: {
            code: outcome.error.code,
            message: outcome.error.message,
            fatal: false,
            ...(outcome.error.host ? { host: outcome.error.host } : {}),
            ...(outcome.error.cause ? { cause: outcome.error.cause } : {}),
          },
        });
        return { ok: false, error: outcome.error };
      }
      manager.observe(instanceId, { status: outcome.data.status, me: outcome.data.me });
      return { ok: true, status: outcome.data.status };
    },
    logoutInstance: (instanceId) => logoutNumber(deps, registry, manager, instanceId),
    async dispose() {
      stopWatching();
      await remoteLinks.cancelAll().catch((error: unknown) => deps.onError?.('remote-link:cancel', error));
      batch.dispose();
      manager.stopAll();
      await deps.demo.close();
    },
  };
  return app;
}
