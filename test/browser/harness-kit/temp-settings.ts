/** Real settings (main/store/settings.ts over plain-Node conf) in a fresh temp folder, deleted on dispose. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import type { SettingsPort } from '../../../main/app/handlers/handler-deps';
import { settingsPort } from '../../../main/app/handlers/settings-port';
import { openSettings, type Settings } from '../../../main/store/settings';

/** Opens settings.json in a new temp dir; `dispose()` deletes the folder. */
export function openTempSettings(): { port: SettingsPort; settings: Settings; dir: string; dispose(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'wawp-settings-'));
  const { settings } = openSettings({ Store: Conf, cwd: dir });
  return {
    port: settingsPort(settings),
    settings,
    dir,
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}
