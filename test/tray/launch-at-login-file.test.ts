import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  autostartEntry,
  autostartPath,
  isAutostartEnabled,
  launchCommand,
  quoteExecArg,
  setAutostart,
} from '../../main/app/desktop/launch-at-login-file';

const dir = mkdtempSync(join(tmpdir(), 'wawp-autostart-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('XDG autostart entry', () => {
  it('lives in $XDG_CONFIG_HOME/autostart, or ~/.config when that is unset or relative', () => {
    expect(autostartPath({ XDG_CONFIG_HOME: '/x/cfg' }, '/home/ann')).toBe(
      '/x/cfg/autostart/wawp-link.desktop',
    );
    expect(autostartPath({}, '/home/ann')).toBe('/home/ann/.config/autostart/wawp-link.desktop');
    expect(autostartPath({ XDG_CONFIG_HOME: 'cfg' }, '/home/ann')).toBe(
      '/home/ann/.config/autostart/wawp-link.desktop',
    );
  });

  it('starts the AppImage file itself, the app path in development, else the executable, always --hidden', () => {
    const execPath = '/opt/wawp-link/wawp-link';
    expect(
      launchCommand({ execPath, env: { APPIMAGE: '/home/ann/wawp-link.AppImage' }, defaultApp: false }),
    ).toEqual(['/home/ann/wawp-link.AppImage', '--hidden']);
    expect(
      launchCommand({ execPath: '/n/electron', env: {}, defaultApp: true, appPath: '/src/app' }),
    ).toEqual(['/n/electron', '/src/app', '--hidden']);
    expect(launchCommand({ execPath, env: {}, defaultApp: false })).toEqual([execPath, '--hidden']);
  });

  it('quotes Exec arguments as the Desktop Entry spec says', () => {
    expect(quoteExecArg('/opt/wawp-link/wawp-link')).toBe('/opt/wawp-link/wawp-link');
    expect(quoteExecArg('/home/ann/My Apps/w.AppImage')).toBe('"/home/ann/My Apps/w.AppImage"');
    expect(quoteExecArg('/a/$HOME`x`"q"')).toBe('"/a/\\$HOME\\`x\\`\\"q\\""');
    expect(quoteExecArg('/a/100%')).toBe('/a/100%%');
    // The string-level escape doubles backslashes once more inside the file.
    expect(autostartEntry(['/a b/\\x', '--hidden'])).toContain('Exec="/a b/\\\\\\\\x" --hidden\n');
  });

  it('refuses a path with a line break, which could forge another key', () => {
    expect(() => autostartEntry(['/tmp/x\nExec=/bin/evil'])).toThrow(/line break/);
  });

  it('is written, read back and removed', () => {
    const path = join(dir, 'config/autostart/wawp-link.desktop');
    expect(isAutostartEnabled(path)).toBe(false);
    expect(setAutostart(path, true, ['/opt/wawp-link/wawp-link', '--hidden'])).toBe(true);
    const text = readFileSync(path, 'utf8');
    expect(text.split('\n')[0]).toBe('[Desktop Entry]');
    expect(text).toContain('Type=Application\n');
    expect(text).toContain('Exec=/opt/wawp-link/wawp-link --hidden\n');
    expect(statSync(path).mode & 0o777).toBe(0o644);
    expect(isAutostartEnabled(path)).toBe(true);
    expect(setAutostart(path, false, [])).toBe(false);
    expect(existsSync(path)).toBe(false);
    expect(setAutostart(path, false, [])).toBe(false); // removing twice is fine
  });

  it('treats an entry the user disabled in their session settings as off', () => {
    const path = join(dir, 'disabled.desktop');
    writeFileSync(path, autostartEntry(['/x', '--hidden']).replace('enabled=true', 'enabled=false'));
    expect(isAutostartEnabled(path)).toBe(false);
    writeFileSync(path, `${autostartEntry(['/x'])}Hidden=true\n`);
    expect(isAutostartEnabled(path)).toBe(false);
  });
});
