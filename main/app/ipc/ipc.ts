/**
 * The only ipcMain user: registers exactly INVOKE_CHANNELS, each behind the sender guard, and sends typed
 * pushes to our windows. Handlers (handlers.ts) receive the raw arguments and parse them.
 */
import { ipcMain, type WebContents } from 'electron';
import { INVOKE_CHANNELS, type PushChannel, type PushChannels } from '../../../common/ipc';
import type { Handlers } from '../handlers/handler-kit';
import { isTrustedSender, type TrustedSenders } from './ipc-guard';
import { log } from '../platform/log';
import { dispatch } from './ipc-dispatch';

/** Our windows' webContents; a window registers itself here when created. */
export const trustedSenders: TrustedSenders & { all(): WebContents[]; track(contents: WebContents): void } =
  (() => {
    const contentsById = new Map<number, WebContents>();
    return {
      has: (id: number) => contentsById.has(id),
      all: () => [...contentsById.values()].filter((contents) => !contents.isDestroyed()),
      track(contents: WebContents) {
        const id = contents.id;
        contentsById.set(id, contents);
        contents.once('destroyed', () => contentsById.delete(id));
      },
    };
  })();

/** Registers every invoke channel; returns a function that removes them (tests, quit). */
export function registerIpc(handlers: Handlers): () => void {
  for (const channel of INVOKE_CHANNELS) {
    const handler = handlers[channel] as (...args: unknown[]) => Promise<unknown>;
    ipcMain.handle(channel, (event, ...args: unknown[]) => {
      if (!isTrustedSender(event, trustedSenders)) {
        log.warn(
          `ipc: refused ${channel} from an untrusted sender (${event.senderFrame?.url ?? 'no frame'})`,
        );
        throw new Error('Refused: this window may not talk to wawp-link.');
      }
      return dispatch(handler, args, (error) => log.error(`ipc: ${channel} failed:`, error));
    });
  }
  return () => {
    for (const channel of INVOKE_CHANNELS) ipcMain.removeHandler(channel);
  };
}

/** Sends a push to every window of ours. */
export function send<C extends PushChannel>(channel: C, payload: PushChannels[C]): void {
  for (const contents of trustedSenders.all()) contents.send(channel, payload);
}
