/**
 * The main-process side of every invoke channel, as plain async functions (no `electron` import): ipc.ts
 * registers them behind the sender guard, and the browser harness calls the very same ones from Node.
 */
import type { InstanceView } from '../../common/ipc';
import type { HandlerDeps } from './handler-deps';
import type { Handlers } from './handler-kit';
import { createInstanceHandlers } from './handlers-instances';
import { createLoginHandlers } from './handlers-login';
import { createSettingsHandlers } from './handlers-settings';
import { createInstanceRegistry, type InstanceRegistry } from './instance-registry';
import { createLoginManager, type LoginManager } from './login-manager';

export type { Handlers } from './handler-kit';

/** The handlers plus the live parts the tray and the composition root need. */
export interface AppHandlers {
  channels: Handlers;
  manager: LoginManager;
  registry: InstanceRegistry;
  /** Token-free views of every instance (tray, deep links). */
  views(): Promise<InstanceView[]>;
  /** Called with fresh views whenever the list or a status changes (the tray listens); returns unsubscribe. */
  onInstancesChanged(listener: (views: InstanceView[]) => void): () => void;
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
  const channels: Handlers = {
    ...createInstanceHandlers(deps, registry, manager, changed),
    ...createLoginHandlers(deps, registry, manager, changed),
    ...createSettingsHandlers(deps),
  };
  return {
    channels,
    manager,
    registry,
    views: () => registry.views(),
    onInstancesChanged(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async dispose() {
      stopWatching();
      manager.stopAll();
      await deps.demo.close();
    },
  };
}
