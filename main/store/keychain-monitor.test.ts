import { describe, expect, it } from 'vitest';
import { CHECKING, createKeychainMonitor } from './keychain-monitor';
import type { KeychainHealth } from './secrets';

describe('keychain monitor', () => {
  it('reports checking until the first probe answers, and joins a probe in flight', async () => {
    let release!: (health: KeychainHealth) => void;
    let probes = 0;
    const monitor = createKeychainMonitor({
      probe: () => {
        probes++;
        return new Promise((resolve) => (release = resolve));
      },
    });
    expect(monitor.current()).toBe(CHECKING);
    const a = monitor.check({ force: true });
    const b = monitor.check({ force: true });
    expect(probes).toBe(1);
    release({ state: 'ok', message: '' });
    expect(await a).toEqual({ state: 'ok', message: '' });
    expect(await b).toEqual({ state: 'ok', message: '' });
    expect(monitor.current().state).toBe('ok');
  });

  it('reuses a recent answer unless forced', async () => {
    let clock = 0;
    let probes = 0;
    const monitor = createKeychainMonitor({
      probe: () => Promise.resolve({ state: 'locked', message: `probe ${++probes}` }),
      now: () => clock,
      minIntervalMs: 5000,
    });
    await monitor.check();
    await monitor.check();
    expect(probes).toBe(1);
    clock += 4999;
    await monitor.check();
    expect(probes).toBe(1);
    await monitor.check({ force: true });
    expect(probes).toBe(2);
    clock += 5000;
    expect((await monitor.check()).message).toBe('probe 3');
  });

  it('turns a probe that throws into state error, and probes again next time', async () => {
    let fail = true;
    const monitor = createKeychainMonitor({
      probe: () =>
        fail
          ? Promise.reject(new Error('native module gone'))
          : Promise.resolve({ state: 'ok', message: '' }),
      minIntervalMs: 0,
    });
    expect(await monitor.check()).toEqual({
      state: 'error',
      message: 'The keychain check failed (native module gone).',
    });
    fail = false;
    expect((await monitor.check()).state).toBe('ok');
  });
});
