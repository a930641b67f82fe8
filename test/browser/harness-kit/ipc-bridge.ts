/**
 * The Node side of the harness's IPC transport: the invoke binding (sender guard, then the real handler),
 * ordered push delivery, and a log of every message in both directions for token-leak assertions.
 */
import type { BrowserContext, Page } from 'playwright-core';
import {
  INVOKE_CHANNELS,
  type InvokeChannel,
  type PushChannel,
  type PushChannels,
} from '../../../common/ipc';
import type { Handlers } from '../../../main/app/handlers/handler-kit';
import { dispatch } from '../../../main/app/ipc/ipc-dispatch';
import { isTrustedSender } from '../../../main/app/ipc/ipc-guard';
import { INVOKE_BINDING, PUSH_FUNCTION } from './preload-shim';

/** One IPC message as the harness saw it. `towardsRenderer` marks results, errors and pushes. */
export type IpcRecord =
  | { kind: 'invoke'; channel: string; args: unknown[]; towardsRenderer: false }
  | { kind: 'result'; channel: string; value: unknown; towardsRenderer: true }
  | { kind: 'error'; channel: string; message: string; towardsRenderer: true }
  | { kind: 'refused'; channel: string; reason: string; towardsRenderer: true }
  | { kind: 'push'; channel: PushChannel; payload: unknown; towardsRenderer: true };

/** The transport between one page and the handlers. */
export interface IpcBridge {
  log: IpcRecord[];
  /** Delivers a push to the page (in order); resolves once delivered, never rejects. */
  push<C extends PushChannel>(channel: C, payload: PushChannels[C]): Promise<void>;
  /** Resolves when every queued push was delivered. */
  flush(): Promise<void>;
}

const SENDER_ID = 1;

/** Installs the binding on the context and returns the push side for `page`. */
export async function installIpcBridge(
  context: BrowserContext,
  getPage: () => Page | null,
  handlers: Handlers,
): Promise<IpcBridge> {
  const log: IpcRecord[] = [];
  const known = new Set<string>(INVOKE_CHANNELS);
  await context.exposeBinding(INVOKE_BINDING, async (source, channel: unknown, args: unknown) => {
    const name = typeof channel === 'string' ? channel : String(channel);
    const list = Array.isArray(args) ? (args as unknown[]) : [args];
    log.push({ kind: 'invoke', channel: name, args: list, towardsRenderer: false });
    const page = getPage();
    // The same guard as ipc.ts: our page only, top frame only.
    const event = { sender: { id: SENDER_ID, mainFrame: page?.mainFrame() }, senderFrame: source.frame };
    const trusted =
      page !== null && source.page === page && isTrustedSender(event, { has: (id) => id === SENDER_ID });
    if (!trusted || !known.has(name)) {
      const reason = !trusted ? 'untrusted sender' : 'no handler';
      log.push({ kind: 'refused', channel: name, reason, towardsRenderer: true });
      throw new Error(`Error invoking remote method '${name}': ${reason}`);
    }
    const handler = handlers[name as InvokeChannel] as (...a: unknown[]) => Promise<unknown>;
    try {
      const value = await dispatch(handler, list, () => undefined);
      log.push({ kind: 'result', channel: name, value, towardsRenderer: true });
      return value;
    } catch (error) {
      const message = (error as Error).message;
      log.push({ kind: 'error', channel: name, message, towardsRenderer: true });
      // Electron's wording for a rejected invoke.
      // eslint-disable-next-line preserve-caught-error
      throw new Error(`Error invoking remote method '${name}': Error: ${message}`);
    }
  });

  let queue: Promise<void> = Promise.resolve();
  return {
    log,
    push(channel, payload) {
      log.push({ kind: 'push', channel, payload, towardsRenderer: true });
      queue = queue.then(async () => {
        const page = getPage();
        if (!page || page.isClosed()) return;
        await page
          .evaluate(
            ([fn, c, p]) =>
              (globalThis as unknown as Record<string, (c: string, p: unknown) => number>)[fn]?.(c, p),
            [PUSH_FUNCTION, channel, payload] as const,
          )
          .catch(() => undefined); // the page navigated or closed: a real window would drop it too
      });
      return queue;
    },
    flush: () => queue,
  };
}
