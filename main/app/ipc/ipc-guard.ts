/**
 * The IPC sender guard as a pure function (ipc.ts feeds it Electron's objects): only our own windows'
 * webContents, and only their top frame, may invoke a channel. Tested both ways in test/app.
 */

/** The parts of an IpcMainInvokeEvent the guard looks at. */
export interface SenderInfo {
  sender: { id: number; mainFrame: unknown };
  /** `null` when the frame is gone (navigated or destroyed). */
  senderFrame: unknown;
}

/** The set of webContents ids that belong to our windows. */
export interface TrustedSenders {
  has(id: number): boolean;
}

/** True only for a trusted webContents whose top frame sent the message. */
export function isTrustedSender(event: SenderInfo, trusted: TrustedSenders): boolean {
  if (!trusted.has(event.sender.id)) return false;
  return (
    event.senderFrame !== null &&
    event.senderFrame !== undefined &&
    event.senderFrame === event.sender.mainFrame
  );
}
