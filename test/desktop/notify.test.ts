/**
 * notify.ts against a thin stand-in for Electron's Notification (an EventEmitter recording its options):
 * Windows toasts carry the link and clicks come through handleActivation even after the object timed out
 * into Action Center; a refused notification (`failed`, as on unsigned macOS builds) reaches the fallback.
 */
import { EventEmitter } from 'node:events';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';

const shown: FakeNotification[] = [];
let activation: ((details: { type: string; arguments: string }) => void) | null = null;
const setAppUserModelId = vi.fn();

class FakeNotification extends EventEmitter {
  closed = 0;
  constructor(readonly options: Record<string, unknown>) {
    super();
  }
  show(): void {
    shown.push(this);
  }
  close(): void {
    this.closed += 1;
  }
  static isSupported = () => true;
  static handleActivation = (callback: typeof activation) => (activation = callback);
}

vi.mock('electron', () => ({ app: { setAppUserModelId, isPackaged: true }, Notification: FakeNotification }));

const { setupNotifications } = await import('../../main/app/desktop/notify');

function notifier() {
  const relinked: string[] = [];
  const failed: string[] = [];
  const n = setupNotifications({
    label: (id) => `Label ${id}`,
    enabled: () => true,
    relink: (id) => relinked.push(id),
    failed: (id) => failed.push(id),
  });
  return { n, relinked, failed };
}

const ID = '3EB0BCB2E3D4';

const realPlatform = process.platform;
afterAll(() => Object.defineProperty(process, 'platform', { value: realPlatform }));
beforeEach(() => {
  shown.length = 0;
  activation = null;
});

describe('notifications on Windows', () => {
  beforeEach(() => Object.defineProperty(process, 'platform', { value: 'win32' }));

  it('sends a toast with its link under the installer’s AppUserModelID', () => {
    const { n } = notifier();
    expect(setAppUserModelId).toHaveBeenCalledWith('net.wawp.link');
    n.observe(ID, 'WORKING');
    n.observe(ID, 'SCAN_QR_CODE');
    expect(shown).toHaveLength(1);
    expect(String(shown[0]!.options.toastXml)).toContain(`launch="wawp-link://login/${ID}"`);
  });

  it('a click in Action Center after the toast timed out still opens the login view', () => {
    const { n, relinked } = notifier();
    n.observe(ID, 'WORKING');
    n.observe(ID, 'FAILED');
    shown[0]!.emit('close', { reason: 'timedOut' });
    activation!({ type: 'click', arguments: `wawp-link://login/${ID}` });
    expect(relinked).toEqual([ID]);
    shown[0]!.emit('click'); // instance events are not wired on Windows: no second navigation
    expect(relinked).toEqual([ID]);
  });

  it('takes the toast out of Action Center once the instance is linked again', () => {
    const { n } = notifier();
    n.observe(ID, 'WORKING');
    n.observe(ID, 'STOPPED');
    shown[0]!.emit('close', { reason: 'timedOut' });
    n.observe(ID, 'WORKING');
    expect(shown[0]!.closed).toBe(1);
  });

  it('ignores activations that carry no valid link', () => {
    const { relinked } = notifier();
    activation!({ type: 'click', arguments: 'type=click&tag=x' });
    expect(relinked).toEqual([]);
  });
});

describe('notifications on macOS', () => {
  beforeEach(() => Object.defineProperty(process, 'platform', { value: 'darwin' }));

  it('a click or the Link again button opens the login view', () => {
    const { n, relinked } = notifier();
    n.observe(ID, 'WORKING');
    n.observe(ID, 'SCAN_QR_CODE');
    expect(shown[0]!.options.actions).toEqual([{ type: 'button', text: 'Link again' }]);
    shown[0]!.emit('action', {});
    expect(relinked).toEqual([ID]);
  });

  it('a refused notification (unsigned build) goes to the fallback instead of vanishing', () => {
    const { n, failed } = notifier();
    n.observe(ID, 'WORKING');
    n.observe(ID, 'FAILED');
    shown[0]!.emit('failed', {}, 'Notifications are not allowed for this application');
    expect(failed).toEqual([ID]);
  });
});
