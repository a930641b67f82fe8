/** Builds the real handlers for Electron (clipboard, pushes to our windows, logging) and registers them. */
import { clipboard } from 'electron';
import type { Settings } from '../../store/settings';
import type { Integration } from '../desktop/app-integration';
import { createWawpClient } from '../../wawp/client';
import { createDemoBackend } from './demo';
import { createEngineOpener } from './engine';
import { createHandlers, type AppHandlers } from './handlers';
import { registerIpc, send } from '../ipc/ipc';
import { log } from '../platform/log';
import type { SecretSwitch } from '../platform/secret-switch';
import { settingsPort } from './settings-port';

/** The handlers behind every invoke channel, registered on ipcMain; `dispose()` on quit. */
export function setupHandlers(
  settings: Settings,
  secrets: SecretSwitch,
  /** The desktop integration, once it exists (it is built over these handlers). */
  desktop: () => Pick<Integration, 'applyPreferences' | 'status'> | null,
): AppHandlers {
  const handlers = createHandlers({
    settings: settingsPort(settings),
    secrets,
    tokenStorage: secrets,
    openSession: createEngineOpener({
      log: (message, detail) => log.debug(`engine: ${message}`, detail ?? ''),
    }),
    createClient: createWawpClient,
    demo: createDemoBackend(),
    writeClipboard: (text) => clipboard.writeText(text),
    push: send,
    applyPreferences: (preferences, patch) => desktop()?.applyPreferences(preferences, patch),
    desktopStatus: () => desktop()?.status() ?? null,
    onError: (context, error) => log.error(`${context}:`, error),
  });
  registerIpc(handlers.channels);
  return handlers;
}
