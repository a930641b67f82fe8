/** Real handlers over a real simulator, the real engine and an in-memory secret store, for Node tests. */
import type { PushChannel, PushChannels } from '../../common/ipc';
import { createDemoBackend } from '../../main/app/handlers/demo';
import { createEngineOpener } from '../../main/app/handlers/engine';
import type { HandlerDeps, SettingsPort } from '../../main/app/handlers/handler-deps';
import { createHandlers, type AppHandlers } from '../../main/app/handlers/handlers';
import { SessionMemoryStore } from '../../main/store/session-memory-store';
import type { SecretStore } from '../../main/store/secrets';
import { createWawpClient } from '../../main/wawp/client';
import { startSimulator, type RunningSimulator } from '../../simulator/index';
import { TEST_ENGINE_TIMING, TEST_SIMULATOR_OPTIONS } from '../browser/harness';
import { openTempSettings } from '../browser/harness-kit/temp-settings';

export interface HandlerFixture {
  app: AppHandlers;
  sim: RunningSimulator;
  pushes: { channel: PushChannel; payload: unknown }[];
  clipboard: string[];
  settings: SettingsPort;
  /** The folder holding settings.json. */
  settingsDir: string;
  /** Resolves with the first push matching `test` (already seen or future). */
  waitForPush<C extends PushChannel>(
    channel: C,
    test: (payload: PushChannels[C]) => boolean,
  ): Promise<PushChannels[C]>;
  close(): Promise<void>;
}

/** Starts a simulator and builds the real handlers over it. */
export async function handlerFixture(
  secrets: SecretStore = new SessionMemoryStore(),
  tokenStorage?: HandlerDeps['tokenStorage'],
  extra: Pick<HandlerDeps, 'applyPreferences' | 'desktopStatus'> = {},
): Promise<HandlerFixture> {
  const sim = await startSimulator(TEST_SIMULATOR_OPTIONS);
  const pushes: HandlerFixture['pushes'] = [];
  const waiters = new Set<() => void>();
  const clipboard: string[] = [];
  const temp = openTempSettings();
  const settings = temp.port;
  const app = createHandlers({
    settings,
    secrets,
    openSession: createEngineOpener({ timing: TEST_ENGINE_TIMING }),
    createClient: createWawpClient,
    demo: createDemoBackend({}, sim),
    writeClipboard: (text) => void clipboard.push(text),
    ...(tokenStorage ? { tokenStorage } : {}),
    ...extra,
    push: (channel, payload) => {
      pushes.push({ channel, payload: structuredClone(payload) });
      for (const wake of waiters) wake();
    },
  });
  return {
    app,
    sim,
    pushes,
    clipboard,
    settings,
    settingsDir: temp.dir,
    waitForPush(channel, test) {
      return new Promise((resolve) => {
        const check = (): boolean => {
          const hit = pushes.find((p) => p.channel === channel && test(p.payload as never));
          if (hit) resolve(hit.payload as never);
          return Boolean(hit);
        };
        if (check()) return;
        const wake = (): void => {
          if (check()) waiters.delete(wake);
        };
        waiters.add(wake);
      });
    },
    async close() {
      waiters.clear();
      await app.dispose();
      await sim.close();
      temp.dispose();
    },
  };
}
