/** Handlers of `settings:*` and `clipboard:write`. */
import { z } from 'zod';
import type { HandlerDeps } from './handler-deps';
import { fail, messageOf, ok, parseArgs, parseArgsOrThrow, type Handlers } from './handler-kit';
import { clipboardTextSchema, preferencesPatchSchema } from './ipc-schemas';

type SettingsHandlers = Pick<Handlers, 'settings:get' | 'settings:set' | 'clipboard:write'>;

/** Creates the settings and clipboard handlers. */
export function createSettingsHandlers(deps: HandlerDeps): SettingsHandlers {
  return {
    'settings:get': async (...args) => {
      parseArgsOrThrow(z.tuple([]), args);
      const keychain = await deps.secrets
        .health()
        .catch((error: unknown) => ({ state: 'error' as const, message: messageOf(error) }));
      return { preferences: deps.settings.getPreferences(), keychain, tokenStorage: deps.secrets.location };
    },

    'settings:set': async (...args) => {
      const parsed = parseArgs(z.tuple([preferencesPatchSchema]), args);
      if (!parsed.ok) return parsed.result;
      try {
        const preferences = deps.settings.setPreferences(parsed.value[0]);
        deps.applyPreferences?.(preferences);
        return Promise.resolve(ok(preferences));
      } catch (error) {
        return fail('settings', `The preferences could not be saved: ${messageOf(error)}`);
      }
    },

    'clipboard:write': async (...args) => {
      const parsed = parseArgs(z.tuple([clipboardTextSchema]), args);
      if (!parsed.ok) return parsed.result;
      deps.writeClipboard(parsed.value[0]);
      return Promise.resolve(ok(null));
    },
  };
}
