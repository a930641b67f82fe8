/**
 * The BUILT preload (out/preload/index.cjs, `npm run build`) loaded as Electron would, with a stand-in for
 * the two electron objects it may use: its bridge covers every invoke channel with one verb each, and its
 * subscriptions register and unregister their listeners.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { INVOKE_CHANNELS, PUSH_CHANNELS } from '../../common/ipc';

const PRELOAD = join(import.meta.dirname, '../../out/preload/index.cjs');

function loadPreload() {
  const invoked: [string, unknown[]][] = [];
  const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
  const exposed = new Map<string, Record<string, (...args: unknown[]) => unknown>>();
  const electron = {
    contextBridge: {
      exposeInMainWorld: (key: string, api: Record<string, (...args: unknown[]) => unknown>) =>
        exposed.set(key, api),
    },
    ipcRenderer: {
      invoke: (channel: string, ...args: unknown[]) => {
        invoked.push([channel, args]);
        return Promise.resolve(null);
      },
      on: (channel: string, listener: (...args: unknown[]) => void) => {
        if (!listeners.has(channel)) listeners.set(channel, new Set());
        listeners.get(channel)!.add(listener);
      },
      removeListener: (channel: string, listener: (...args: unknown[]) => void) =>
        listeners.get(channel)?.delete(listener),
    },
  };
  const required: string[] = [];
  const module = { exports: {} };
  const require = (name: string) => {
    required.push(name);
    if (name !== 'electron') throw new Error(`sandboxed preload asked for ${name}`);
    return electron;
  };
  runInNewContext(readFileSync(PRELOAD, 'utf8'), { require, module, exports: module.exports });
  return { invoked, listeners, exposed, required };
}

describe('built preload', () => {
  it('requires only electron and exposes exactly one object, window.wawp', () => {
    const { exposed, required } = loadPreload();
    expect([...new Set(required)]).toEqual(['electron']);
    expect([...exposed.keys()]).toEqual(['wawp']);
  });

  it('has one verb per invoke channel, and together they invoke exactly INVOKE_CHANNELS', async () => {
    const { exposed, invoked } = loadPreload();
    const bridge = exposed.get('wawp')!;
    const verbs = Object.keys(bridge).filter((key) => !key.startsWith('on'));
    expect(verbs).toHaveLength(INVOKE_CHANNELS.length);
    for (const verb of verbs) await bridge[verb]!('arg-1', 'arg-2');
    expect(invoked.map(([channel]) => channel).sort()).toEqual([...INVOKE_CHANNELS].sort());
    expect(invoked.every(([, args]) => JSON.stringify(args) === '["arg-1","arg-2"]')).toBe(true);
  });

  it('has one subscription per push channel that hides the event and returns its unsubscribe', () => {
    const { exposed, listeners } = loadPreload();
    const bridge = exposed.get('wawp')!;
    const subscriptions = Object.keys(bridge).filter((key) => key.startsWith('on'));
    expect(subscriptions).toHaveLength(PUSH_CHANNELS.length);
    const received: unknown[][] = [];
    const unsubscribes = subscriptions.map((key) =>
      bridge[key]!((...args: unknown[]) => received.push(args)),
    );
    expect([...listeners.keys()].sort()).toEqual([...PUSH_CHANNELS].sort());
    for (const set of listeners.values())
      for (const listener of set) listener({ sender: 'secret-object' }, { x: 1 });
    expect(received).toEqual(PUSH_CHANNELS.map(() => [{ x: 1 }]));
    for (const unsubscribe of unsubscribes) (unsubscribe as () => void)();
    expect([...listeners.values()].every((set) => set.size === 0)).toBe(true);
  });

  it('exposes no generic send, invoke or ipcRenderer', () => {
    const bridge = loadPreload().exposed.get('wawp')!;
    for (const key of Object.keys(bridge)) expect(key).not.toMatch(/^(send|invoke|ipc|ipcRenderer)$/i);
  });
});
