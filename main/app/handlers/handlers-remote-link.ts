/**
 * Handlers of the `remote-link:*` channels: one remote-link session per instance over the instance's
 * LoginSession (started like `login:start`, so the QR view and the link share one watcher). Events go to
 * the windows as `remote-link:event` and to `onLinked` listeners (the hidden-window notification).
 */
import type { Result } from '../../../common/ipc';
import type { LoginEvent } from '../../../common/model';
import type { RemoteLinkEvent, RemoteLinkOffer } from '../../../common/remote-link';
import { createRemoteLink, type RemoteLink, type RemoteLinkResult } from '../../login/remote-link';
import { remoteLinkArgsSchema } from '../ipc/ipc-schemas';
import type { HandlerDeps } from './handler-deps';
import { fail, messageOf, ok, parseArgs, type Handlers } from './handler-kit';
import type { InstanceRegistry } from './instance-registry';
import type { LoginManager } from './login-manager';

type RemoteLinkHandlers = Pick<Handlers, 'remote-link:open' | 'remote-link:renew' | 'remote-link:cancel'>;

/** A linked event as listeners get it. */
export type RemoteLinked = Extract<RemoteLinkEvent, { type: 'linked' }>;

export interface RemoteLinks {
  channels: RemoteLinkHandlers;
  /** Called when a phone linked through a remote link; returns the unsubscribe. */
  onLinked(listener: (instanceId: string, linked: RemoteLinked) => void): () => void;
  /** Revokes every live link (app quit). */
  cancelAll(): Promise<void>;
}

/** Creates the handlers; `startLogin` is the `login:start` handler (it resolves the token and starts watching). */
export function createRemoteLinkHandlers(
  deps: HandlerDeps,
  registry: InstanceRegistry,
  manager: LoginManager,
  startLogin: Handlers['login:start'],
): RemoteLinks {
  const links = new Map<string, { remote: RemoteLink; release: () => void }>();
  const linkedListeners = new Set<(instanceId: string, linked: RemoteLinked) => void>();

  const drop = (id: string): void => {
    links.get(id)?.release();
    links.delete(id);
  };
  /** The instance's remote link, created over its running login session. */
  const linkFor = async (id: string): Promise<Result<RemoteLink>> => {
    const existing = links.get(id);
    if (existing) return ok(existing.remote);
    const started = await startLogin(id);
    if (!started.ok) return started;
    const instance = registry.find(id);
    let token: string | null;
    try {
      token = instance ? await registry.token(instance) : null;
    } catch (error) {
      return fail('secret_store', `The token could not be read from the keychain: ${messageOf(error)}`);
    }
    if (!instance || !token) return fail('no_token', 'No access token is stored for this instance.');
    const client = deps.createClient({ baseUrl: instance.baseUrl, instanceId: id, accessToken: token });
    const session = {
      onEvent: (listener: (event: LoginEvent) => void) =>
        manager.onLoginEvent((from, event) => {
          if (from === id) listener(event);
        }),
      restart: async () => void (await manager.restart(id)),
    };
    const remote = createRemoteLink({ client, session });
    const unsubscribe = remote.onEvent((event) => {
      deps.push('remote-link:event', { instanceId: id, event });
      if (event.type === 'linked') for (const listener of [...linkedListeners]) listener(id, event);
      if (event.type === 'revoked') drop(id);
    });
    links.set(id, {
      remote,
      release: () => {
        unsubscribe();
        remote.dispose();
      },
    });
    return ok(remote);
  };
  const offer = (result: RemoteLinkResult): Result<RemoteLinkOffer> =>
    result.ok ? ok(result.offer) : fail(result.error.code, result.error.message);
  const withLink =
    (step: (remote: RemoteLink) => Promise<RemoteLinkResult>) =>
    async (...args: unknown[]): Promise<Result<RemoteLinkOffer>> => {
      const parsed = parseArgs(remoteLinkArgsSchema, args);
      if (!parsed.ok) return parsed.result;
      const remote = await linkFor(parsed.value[0]);
      return remote.ok ? offer(await step(remote.value)) : remote;
    };

  return {
    channels: {
      'remote-link:open': withLink((remote) => remote.open()),
      'remote-link:renew': withLink((remote) => remote.renew()),
      'remote-link:cancel': async (...args) => {
        const parsed = parseArgs(remoteLinkArgsSchema, args);
        if (!parsed.ok) return parsed.result;
        const [id] = parsed.value;
        const entry = links.get(id);
        if (entry) await entry.remote.cancel();
        drop(id);
        return ok(null);
      },
    },
    onLinked(listener) {
      linkedListeners.add(listener);
      return () => linkedListeners.delete(listener);
    },
    async cancelAll() {
      await Promise.all([...links.values()].map((entry) => entry.remote.cancel()));
      for (const id of [...links.keys()]) drop(id);
    },
  };
}
