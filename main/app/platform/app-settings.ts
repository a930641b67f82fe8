/** Opens the app's settings.json with electron-store in Electron's userData folder; notices go to the log. */
import { app } from 'electron';
import ElectronStore from 'electron-store';
import { openSettings, type Settings } from '../../store/settings';
import { log } from './log';

/** The settings store; a corrupt file is backed up and reset (logged), never a crash. */
export function openAppSettings(): Settings {
  const { settings, notices } = openSettings({
    Store: ElectronStore,
    cwd: app.getPath('userData'),
    onNotice: (notice) => log.warn(`settings: ${notice.message}`),
  });
  for (const notice of notices) log.warn(`settings: ${notice.message}`);
  return settings;
}
