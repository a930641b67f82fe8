/** Quit ends the process even while a keychain call hangs: the guard exits hard only then. */
import { describe, expect, it } from 'vitest';
import { guardQuit } from '../../main/app/platform/quit-guard';

function fixture(pending: number) {
  let quit: (() => void) | null = null;
  const kills: number[] = [];
  const logs: string[] = [];
  guardQuit({
    onQuit: (listener) => (quit = listener),
    pending: () => pending,
    log: (message) => logs.push(message),
    kill: () => kills.push(1),
  });
  return { quit: () => quit?.(), kills, logs };
}

describe('quit guard', () => {
  it('lets a normal quit run its course', () => {
    const fx = fixture(0);
    fx.quit();
    expect(fx.kills).toEqual([]);
    expect(fx.logs).toEqual([]);
  });
  it('exits hard when a keychain call has not settled, and says why in the log', () => {
    const fx = fixture(2);
    fx.quit();
    expect(fx.kills).toEqual([1]);
    expect(fx.logs).toEqual(['quit: 2 keychain call(s) still blocked; exiting without waiting for them']);
  });
});
