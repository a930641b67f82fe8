import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const unavailable = process.env.WAWP_TEST_KEYRING_UNAVAILABLE;

describe.skipIf(Boolean(unavailable))('test keyring', () => {
  it('is a private Secret Service with an unlocked login collection', () => {
    expect(process.env.DBUS_SESSION_BUS_ADDRESS).toMatch(/^unix:path=/);
    const reply = execFileSync('dbus-send', [
      '--session',
      '--print-reply',
      '--dest=org.freedesktop.secrets',
      '/org/freedesktop/secrets/collection/login',
      'org.freedesktop.DBus.Properties.Get',
      'string:org.freedesktop.Secret.Collection',
      'string:Locked',
    ]).toString();
    expect(reply).toContain('boolean false');
  });
});
