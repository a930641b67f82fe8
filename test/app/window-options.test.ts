import { describe, expect, it } from 'vitest';
import { mainWindowOptions, PRELOAD_PATH, webPreferences } from '../../main/app/windows/window-options';
import { isAllowedExternalUrl } from '../../main/app/windows/security-policy';

describe('main window options', () => {
  it('are sandboxed, context-isolated and without Node in every frame and worker', () => {
    expect(webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('load the CommonJS preload built beside out/main', () => {
    expect(PRELOAD_PATH.replaceAll('\\', '/')).toMatch(/\/preload\/index\.cjs$/);
    expect(mainWindowOptions(null).webPreferences?.preload).toBe(PRELOAD_PATH);
  });

  it('start hidden and restore saved bounds, ignoring absurd ones', () => {
    expect(mainWindowOptions({ x: 10, y: 20, width: 800, height: 600 })).toMatchObject({
      x: 10,
      y: 20,
      width: 800,
      height: 600,
      show: false,
    });
    const bad = mainWindowOptions({ width: Number.NaN, height: 99_999 });
    expect(bad).toMatchObject({ width: 960, height: 720 });
    expect(bad).not.toHaveProperty('x');
  });
});

describe('external links', () => {
  it('open only https links on allow-listed hosts', () => {
    expect(isAllowedExternalUrl('https://help.wawp.net/en/articles/x')).toBe(true);
    expect(isAllowedExternalUrl('http://help.wawp.net/')).toBe(false);
    expect(isAllowedExternalUrl('https://wawp.net.evil.example/')).toBe(false);
    expect(isAllowedExternalUrl('https://user:pw@wawp.net/')).toBe(false);
    expect(isAllowedExternalUrl('file:///etc/passwd')).toBe(false);
    expect(isAllowedExternalUrl('javascript:alert(1)')).toBe(false);
    expect(isAllowedExternalUrl('not a url')).toBe(false);
  });
});
