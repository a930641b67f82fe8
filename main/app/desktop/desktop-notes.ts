/**
 * Which desktop-integration facts the user should see in Settings, as a pure function of what the app
 * knows about its run (no electron): an AppImage started without Chromium's sandbox (electron-builder's
 * AppRun adds --no-sandbox only where the kernel refuses user namespaces, e.g. Ubuntu 23.10+/24.04),
 * an AppImage cannot receive wawp-link:// links or a portal identity without an installed .desktop file,
 * closing the window quits when no tray can show the app, and notifications the OS refused.
 */
import type { DesktopNote } from '../../../common/ipc';

export interface RunFacts {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  argv: readonly string[];
  /** A tray host shows our icon (tray-host.ts). */
  hasTray: boolean;
  /** A notification emitted `failed` in this run. */
  notificationsFailed: boolean;
}

/** The notes for this run, most important first. */
export function desktopNotes(facts: RunFacts): DesktopNote[] {
  const notes: DesktopNote[] = [];
  const appImage = facts.platform === 'linux' && Boolean(facts.env.APPIMAGE);
  if (appImage && facts.argv.includes('--no-sandbox')) notes.push('appimage-no-sandbox');
  if (facts.notificationsFailed) notes.push('notifications-failed');
  if (!facts.hasTray) notes.push('no-tray-close-quits');
  if (appImage) notes.push('appimage-no-links');
  return notes;
}
