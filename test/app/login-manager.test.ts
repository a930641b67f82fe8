/** The LoginManager's own rules, over a scripted stand-in session (the real engine is covered elsewhere). */
import { describe, expect, it } from 'vitest';
import type { LoginEvent } from '../../common/model';
import { createLoginManager, type StatusEntry } from '../../main/app/handlers/login-manager';
import type { LoginSession } from '../../main/login/types';

function scriptedSession() {
  const listeners = new Set<(event: LoginEvent) => void>();
  const calls: string[] = [];
  const session: LoginSession = {
    start: () => void calls.push('start'),
    stop: () => {
      calls.push('stop');
      for (const listener of listeners) listener({ type: 'stopped' });
    },
    restart: () => Promise.resolve(void calls.push('restart')),
    requestPairingCode: () =>
      Promise.resolve({ ok: true, pairing: { code: 'ABCD-1234', phone: '201012345678' } }),
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  const emit = (event: LoginEvent): void => listeners.forEach((listener) => listener(event));
  return { session, calls, emit, listeners };
}

const target = (instanceId: string) => ({
  baseUrl: 'http://127.0.0.1:1',
  instanceId,
  token: 't-1234',
  expectedPhone: null,
});

describe('LoginManager', () => {
  it('opens one session per instance, forwards its events tagged with the instance, and caches the status', () => {
    const scripted = scriptedSession();
    const pushed: unknown[] = [];
    const changes: [string, StatusEntry][] = [];
    let opened = 0;
    const manager = createLoginManager(
      () => {
        opened += 1;
        return scripted.session;
      },
      (channel, payload) => pushed.push([channel, payload]),
    );
    manager.onStatusChange((id, entry) => changes.push([id, entry]));
    manager.start(target('AAAAAAAAAAAA'));
    manager.start(target('AAAAAAAAAAAA'));
    expect(opened).toBe(1);
    expect(scripted.calls).toEqual(['start', 'start']);
    scripted.emit({ type: 'status', status: 'SCAN_QR_CODE', rawStatus: 'SCAN_QR_CODE' });
    scripted.emit({ type: 'qr', value: 'v', expiresAt: 1, index: 1, expectedCount: 6 });
    scripted.emit({
      type: 'connected',
      me: { id: '1@c.us', pushName: 'A' },
      expectedPhone: null,
      phoneMatches: null,
    });
    expect(pushed).toHaveLength(3);
    expect(pushed[1]).toEqual([
      'login:event',
      { instanceId: 'AAAAAAAAAAAA', event: expect.objectContaining({ type: 'qr' }) as unknown },
    ]);
    expect(manager.status('AAAAAAAAAAAA')).toEqual({
      status: 'WORKING',
      me: { id: '1@c.us', pushName: 'A' },
      error: null,
      active: true,
    });
    expect(changes.map(([, entry]) => entry.status)).toEqual(['UNKNOWN', 'SCAN_QR_CODE', 'WORKING']);
  });

  it('ignores background observations while a session runs, and takes them when none does', () => {
    const scripted = scriptedSession();
    const manager = createLoginManager(
      () => scripted.session,
      () => undefined,
    );
    manager.observe('AAAAAAAAAAAA', { status: 'FAILED' });
    expect(manager.status('AAAAAAAAAAAA').status).toBe('FAILED');
    manager.start(target('AAAAAAAAAAAA'));
    manager.observe('AAAAAAAAAAAA', { status: 'STOPPED' });
    expect(manager.status('AAAAAAAAAAAA').status).toBe('FAILED');
  });

  it('stop ends the session, unsubscribes, and marks it inactive; forget drops the cache', async () => {
    const scripted = scriptedSession();
    const pushed: unknown[] = [];
    const manager = createLoginManager(
      () => scripted.session,
      (channel, payload) => pushed.push([channel, payload]),
    );
    manager.start(target('AAAAAAAAAAAA'));
    manager.stop('AAAAAAAAAAAA');
    expect(scripted.calls).toEqual(['start', 'stop']);
    expect(scripted.listeners.size).toBe(0);
    expect(manager.isActive('AAAAAAAAAAAA')).toBe(false);
    expect(pushed.at(-1)).toEqual([
      'login:event',
      { instanceId: 'AAAAAAAAAAAA', event: { type: 'stopped' } },
    ]);
    expect(await manager.restart('AAAAAAAAAAAA')).toBe(false);
    expect(await manager.requestPairingCode('AAAAAAAAAAAA', '201012345678')).toBeNull();
    manager.forget('AAAAAAAAAAAA');
    expect(manager.status('AAAAAAAAAAAA')).toEqual({
      status: 'UNKNOWN',
      me: null,
      error: null,
      active: false,
    });
  });
});
