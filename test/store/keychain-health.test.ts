import { describe, expect, it } from 'vitest';
import { classifyKeychainError, healthFromError } from '../../main/store/keychain-health';
import { SecretStoreError } from '../../main/store/secret-error';
import { accountFor, keyFromAccount, normaliseBaseUrl } from '../../main/store/secret-key';

describe('keychain error classification', () => {
  it.each([
    ['Cannot autolaunch D-Bus without X11 $DISPLAY', 'no-dbus'],
    [
      'Error spawning command line “dbus-launch --autolaunch=abc --binary-syntax --close-stderr”: Child process exited with code 1',
      'no-dbus',
    ],
    ['Could not connect: No such file or directory', 'no-dbus'],
    ['The name org.freedesktop.secrets was not provided by any .service files', 'no-provider'],
    ['Object does not exist at path “/org/freedesktop/secrets/collection/login”', 'locked'],
    ['User interaction is not allowed.', 'locked'],
    ['Something else entirely', 'error'],
  ])('%s -> %s', (message, state) => {
    expect(classifyKeychainError(new Error(message))).toBe(state);
  });

  it('treats a timeout as a locked keyring and says so', () => {
    const health = healthFromError(
      new SecretStoreError('timeout', 'The keychain did not answer in time.'),
      'darwin',
    );
    expect(health.state).toBe('locked');
    expect(health.message).toMatch(/did not answer in time.*Keychain Access/);
  });

  it('gives per-platform fixes', () => {
    const error = new Error('The name org.freedesktop.secrets was not provided by any .service files');
    expect(healthFromError(error, 'linux').message).toMatch(/gnome-keyring/);
    expect(healthFromError(new Error('boom'), 'win32').message).toMatch(/Credential Manager/);
  });
});

describe('secret keys', () => {
  it('normalises base URLs and round-trips accounts', () => {
    expect(normaliseBaseUrl(' HTTPS://Api.WAWP.net:443/v2/ ')).toBe('https://api.wawp.net/v2');
    expect(normaliseBaseUrl('http://127.0.0.1:8787/')).toBe('http://127.0.0.1:8787');
    const account = accountFor({ baseUrl: 'https://API.wawp.net/', instanceId: '3EB0BCB2E3D4' });
    expect(account).toBe('https://api.wawp.net|3EB0BCB2E3D4');
    expect(keyFromAccount(account)).toEqual({ baseUrl: 'https://api.wawp.net', instanceId: '3EB0BCB2E3D4' });
    expect(keyFromAccount('__wawp-link-probe__')).toBeNull();
  });

  it('rejects URLs that could carry credentials', () => {
    expect(() => normaliseBaseUrl('https://u:p@api.wawp.net')).toThrow(/user name/);
    expect(() => normaliseBaseUrl('https://api.wawp.net/?access_token=abc')).toThrow(/query/);
    expect(() => normaliseBaseUrl('file:///etc/passwd')).toThrow(/https/);
  });
});
