/** Handlers of the `login:*` and `demo:*` channels: drive LoginSessions through the LoginManager. */
import { z } from 'zod';
import type { Result } from '../../../common/ipc';
import type { HandlerDeps } from './handler-deps';
import { fail, failWith, messageOf, ok, parseArgs, type Handlers } from './handler-kit';
import type { InstanceRegistry } from './instance-registry';
import { instanceIdSchema } from '../ipc/ipc-schemas';
import type { LoginManager } from './login-manager';
import { logoutNumber } from './logout';

type LoginHandlers = Pick<
  Handlers,
  | 'login:start'
  | 'login:stop'
  | 'login:restart'
  | 'login:relink'
  | 'login:pairing-code'
  | 'demo:start'
  | 'demo:scan'
>;

const idArgs = z.tuple([instanceIdSchema]);

/** Label of the demo instance in the list. */
export const DEMO_LABEL = 'Demo (built-in simulator)';

/** Creates the login and demo handlers. */
export function createLoginHandlers(
  deps: HandlerDeps,
  registry: InstanceRegistry,
  manager: LoginManager,
  changed: () => Promise<void>,
): LoginHandlers {
  /** Starts the instance's session unless it runs; the Result says why it cannot. */
  const ensureStarted = async (id: string): Promise<Result<null>> => {
    if (manager.isActive(id)) return ok(null);
    const instance = registry.find(id);
    if (!instance) return fail('not_found', 'No instance has this id. Add it first.');
    let token: string | null;
    try {
      token = await registry.token(instance);
    } catch (error) {
      return fail('secret_store', `The token could not be read from the keychain: ${messageOf(error)}`);
    }
    if (!token)
      return fail('no_token', 'No access token is stored for this instance. Edit it and enter its token.');
    manager.start({
      baseUrl: instance.baseUrl,
      instanceId: id,
      token,
      expectedPhone: instance.expectedPhone,
    });
    await changed();
    return ok(null);
  };

  return {
    'login:start': async (...args) => {
      const parsed = parseArgs(idArgs, args);
      return parsed.ok ? ensureStarted(parsed.value[0]) : parsed.result;
    },

    'login:stop': async (...args) => {
      const parsed = parseArgs(idArgs, args);
      if (!parsed.ok) return parsed.result;
      manager.stop(parsed.value[0]);
      await changed();
      return ok(null);
    },

    'login:restart': async (...args) => {
      const parsed = parseArgs(idArgs, args);
      if (!parsed.ok) return parsed.result;
      const [id] = parsed.value;
      const wasActive = manager.isActive(id);
      const started = await ensureStarted(id);
      if (!started.ok || !wasActive) return started; // a fresh start already begins a new cycle
      await manager.restart(id);
      return ok(null);
    },

    'login:relink': async (...args) => {
      const parsed = parseArgs(idArgs, args);
      if (!parsed.ok) return parsed.result;
      const [id] = parsed.value;
      if (!registry.find(id)) return fail('not_found', 'No instance has this id. Add it first.');
      const out = await logoutNumber(deps, registry, manager, id);
      if (!out.ok) return failWith(out.error);
      await changed();
      return ensureStarted(id);
    },

    'login:pairing-code': async (...args) => {
      const parsed = parseArgs(z.tuple([instanceIdSchema, z.string().min(1).max(40)]), args);
      if (!parsed.ok) return parsed.result;
      const [id, phone] = parsed.value;
      const started = await ensureStarted(id);
      if (!started.ok) return started;
      const result = await manager.requestPairingCode(id, phone);
      if (!result) return fail('not_running', 'The login was stopped. Start it again.');
      return result.ok ? ok(result.pairing) : failWith(result.error);
    },

    'demo:start': async (...args) => {
      const parsed = parseArgs(z.tuple([]), args);
      if (!parsed.ok) return parsed.result;
      try {
        const demo = await deps.demo.start();
        const instance = registry.find(demo.instanceId) ?? registry.addDemo(demo, DEMO_LABEL);
        await changed();
        return ok(await registry.view(instance));
      } catch (error) {
        return fail(
          'demo_failed',
          `The demo could not start: ${messageOf(error)}. Try again, or add your own instance.`,
        );
      }
    },

    'demo:scan': async (...args) => {
      const parsed = parseArgs(idArgs, args);
      if (!parsed.ok) return parsed.result;
      const [id] = parsed.value;
      if (!registry.find(id)?.isDemo)
        return fail('not_demo', 'Only the demo instance can be scanned from the app.');
      const scanned = await deps.demo.scan(id);
      return scanned.ok ? ok(null) : fail('scan_refused', scanned.reason);
    },
  };
}
