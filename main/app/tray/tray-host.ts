/**
 * Is there anything to show a tray icon? macOS and Windows always have one. On Linux Electron's Tray is a
 * StatusNotifierItem when a host is registered with `org.kde.StatusNotifierWatcher` on the session bus
 * (KDE, most panels; stock GNOME only with the AppIndicator extension), and otherwise falls back to
 * GtkStatusIcon, which an XEmbed tray shows (`_NET_SYSTEM_TRAY_S<n>` owned on X11; never under Wayland).
 * Electron reports neither, so we ask D-Bus (dbus-send) and the X server (x11-selection.ts); any failure
 * counts as "no host", so the window is never hidden out of reach.
 * https://www.electronjs.org/docs/latest/api/tray#platform-considerations
 */
import { execFile } from 'node:child_process';
import { xembedTrayRuns } from './x11-selection';

export const WATCHER = 'org.kde.StatusNotifierWatcher';

/** Reads `dbus-send --print-reply` output of a boolean reply or property: true only for `boolean true`. */
export function parseNameHasOwner(output: string): boolean {
  return /^\s*(?:variant\s+)?boolean true\s*$/m.test(output);
}

function dbusBoolean(args: string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<boolean> {
  if (!env.DBUS_SESSION_BUS_ADDRESS) return Promise.resolve(false);
  return new Promise((resolve) => {
    execFile(
      'dbus-send',
      ['--session', '--print-reply', ...args],
      { env, timeout: timeoutMs },
      (error, stdout) => {
        resolve(!error && parseNameHasOwner(stdout));
      },
    );
  });
}

/** Asks the session bus whether `name` has an owner; false on any failure (no bus, no dbus-send, timeout). */
export function busNameHasOwner(name: string, env: NodeJS.ProcessEnv, timeoutMs = 2_000): Promise<boolean> {
  const call = ['--dest=org.freedesktop.DBus', '/org/freedesktop/DBus', 'org.freedesktop.DBus.NameHasOwner'];
  return dbusBoolean([...call, `string:${name}`], env, timeoutMs);
}

/** A StatusNotifier watcher runs and a host (a panel that draws items) has registered with it. */
export async function statusNotifierHostRuns(env: NodeJS.ProcessEnv, timeoutMs = 2_000): Promise<boolean> {
  if (!(await busNameHasOwner(WATCHER, env, timeoutMs))) return false;
  const property = [`--dest=${WATCHER}`, '/StatusNotifierWatcher', 'org.freedesktop.DBus.Properties.Get'];
  return dbusBoolean(
    [...property, `string:${WATCHER}`, 'string:IsStatusNotifierHostRegistered'],
    env,
    timeoutMs,
  );
}

/**
 * Whether this Electron draws its windows through X11 (so a GtkStatusIcon can reach an XEmbed tray):
 * `--ozone-platform` when given, else Electron's automatic choice (Wayland whenever WAYLAND_DISPLAY is set).
 */
export function usesX11(env: NodeJS.ProcessEnv, argv: readonly string[]): boolean {
  const flag = argv.find((arg) => arg.startsWith('--ozone-platform='))?.split('=')[1];
  if (flag) return flag === 'x11';
  return !env.WAYLAND_DISPLAY && Boolean(env.DISPLAY);
}

/** Which host would show our icon: a StatusNotifier panel, an XEmbed tray, the OS's own, or none. */
export type TrayHost = 'native' | 'status-notifier' | 'xembed' | 'none';

/** Resolves which tray host runs; never rejects (Linux: any failure means none). */
export async function detectTrayHost(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  argv: readonly string[] = process.argv,
): Promise<TrayHost> {
  if (platform !== 'linux') return 'native';
  if (await statusNotifierHostRuns(env)) return 'status-notifier';
  if (usesX11(env, argv) && (await xembedTrayRuns(env))) return 'xembed';
  return 'none';
}

/** Resolves whether a tray host shows the icon (see detectTrayHost). */
export async function hasTrayHost(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  argv: readonly string[] = process.argv,
): Promise<boolean> {
  return (await detectTrayHost(platform, env, argv)) !== 'none';
}

/**
 * What closing the main window does. With a tray it hides (the tray brings it back, and Quit is there).
 * macOS keeps the app in the Dock, which reopens the window. Without any tray — stock GNOME — it quits,
 * as GNOME apps do: a hidden window with no icon anywhere could not be found again.
 */
export function closeAction(platform: NodeJS.Platform, hasTray: boolean): 'hide' | 'quit' {
  if (platform === 'darwin' || hasTray) return 'hide';
  return 'quit';
}
