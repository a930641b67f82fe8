import { describe, expect, it } from 'vitest';
import { createNotificationKeeper } from '../../main/app/desktop/notification-keeper';

function note() {
  return { closes: 0, close() { this.closes += 1; } }; // prettier-ignore
}

describe('createNotificationKeeper: references live as long as a click can arrive', () => {
  it('keeps a Windows toast that timed out into Action Center, and hands it over on a click', () => {
    const keeper = createNotificationKeeper<ReturnType<typeof note>>('win32');
    const toast = note();
    keeper.keep('A', toast);
    keeper.closed('A', toast, 'timedOut');
    expect(keeper.ids()).toEqual(['A']);
    expect(keeper.take('A')).toBe(toast);
    expect(keeper.ids()).toEqual([]);
  });

  it('lets go when the user dismissed it, and elsewhere on any close', () => {
    const windows = createNotificationKeeper<ReturnType<typeof note>>('win32');
    const dismissed = note();
    windows.keep('A', dismissed);
    windows.closed('A', dismissed, 'userCanceled');
    expect(windows.ids()).toEqual([]);
    const mac = createNotificationKeeper<ReturnType<typeof note>>('darwin');
    const shown = note();
    mac.keep('A', shown);
    mac.closed('A', shown, 'timedOut');
    expect(mac.ids()).toEqual([]);
  });

  it('replaces an older notification for the same instance, closing it', () => {
    const keeper = createNotificationKeeper<ReturnType<typeof note>>('win32');
    const [first, second] = [note(), note()];
    keeper.keep('A', first);
    keeper.keep('A', second);
    expect(first.closes).toBe(1);
    keeper.closed('A', first, 'userCanceled'); // the old one's close does not drop the new one
    expect(keeper.take('A')).toBe(second);
  });

  it('takes a stale toast down once the instance is linked again', () => {
    const keeper = createNotificationKeeper<ReturnType<typeof note>>('win32');
    const toast = note();
    keeper.keep('A', toast);
    keeper.closed('A', toast, 'timedOut');
    keeper.resolve('A');
    expect(toast.closes).toBe(1);
    expect(keeper.ids()).toEqual([]);
    keeper.resolve('A'); // nothing kept: nothing closed twice
    expect(toast.closes).toBe(1);
  });
});
