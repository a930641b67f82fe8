/** Handlers of `settings:*` and `clipboard:write`. */
import { z } from 'zod';
import type { SettingsView } from '../../../common/ipc';
import { withOsLaunchAtLogin } from '../desktop/desktop-preferences';
import type { HandlerDeps } from './handler-deps';
import { fail, messageOf, ok, parseArgs, parseArgsOrThrow, type Handlers } from './handler-kit';
import { clipboardTextSchema, preferencesPatchSchema } from '../ipc/ipc-schemas';

type SettingsHandlers = Pick<
  Handlers,
  'settings:get' | 'settings:set' | 'settings:token-storage' | 'settings:keychain-check' | 'clipboard:write'
>;

/** Creates the settings and clipboard handlers; `changed` re-sends the instance list (tokens may be readable now). */
export function createSettingsHandlers(deps: HandlerDeps, changed: () => Promise<void>): SettingsHandlers {
  const view = async (): Promise<SettingsView> => {
    const keychain = await deps.secrets
      .health()
      .catch((error: unknown) => ({ state: 'error' as const, message: messageOf(error) }));
    const desktop = deps.desktopStatus?.() ?? null;
    return {
      preferences: withOsLaunchAtLogin(deps.settings.getPreferences(), desktop?.launchAtLogin),
      ...(desktop ? { desktop } : {}),
      keychain,
      tokenStorage: deps.secrets.location,
      tokenStorageOffers: deps.tokenStorage?.offers() ?? [],
    };
  };
  return {
    'settings:get': async (...args) => {
      parseArgsOrThrow(z.tuple([]), args);
      return view();
    },

    'settings:token-storage': async (...args) => {
      const parsed = parseArgs(z.tuple([z.enum(['encrypted-file', 'session-memory'])]), args);
      if (!parsed.ok) return parsed.result;
      const accepted = (await deps.tokenStorage?.consent(parsed.value[0])) ?? false;
      if (!accepted)
        return fail(
          'not_offered',
          'That place for tokens is not on offer here. Reopen Settings to see the choices.',
        );
      return ok(await view());
    },

    'settings:keychain-check': async (...args) => {
      parseArgsOrThrow(z.tuple([]), args);
      await deps.tokenStorage?.recheck?.();
      await changed();
      return view();
    },

    'settings:set': async (...args) => {
      const parsed = parseArgs(z.tuple([preferencesPatchSchema]), args);
      if (!parsed.ok) return parsed.result;
      try {
        const preferences = deps.settings.setPreferences(parsed.value[0]);
        deps.applyPreferences?.(preferences, parsed.value[0]);
        return Promise.resolve(ok(withOsLaunchAtLogin(preferences, deps.desktopStatus?.()?.launchAtLogin)));
      } catch (error) {
        return fail('settings', `The preferences could not be saved: ${messageOf(error)}`);
      }
    },

    'clipboard:write': async (...args) => {
      const parsed = parseArgs(z.tuple([clipboardTextSchema]), args);
      if (!parsed.ok) return parsed.result;
      try {
        await deps.writeClipboard(parsed.value[0]);
        return ok(null);
      } catch (error) {
        return fail('clipboard', `Could not copy: ${messageOf(error)}. Select the text and copy it by hand.`);
      }
    },
  };
}
