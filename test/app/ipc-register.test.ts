/**
 * ipc.ts against a stand-in for the one Electron object it uses (ipcMain): it registers exactly
 * INVOKE_CHANNELS, and its guard lets our top frame through and refuses everything else.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { INVOKE_CHANNELS } from '../../common/ipc';
import type { Handlers } from '../../main/app/handlers/handler-kit';

const registered = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, fn: (event: unknown, ...args: unknown[]) => unknown) =>
      registered.set(channel, fn),
    removeHandler: (channel: string) => registered.delete(channel),
  },
}));
vi.mock('../../main/app/platform/log', () => ({ log: { warn: vi.fn(), info: vi.fn(), error: vi.fn() } }));

const { registerIpc, send, trustedSenders } = await import('../../main/app/ipc/ipc');

function fakeContents(id: number, destroyed = false) {
  const mainFrame = { url: 'file:///index.html' };
  return {
    id,
    mainFrame,
    isDestroyed: () => destroyed,
    once: vi.fn(),
    send: vi.fn(),
  };
}

const calls: [string, unknown[]][] = [];
const handlers = Object.fromEntries(
  INVOKE_CHANNELS.map((channel) => [
    channel,
    (...args: unknown[]) => {
      calls.push([channel, args]);
      return Promise.resolve({ ok: true, value: null });
    },
  ]),
) as unknown as Handlers;

describe('registerIpc', () => {
  beforeEach(() => {
    registered.clear();
    calls.length = 0;
  });

  it('registers exactly the channels of the contract, and removes them again', () => {
    const unregister = registerIpc(handlers);
    expect([...registered.keys()].sort()).toEqual([...INVOKE_CHANNELS].sort());
    unregister();
    expect(registered.size).toBe(0);
  });

  it('passes a trusted top-frame call through with its raw arguments', async () => {
    registerIpc(handlers);
    const ours = fakeContents(41);
    trustedSenders.track(ours as never);
    const result = await registered.get('login:start')!(
      { sender: ours, senderFrame: ours.mainFrame },
      'ABCDEF123456',
    );
    expect(result).toEqual({ ok: true, value: null });
    expect(calls).toEqual([['login:start', ['ABCDEF123456']]]);
  });

  it('refuses a foreign webContents and a subframe of ours without calling the handler', () => {
    registerIpc(handlers);
    const ours = fakeContents(42);
    trustedSenders.track(ours as never);
    const stranger = fakeContents(99);
    const call = registered.get('instances:list')!;
    expect(() => call({ sender: stranger, senderFrame: stranger.mainFrame })).toThrow(/Refused/);
    expect(() => call({ sender: ours, senderFrame: { url: 'https://evil.example/' } })).toThrow(/Refused/);
    expect(calls).toEqual([]);
  });

  it('sends pushes to tracked, live windows only', () => {
    const live = fakeContents(43);
    const dead = fakeContents(44, true);
    const untracked = fakeContents(45);
    trustedSenders.track(live as never);
    trustedSenders.track(dead as never);
    send('navigate', { view: 'add' });
    expect(live.send).toHaveBeenCalledWith('navigate', { view: 'add' });
    expect(dead.send).not.toHaveBeenCalled();
    expect(untracked.send).not.toHaveBeenCalled();
  });

  it('lets only a redacted message cross when a handler fails unexpectedly', async () => {
    const failing = {
      ...handlers,
      'instances:list': () => Promise.reject(new Error('boom at /v2/session/info?access_token=s3cr3t-tok')),
    };
    registerIpc(failing);
    const ours = fakeContents(46);
    trustedSenders.track(ours as never);
    const error = await (
      registered.get('instances:list')!({ sender: ours, senderFrame: ours.mainFrame }) as Promise<unknown>
    ).catch((e: unknown) => e as Error);
    expect((error as Error).message).toContain('boom');
    expect((error as Error).message).not.toContain('s3cr3t-tok');
  });
});
