/** Handlers of the `instances:*` channels: list, save (token write-only), remove, test, export, import. */
import { z } from 'zod';
import type { HandlerDeps, InstanceRecord } from './handler-deps';
import { fail, failWith, messageOf, ok, parseArgs, parseArgsOrThrow, type Handlers } from './handler-kit';
import { linkedDigits } from '../../../common/linked-number';
import type { InstanceRegistry } from './instance-registry';
import { importJsonSchema, instanceIdSchema, instanceInputSchema } from '../ipc/ipc-schemas';
import type { LoginManager } from './login-manager';
import { registerSecret } from '../platform/log-redact';

type InstanceHandlers = Pick<
  Handlers,
  | 'instances:list'
  | 'instances:save'
  | 'instances:remove'
  | 'instances:test'
  | 'instances:export'
  | 'instances:import'
  | 'instances:keep-number'
>;

const toRecord = ({ id, label, baseUrl, expectedPhone }: InstanceRecord): InstanceRecord => ({
  id,
  label,
  baseUrl,
  expectedPhone,
});

/** Creates the instance handlers; `changed()` pushes the fresh list to the windows. */
export function createInstanceHandlers(
  deps: HandlerDeps,
  registry: InstanceRegistry,
  manager: LoginManager,
  changed: () => Promise<void>,
): InstanceHandlers {
  const { settings, secrets } = deps;
  return {
    'instances:list': async (...args) => {
      parseArgsOrThrow(z.tuple([]), args);
      return registry.views();
    },

    'instances:save': async (...args) => {
      const parsed = parseArgs(z.tuple([instanceInputSchema]), args);
      if (!parsed.ok) return parsed.result;
      const [{ token, ...input }] = parsed.value;
      if (token) registerSecret(token); // from now on any log line holding it is redacted
      const existing = registry.find(input.id);
      if (existing?.isDemo)
        return fail('demo_instance', 'The demo instance cannot be edited. Add your own instance.');
      const record: InstanceRecord = { ...input, label: input.label || input.id };
      if (!token && !existing)
        return fail('token_required', 'Enter the access token of this instance (from your Wawp dashboard).');
      try {
        settings.putInstance(record); // validates first, so a refused record leaves no token behind
      } catch (error) {
        return fail('invalid_argument', messageOf(error, token));
      }
      const newKey = { baseUrl: record.baseUrl, instanceId: record.id };
      const oldKey =
        existing && existing.baseUrl !== record.baseUrl
          ? { baseUrl: existing.baseUrl, instanceId: existing.id }
          : null;
      try {
        const moving = token ?? (oldKey ? await secrets.get(oldKey) : null);
        if (moving) await secrets.set(newKey, moving);
        if (oldKey) await secrets.delete(oldKey);
      } catch (error) {
        if (existing) settings.putInstance(toRecord(existing));
        else settings.removeInstance(record.id);
        return fail('secret_store', `The token could not be saved: ${messageOf(error, token)}`);
      } finally {
        registry.invalidate(record.id);
      }
      const credentialsChanged =
        !existing ||
        token !== undefined ||
        existing.baseUrl !== record.baseUrl ||
        existing.expectedPhone !== record.expectedPhone;
      if (credentialsChanged) manager.stop(record.id);
      await changed();
      return ok(await registry.view({ ...record, isDemo: false }));
    },

    'instances:remove': async (...args) => {
      const parsed = parseArgs(z.tuple([instanceIdSchema]), args);
      if (!parsed.ok) return parsed.result;
      const [id] = parsed.value;
      const instance = registry.find(id);
      if (!instance) return fail('not_found', 'This instance is already gone. Refresh the list.');
      manager.forget(id);
      registry.invalidate(id);
      if (instance.isDemo) registry.removeDemo(id);
      else {
        settings.removeInstance(id);
        try {
          await secrets.delete({ baseUrl: instance.baseUrl, instanceId: id });
        } catch (error) {
          await changed();
          return fail('secret_store', `Removed, but its token could not be deleted: ${messageOf(error)}`);
        } finally {
          registry.invalidate(id);
        }
      }
      await changed();
      return ok(null);
    },

    'instances:test': async (...args) => {
      const parsed = parseArgs(z.tuple([instanceInputSchema]), args);
      if (!parsed.ok) return parsed.result;
      const [input] = parsed.value;
      const known = registry.find(input.id);
      let token = input.token ?? null;
      try {
        if (!token && known && known.baseUrl === input.baseUrl) token = await registry.token(known);
      } catch (error) {
        return fail('secret_store', `The stored token could not be read: ${messageOf(error)}`);
      }
      if (!token) return fail('token_required', 'Enter the access token of this instance to test it.');
      const client = deps.createClient({ baseUrl: input.baseUrl, instanceId: input.id, accessToken: token });
      const outcome = await client.sessionInfo();
      if (!outcome.ok) return failWith(outcome.error, token);
      return ok({ status: outcome.data.status, me: outcome.data.me });
    },

    'instances:keep-number': async (...args) => {
      const parsed = parseArgs(z.tuple([instanceIdSchema]), args);
      if (!parsed.ok) return parsed.result;
      const [id] = parsed.value;
      const instance = registry.find(id);
      if (!instance) return fail('not_found', 'This instance is gone. Refresh the list.');
      const { status, me } = manager.status(id);
      if (status !== 'WORKING' || !me)
        return fail('not_linked', 'No number is linked to this instance right now. Link it first.');
      const record = { ...toRecord(instance), expectedPhone: linkedDigits(me.id) };
      if (instance.isDemo) registry.setDemoPhone(id, record.expectedPhone);
      else
        try {
          settings.putInstance(record);
        } catch (error) {
          return fail('invalid_argument', messageOf(error));
        }
      await changed();
      return ok(await registry.view({ ...record, isDemo: instance.isDemo }));
    },

    'instances:export': async (...args) => {
      const parsed = parseArgs(z.tuple([]), args);
      if (!parsed.ok) return parsed.result;
      return Promise.resolve(ok(settings.exportInstances()));
    },

    'instances:import': async (...args) => {
      const parsed = parseArgs(z.tuple([importJsonSchema]), args);
      if (!parsed.ok) return parsed.result;
      const demoIds = registry
        .list()
        .filter((instance) => instance.isDemo)
        .map((instance) => instance.id);
      let result: { added: number; updated: number; rejected: number };
      try {
        result = settings.importInstances(parsed.value[0]);
      } catch (error) {
        return fail('invalid_import', messageOf(error));
      }
      for (const id of demoIds) settings.removeInstance(id); // a demo id is not a real instance
      await changed();
      return ok(result);
    },
  };
}
