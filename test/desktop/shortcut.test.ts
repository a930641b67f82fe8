/** shortcut.ts against a stand-in globalShortcut: a refused registration is reported as failed, not success. */
import { beforeEach, describe, expect, it, vi } from 'vitest';

const owned = new Set<string>();
const taken = new Set<string>(['CommandOrControl+Shift+K']);
let portalDrops = false; // register() says yes but nothing is bound (a portal that refused the app)
vi.mock('electron', () => ({
  globalShortcut: {
    register: (accelerator: string) => {
      if (taken.has(accelerator)) return false;
      if (!portalDrops) owned.add(accelerator);
      return true;
    },
    isRegistered: (accelerator: string) => owned.has(accelerator),
    unregister: (accelerator: string) => owned.delete(accelerator),
  },
}));

const { setupShortcut } = await import('../../main/app/desktop/shortcut');

beforeEach(() => {
  owned.clear();
  portalDrops = false;
});

describe('setupShortcut', () => {
  it('reports a registered shortcut, and off when disabled', () => {
    const shortcut = setupShortcut(() => undefined);
    expect(shortcut.status()).toEqual({ state: 'off', accelerator: '', reason: null });
    expect(shortcut.apply({ enabled: true, accelerator: 'ctrl+shift+l' })).toEqual({
      ok: true,
      value: 'Control+Shift+L',
    });
    expect(shortcut.status()).toEqual({ state: 'registered', accelerator: 'Control+Shift+L', reason: null });
    shortcut.apply({ enabled: false, accelerator: 'ctrl+shift+l' });
    expect(shortcut.status().state).toBe('off');
    expect(owned.size).toBe(0);
  });

  it('reports a shortcut another app owns as failed, with what to do', () => {
    const shortcut = setupShortcut(() => undefined);
    expect(shortcut.apply({ enabled: true, accelerator: 'CommandOrControl+Shift+K' }).ok).toBe(false);
    expect(shortcut.status()).toMatchObject({ state: 'failed', accelerator: 'CommandOrControl+Shift+K' });
    expect(shortcut.status().reason).toMatch(/Choose another shortcut/);
  });

  it('does not believe a registration the OS did not keep', () => {
    portalDrops = true;
    const shortcut = setupShortcut(() => undefined);
    expect(shortcut.apply({ enabled: true, accelerator: 'Super+Alt+W' }).ok).toBe(false);
    expect(shortcut.status().state).toBe('failed');
  });

  it('reports an invalid accelerator as failed', () => {
    const shortcut = setupShortcut(() => undefined);
    shortcut.apply({ enabled: true, accelerator: 'Shift+A' });
    expect(shortcut.status()).toMatchObject({ state: 'failed', reason: expect.any(String) as string });
  });
});
