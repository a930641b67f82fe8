/** The app's logger: electron-log with a redacting hook in front of every transport (never a token). */
import log from 'electron-log/main';
import { redactLogValue } from './log-redact';

log.hooks.push((message) => ({ ...message, data: message.data.map(redactLogValue) }));

/**
 * Catches unhandled errors into the (redacted) log, once at startup. Deliberately no `log.initialize()`: it
 * injects electron-log's own preload into every session, a second bridge beside ours; the renderer logs nothing.
 */
export function setupLogging(): void {
  log.errorHandler.startCatching({ showDialog: false });
}

export { log };
