/**
 * Quit means quit, even while a keychain call hangs: a keytar call blocked in the native layer (a locked
 * keyring waiting for a prompt) holds a libuv pool thread, and process teardown waits for that thread. When
 * the app quits with such a call unsettled, it ends the process hard instead. No electron import: the app
 * passes its quit event in.
 */
import { pendingKeychainCalls } from '../../store/keytar-store';

export interface QuitGuardOptions {
  /** Registers a listener for the app's final quit (Electron `app.on('quit')`). */
  onQuit: (listener: () => void) => void;
  pending?: () => number;
  log: (message: string) => void;
  /** Ends the process at once (default SIGKILL to ourselves: no teardown to wait in). */
  kill?: () => void;
}

/** Installs the guard; on quit, exits hard only when a keychain call has not settled. */
export function guardQuit(options: QuitGuardOptions): void {
  const pending = options.pending ?? pendingKeychainCalls;
  const kill = options.kill ?? (() => process.kill(process.pid, 'SIGKILL'));
  options.onQuit(() => {
    const calls = pending();
    if (calls === 0) return;
    options.log(`quit: ${calls} keychain call(s) still blocked; exiting without waiting for them`);
    kill();
  });
}
