import { describe, expect, it } from 'vitest';
import { busNameHasOwner, hasTrayHost, parseNameHasOwner } from '../../main/app/tray/tray-host';

describe('tray host detection', () => {
  it('reads dbus-send replies strictly', () => {
    expect(parseNameHasOwner('method return time=1.2 sender=org.freedesktop.DBus\n   boolean true\n')).toBe(
      true,
    );
    expect(parseNameHasOwner('method return time=1.2 sender=org.freedesktop.DBus\n   boolean false\n')).toBe(
      false,
    );
    expect(parseNameHasOwner('method return time=1.3 sender=:1.9\n   variant       boolean true\n')).toBe(
      true,
    );
    expect(parseNameHasOwner('method return time=1.3 sender=:1.9\n   variant       boolean false\n')).toBe(
      false,
    );
    expect(parseNameHasOwner('')).toBe(false);
    expect(parseNameHasOwner('Error org.freedesktop.DBus.Error.ServiceUnknown: boolean true?')).toBe(false);
  });

  it('always has a host on macOS and Windows', async () => {
    expect(await hasTrayHost('darwin', {})).toBe(true);
    expect(await hasTrayHost('win32', {})).toBe(true);
  });

  it('assumes no host on Linux without a session bus, or with one that is gone', async () => {
    expect(await hasTrayHost('linux', {})).toBe(false);
    const gone = { ...process.env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/wawp-bus' };
    expect(await hasTrayHost('linux', gone)).toBe(false);
  });

  // The test keyring's private bus (test/setup/keyring.ts) owns org.freedesktop.secrets and no tray watcher.
  it.skipIf(!process.env.DBUS_SESSION_BUS_ADDRESS || process.env.WAWP_TEST_KEYRING_UNAVAILABLE)(
    'asks the real session bus: the Secret Service is there, a tray watcher is not (like stock GNOME)',
    async () => {
      expect(await busNameHasOwner('org.freedesktop.secrets', process.env)).toBe(true);
      expect(await hasTrayHost('linux', process.env)).toBe(false);
    },
  );
});
