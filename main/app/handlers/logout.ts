/** Logging the linked WhatsApp number out of an instance: shared by the tray's "Log out…" and "Link again". */
import type { WawpError } from '../../../common/model';
import type { HandlerDeps } from './handler-deps';
import type { InstanceRegistry } from './instance-registry';
import type { LoginManager } from './login-manager';

/** Stops the instance's login, logs its number out on Wawp and records the new status (no token leaves main). */
export async function logoutNumber(
  deps: Pick<HandlerDeps, 'createClient'>,
  registry: InstanceRegistry,
  manager: LoginManager,
  instanceId: string,
): Promise<{ ok: true } | { ok: false; error: WawpError }> {
  const instance = registry.find(instanceId);
  const token = instance ? await registry.token(instance).catch(() => null) : null;
  if (!instance || !token)
    return {
      ok: false,
      error: { code: 'unauthorized', message: 'No access token is stored for this instance.' },
    };
  manager.stop(instanceId);
  const client = deps.createClient({ baseUrl: instance.baseUrl, instanceId, accessToken: token });
  const outcome = await client.logout();
  if (!outcome.ok) return { ok: false, error: outcome.error };
  manager.observe(instanceId, { status: outcome.data.status, me: null });
  return { ok: true };
}
