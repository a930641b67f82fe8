/**
 * `npm run dist` on Linux, offline: electron-builder's real AppImage and deb targets run with a stand-in
 * Electron up to the step that would download appimagetool / fpm (linux-targets-probe.mjs). That proves
 * the deb no longer stops for a missing homepage or author email (Maintainer is the project, no person),
 * the installed .desktop file is named after `desktopName` (the app identity portals look up), links are
 * declared, and the AppImage's own entry does not switch the sandbox off for everyone. The AppImage's
 * launcher (electron-builder's AppRun) is run in bash with a working and a refused `unshare`.
 */
import { execFile, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_ID, PROTOCOL } from '../../main/app/desktop/deep-link';
import { electronVersion, makeStandInElectron, offlineEnv, ROOT } from './stand-in-electron';

const work = mkdtempSync(join(tmpdir(), 'wawp-linux-targets-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Probe {
  appImage: { desktop: string; desktopFileName: string };
  deb: { args: string[]; desktop: string };
}
let probe: Probe;

/** Reads a .desktop file's [Desktop Entry] keys. */
function entries(text: string): Record<string, string> {
  return Object.fromEntries(
    text
      .split('\n')
      .filter((line) => line.includes('='))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
}

function fpmArg(name: string): string | undefined {
  const at = probe.deb.args.indexOf(`--${name}`);
  return at < 0 ? undefined : probe.deb.args[at + 1];
}

beforeAll(async () => {
  const dist = makeStandInElectron(work);
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [join(ROOT, 'test/installer/linux-targets-probe.mjs'), dist, electronVersion(), join(work, 'out')],
    {
      cwd: ROOT,
      env: { ...process.env, VITEST: '', ...offlineEnv(work) },
      timeout: 120_000,
      maxBuffer: 1 << 24,
    },
  );
  const marker = stdout.lastIndexOf('@@PROBE@@');
  if (marker < 0) throw new Error(`the probe printed no result:\n${stdout.slice(-2000)}`);
  probe = JSON.parse(stdout.slice(marker + '@@PROBE@@'.length)) as Probe;
}, 180_000);

describe('the deb (recommended Linux download)', () => {
  it('gets past the metadata checks: homepage and a maintainer that is the project, not a person', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { homepage: string };
    expect(fpmArg('url')).toBe(manifest.homepage);
    expect(fpmArg('maintainer')).toBe('wawp-link contributors');
    expect(fpmArg('maintainer')).not.toMatch(/@/); // no invented e-mail address
  });

  it(`installs /usr/share/applications/${APP_ID}.desktop, the name Electron reports as its identity`, () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { desktopName: string };
    expect(manifest.desktopName).toBe(`${APP_ID}.desktop`);
    const mapping = probe.deb.args.find((arg) => arg.endsWith('.desktop') && arg.includes('='));
    expect(mapping?.split('=')[1]).toBe(`/usr/share/applications/${manifest.desktopName}`);
  });

  it('its .desktop file opens wawp-link:// links, matches the window class and keeps the sandbox on', () => {
    const desktop = entries(probe.deb.desktop);
    expect(desktop.MimeType).toBe(`x-scheme-handler/${PROTOCOL};`);
    expect(desktop.Exec).toBe('/opt/wawp-link/wawp-link %U');
    expect(desktop.StartupWMClass).toBe(APP_ID);
    expect(desktop.Icon).toBe('wawp-link');
  });
});

describe('the AppImage', () => {
  it('embeds a .desktop entry without --no-sandbox, named after desktopName', () => {
    expect(probe.appImage.desktopFileName).toBe(`${APP_ID}.desktop`);
    const desktop = entries(probe.appImage.desktop);
    expect(desktop.Exec).toBe('AppRun %U');
    expect(probe.appImage.desktop).not.toContain('no-sandbox');
    expect(desktop.MimeType).toBe(`x-scheme-handler/${PROTOCOL};`);
  });

  const { generateAppRunScript } = createRequire(import.meta.url)(
    join(ROOT, 'node_modules/app-builder-lib/out/targets/appimage/appImageUtil.js'),
  ) as { generateAppRunScript: (config: Record<string, string>) => string };

  /** Runs electron-builder's AppRun with a fake app binary and a fake `unshare`; returns the app's argv. */
  function launch(unshareWorks: boolean, args: string[]): string[] {
    const appDir = mkdtempSync(join(work, 'appdir-'));
    const bin = join(appDir, 'fake-bin');
    mkdirSync(bin);
    const script = generateAppRunScript({
      DesktopFileName: `${APP_ID}.desktop`,
      ExecutableName: 'wawp-link',
      ProductName: 'wawp-link',
      ProductFilename: 'wawp-link',
      ResourceName: 'appimagekit-wawp-link',
    });
    writeFileSync(join(appDir, 'AppRun'), script, { mode: 0o755 });
    writeFileSync(join(appDir, 'wawp-link'), `#!/bin/sh\nprintf '%s\\n' "$@" > "${appDir}/argv"\n`);
    writeFileSync(join(bin, 'unshare'), `#!/bin/sh\nexit ${unshareWorks ? 0 : 1}\n`);
    chmodSync(join(appDir, 'wawp-link'), 0o755);
    chmodSync(join(bin, 'unshare'), 0o755);
    const run = spawnSync('bash', [join(appDir, 'AppRun'), ...args], {
      env: {
        PATH: `${bin}:/usr/bin:/bin`,
        APPDIR: appDir,
        APPIMAGE: join(work, 'wawp-link.AppImage'),
        HOME: work,
      },
      encoding: 'utf8',
    });
    expect(run.status, run.stderr).toBe(0);
    return readFileSync(join(appDir, 'argv'), 'utf8').split('\n').filter(Boolean);
  }

  it('keeps the sandbox where user namespaces work', () => {
    expect(launch(true, ['--hidden'])).toEqual(['--hidden']);
  });

  it('starts without the sandbox only where user namespaces are refused (Ubuntu 23.10+ AppArmor)', () => {
    expect(launch(false, ['--hidden'])).toEqual(['--no-sandbox', '--hidden']);
  });
});
