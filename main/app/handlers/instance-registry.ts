/**
 * The instances the app knows: persisted ones (settings, tokens in the secret store) plus demo ones
 * (memory only, tokens included). Builds the token-free InstanceView the renderer sees.
 */
import type { InstanceView, TokenLocation } from '../../../common/ipc';
import type { SecretStore } from '../../store/secrets';
import type { DemoInstance, InstanceRecord, SettingsPort } from './handler-deps';
import type { LoginManager } from './login-manager';

/** A known instance and whether it is a demo one. */
export interface KnownInstance extends InstanceRecord {
  isDemo: boolean;
}

export interface InstanceRegistry {
  list(): KnownInstance[];
  find(id: string): KnownInstance | undefined;
  /** The token to log in with, or null when none is stored. Main-process only. */
  token(instance: KnownInstance): Promise<string | null>;
  addDemo(demo: DemoInstance, label: string): KnownInstance;
  removeDemo(id: string): boolean;
  /** Sets the expected number of a demo instance (memory only, like the rest of it). */
  setDemoPhone(id: string, expectedPhone: string): void;
  /** Forgets the cached "has a token" answer after the token was saved, moved or deleted. */
  invalidate(id: string): void;
  view(instance: KnownInstance): Promise<InstanceView>;
  views(): Promise<InstanceView[]>;
}

/** Creates the registry over settings, the secret store and the login manager's status cache. */
export function createInstanceRegistry(
  settings: SettingsPort,
  secrets: SecretStore,
  manager: LoginManager,
): InstanceRegistry {
  const demos = new Map<string, { record: KnownInstance; token: string }>();
  // One keychain read per instance, not one per list push (a status change pushes the whole list).
  const hasTokenCache = new Map<string, boolean>();

  const list = (): KnownInstance[] => [
    ...settings.listInstances().map((record) => ({ ...record, isDemo: false })),
    ...[...demos.values()].map((demo) => demo.record),
  ];

  const token = async (instance: KnownInstance): Promise<string | null> =>
    instance.isDemo
      ? (demos.get(instance.id)?.token ?? null)
      : secrets.get({ baseUrl: instance.baseUrl, instanceId: instance.id });

  const view = async (instance: KnownInstance): Promise<InstanceView> => {
    let hasToken = hasTokenCache.get(instance.id);
    if (hasToken === undefined) {
      try {
        hasToken = (await token(instance)) !== null;
        hasTokenCache.set(instance.id, hasToken);
      } catch {
        hasToken = false; // keychain unusable: settings shows why (settings:get → keychain health)
      }
    }
    const location: TokenLocation | null = hasToken
      ? instance.isDemo
        ? 'session-memory'
        : secrets.location
      : null;
    const { status, me } = manager.status(instance.id);
    return {
      id: instance.id,
      label: instance.label,
      baseUrl: instance.baseUrl,
      expectedPhone: instance.expectedPhone,
      status,
      me,
      hasToken,
      tokenLocation: location,
      isDemo: instance.isDemo,
    };
  };

  return {
    list,
    find: (id) => list().find((instance) => instance.id === id),
    token,
    addDemo(demo, label) {
      const record: KnownInstance = {
        id: demo.instanceId,
        label,
        baseUrl: demo.baseUrl,
        expectedPhone: null,
        isDemo: true,
      };
      demos.set(demo.instanceId, { record, token: demo.token });
      return record;
    },
    removeDemo: (id) => demos.delete(id),
    setDemoPhone(id, expectedPhone) {
      const demo = demos.get(id);
      if (demo) demo.record = { ...demo.record, expectedPhone };
    },
    invalidate: (id) => void hasTokenCache.delete(id),
    view,
    views: () => Promise.all(list().map(view)),
  };
}
