/**
 * Launch at login on Linux: an XDG autostart entry (~/.config/autostart/wawp-link.desktop, per the
 * freedesktop Desktop Application Autostart spec) that starts the app with `--hidden`. Electron's
 * setLoginItemSettings covers only macOS and Windows. Plain Node (fs), no electron: tested on a temp dir.
 * https://specifications.freedesktop.org/autostart-spec/latest/
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join, resolve } from 'node:path';

export const AUTOSTART_FILE = 'wawp-link.desktop';
export const HIDDEN_FLAG = '--hidden';

/** `$XDG_CONFIG_HOME/autostart/wawp-link.desktop` (XDG_CONFIG_HOME must be absolute, else ~/.config). */
export function autostartPath(env: NodeJS.ProcessEnv = process.env, home = homedir()): string {
  const configHome =
    env.XDG_CONFIG_HOME && isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : join(home, '.config');
  return join(configHome, 'autostart', AUTOSTART_FILE);
}

/**
 * The command that starts this app: the AppImage file itself when running from one (its mount point
 * changes every run), the app path after Electron in development, else the executable.
 */
export function launchCommand(opts: {
  execPath: string;
  env: NodeJS.ProcessEnv;
  /** process.defaultApp: running as `electron <app path>`. */
  defaultApp: boolean;
  appPath?: string;
}): string[] {
  if (opts.env.APPIMAGE && isAbsolute(opts.env.APPIMAGE)) return [opts.env.APPIMAGE, HIDDEN_FLAG];
  if (opts.defaultApp && opts.appPath) return [opts.execPath, resolve(opts.appPath), HIDDEN_FLAG];
  return [opts.execPath, HIDDEN_FLAG];
}

/** Quotes one Exec argument per the Desktop Entry spec ("…" with \ " ` $ escaped; % doubled). */
export function quoteExecArg(arg: string): string {
  const escaped = arg.replace(/%/g, '%%');
  if (/^[A-Za-z0-9_./=:,+%-]+$/.test(escaped)) return escaped;
  return `"${escaped.replace(/[\\"`$]/g, (c) => `\\${c}`)}"`;
}

/** The autostart entry's text. Newlines in any value would forge keys, so they are refused. */
export function autostartEntry(command: readonly string[]): string {
  if (command.some((arg) => /[\r\n\0]/.test(arg)))
    throw new Error('autostart: a path contains a line break.');
  const exec = command.map(quoteExecArg).join(' ').replace(/\\/g, '\\\\');
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Version=1.0',
    'Name=wawp-link',
    'Comment=Link WhatsApp numbers to Wawp API instances (started in the tray)',
    `Exec=${exec}`,
    'Icon=wawp-link',
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

/** Writes or removes the entry; returns the resulting state. */
export function setAutostart(path: string, enabled: boolean, command: readonly string[]): boolean {
  if (!enabled) {
    rmSync(path, { force: true });
    return false;
  }
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, autostartEntry(command), { mode: 0o644 });
  return true;
}

/** True when our entry exists and is not disabled (Hidden=true or X-GNOME-Autostart-enabled=false). */
export function isAutostartEnabled(path: string): boolean {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return false;
  }
  return !/^Hidden\s*=\s*true\s*$/im.test(text) && !/^X-GNOME-Autostart-enabled\s*=\s*false\s*$/im.test(text);
}
