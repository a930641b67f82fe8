/**
 * Is there anything to show a tray icon? On Linux, Electron's Tray is a StatusNotifierItem, which only
 * appears when a host owns `org.kde.StatusNotifierWatcher` on the session bus (KDE, most panels; stock GNOME
 * only with the AppIndicator extension) — otherwise `new Tray()` succeeds and nothing is visible. We ask
 * D-Bus with `dbus-send`; when that fails we assume no host, so the window is never hidden out of reach.
 * macOS and Windows always have one. https://www.electronjs.org/docs/latest/api/tray#platform-considerations
 */
import { execFile } from 'node:child_process';

export const WATCHER = 'org.kde.StatusNotifierWatcher';

/** Reads `dbus-send --print-reply` output of NameHasOwner: true only for an explicit `boolean true`. */
export function parseNameHasOwner(output: string): boolean {
  return /^\s*boolean true\s*$/m.test(output);
}

/** Asks the session bus whether `name` has an owner; false on any failure (no bus, no dbus-send, timeout). */
export function busNameHasOwner(name: string, env: NodeJS.ProcessEnv, timeoutMs = 2_000): Promise<boolean> {
  if (!env.DBUS_SESSION_BUS_ADDRESS) return Promise.resolve(false);
  const args = [
    '--session',
    '--print-reply',
    '--dest=org.freedesktop.DBus',
    '/org/freedesktop/DBus',
    'org.freedesktop.DBus.NameHasOwner',
    `string:${name}`,
  ];
  return new Promise((resolve) => {
    execFile('dbus-send', args, { env, timeout: timeoutMs }, (error, stdout) => {
      resolve(!error && parseNameHasOwner(stdout));
    });
  });
}

/** Resolves whether a tray host runs; never rejects (Linux: any failure means no host). */
export function hasTrayHost(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
): Promise<boolean> {
  return platform === 'linux' ? busNameHasOwner(WATCHER, env) : Promise.resolve(true);
}
