/**
 * Calls one handler the way the IPC layer does (ipc.ts in Electron, the browser harness under Node): an
 * unexpected failure is reported, and only its redacted message crosses towards the renderer.
 */
import { redactLogText } from '../platform/log-redact';

/** Runs `handler(...args)`; on an unexpected throw calls `report` and rejects with a redacted Error. */
export async function dispatch(
  handler: (...args: unknown[]) => Promise<unknown>,
  args: unknown[],
  report: (error: unknown) => void,
): Promise<unknown> {
  try {
    return await handler(...args);
  } catch (error) {
    report(error);
    // Like Electron, only the message crosses; no cause, no stack from main.
    // eslint-disable-next-line preserve-caught-error
    throw new Error(redactLogText(error instanceof Error ? error.message : String(error)));
  }
}
