/** PROVISIONAL: instance configs straight on `conf` until main/store/settings.ts lands. */
import Conf from 'conf';
import type { InstanceConfig, InstanceConfigs } from './instance-configs';

/** Opens the settings file (WAWP_LINK_CONFIG_DIR overrides the user config directory). */
export function openInstanceConfigs(env: Record<string, string | undefined>): InstanceConfigs {
  const conf = new Conf<{ instances: InstanceConfig[] }>({
    projectName: 'wawp-link',
    projectSuffix: '',
    ...(env.WAWP_LINK_CONFIG_DIR ? { cwd: env.WAWP_LINK_CONFIG_DIR } : {}),
    defaults: { instances: [] },
  });
  const all = (): InstanceConfig[] => conf.get('instances');
  return {
    path: conf.path,
    list: all,
    find: (id, baseUrl) =>
      all().find((e) => e.instanceId === id && (!baseUrl || e.baseUrl === baseUrl)) ?? null,
    upsert: (entry) => {
      const rest = all().filter((e) => !(e.instanceId === entry.instanceId && e.baseUrl === entry.baseUrl));
      conf.set('instances', [...rest, entry]);
    },
    remove: (id, baseUrl) => {
      const before = all();
      const after = before.filter((e) => !(e.instanceId === id && e.baseUrl === baseUrl));
      conf.set('instances', after);
      return after.length !== before.length;
    },
  };
}
