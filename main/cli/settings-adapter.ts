/**
 * The CLI's InstanceConfigs over the app's settings store (main/store/settings.ts) with plain-Node `conf`,
 * in the same folder the desktop app uses, so both see the same instances. WAWP_LINK_CONFIG_DIR overrides it.
 */
import Conf from 'conf';
import { openSettings, SettingsError, type InstanceSettings } from '../store/settings';
import { normaliseBaseUrl } from '../store/secret-key';
import { CliError, UsageError } from './exit-codes';
import type { InstanceConfig, InstanceConfigs } from './instance-configs';

const toConfig = (s: InstanceSettings): InstanceConfig => ({
  instanceId: s.id,
  baseUrl: s.baseUrl,
  label: s.label === s.id ? null : s.label, // the id stands in when no label was given
  expectedPhone: s.expectedPhone ?? null,
});

/** Opens settings.json; notices (a reset or upgraded file) are told on stderr. */
export function openInstanceConfigs(
  env: Record<string, string | undefined>,
  tell: (text: string) => void,
): InstanceConfigs {
  let opened;
  try {
    opened = openSettings({
      Store: Conf,
      ...(env.WAWP_LINK_CONFIG_DIR ? { cwd: env.WAWP_LINK_CONFIG_DIR } : {}),
      onNotice: (notice) => tell(`${notice.message}\n`),
    });
  } catch (error) {
    throw new CliError(
      `The settings file could not be opened: ${(error as Error).message}\n` +
        'Check the permissions of the folder, or point WAWP_LINK_CONFIG_DIR at another folder.',
    );
  }
  const { settings, notices } = opened;
  for (const notice of notices) tell(`${notice.message}\n`);
  // Compare base URLs the way the keychain keys them, so "https://API.wawp.net/" finds "https://api.wawp.net".
  const sameServer = (a: string, b: string): boolean => {
    try {
      return normaliseBaseUrl(a) === normaliseBaseUrl(b);
    } catch {
      return a === b;
    }
  };
  const matches = (s: InstanceSettings, id: string, baseUrl?: string): boolean =>
    s.id === id && (baseUrl === undefined || sameServer(s.baseUrl, baseUrl));
  return {
    path: settings.path,
    list: () => settings.listInstances().map(toConfig),
    find: (id, baseUrl) => {
      const hit = settings.listInstances().find((s) => matches(s, id, baseUrl));
      return hit ? toConfig(hit) : null;
    },
    upsert: (entry) => {
      try {
        settings.upsertInstance({
          id: entry.instanceId,
          label: entry.label ?? entry.instanceId,
          baseUrl: entry.baseUrl,
          ...(entry.expectedPhone ? { expectedPhone: entry.expectedPhone } : {}),
        });
      } catch (error) {
        if (error instanceof SettingsError) throw new UsageError(error.message);
        throw error;
      }
    },
    remove: (id, baseUrl) => {
      const hit = settings.listInstances().find((s) => matches(s, id, baseUrl));
      return hit ? settings.removeInstance(id) : false;
    },
  };
}
