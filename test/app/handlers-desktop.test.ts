/**
 * Settings over the real handlers with a stand-in OS: launch at login is shown as the OS has it (not as
 * saved), a change reaches the OS only when the user changed that setting, and a refused shortcut and the
 * platform notes reach the renderer as data.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { DesktopStatusView, Preferences } from '../../common/ipc';
import { launchAtLoginChange } from '../../main/app/desktop/desktop-preferences';
import { handlerFixture, type HandlerFixture } from './handler-fixture';

let fixture: HandlerFixture | null = null;
afterEach(async () => {
  await fixture?.close();
  fixture = null;
});

/** An OS whose login-item state the user can change behind the app's back. */
function fakeOs() {
  const os = { launchAtLogin: false, sets: [] as boolean[] };
  const status = (): DesktopStatusView => ({
    launchAtLogin: os.launchAtLogin,
    shortcut: { state: 'failed', accelerator: 'Super+W', reason: 'Super+W could not be registered.' },
    notes: ['appimage-no-links'],
    banners: [],
  });
  const applyPreferences = (_preferences: Preferences, patch: Partial<Preferences>): void => {
    const wanted = launchAtLoginChange(patch, os.launchAtLogin);
    if (wanted === null) return;
    os.sets.push(wanted);
    os.launchAtLogin = wanted;
  };
  return { os, deps: { desktopStatus: status, applyPreferences } };
}

describe('settings and the desktop integration', () => {
  it('shows the OS state, not the saved wish, and never re-enables what the user turned off in the OS', async () => {
    const { os, deps } = fakeOs();
    fixture = await handlerFixture(undefined, undefined, deps);
    const channels = fixture.app.channels;
    await channels['settings:set']({ launchAtLogin: true });
    expect(os.sets).toEqual([true]);
    os.launchAtLogin = false; // the user turns it off in System Settings / Startup apps
    const view = await channels['settings:get']();
    expect(view.preferences.launchAtLogin).toBe(false);
    const saved = await channels['settings:set']({ notifications: false });
    expect(saved.ok && saved.value.launchAtLogin).toBe(false);
    expect(os.sets).toEqual([true]); // changing something else left the OS alone
  });

  it('hands the shortcut outcome and the platform notes to the renderer', async () => {
    fixture = await handlerFixture(undefined, undefined, fakeOs().deps);
    const view = await fixture.app.channels['settings:get']();
    expect(view.desktop?.shortcut).toMatchObject({ state: 'failed', accelerator: 'Super+W' });
    expect(view.desktop?.notes).toEqual(['appimage-no-links']);
  });

  it('has no desktop section where there is no desktop (harness, CLI)', async () => {
    fixture = await handlerFixture();
    expect((await fixture.app.channels['settings:get']()).desktop).toBeUndefined();
  });
});
