/** The app's logger: electron-log with a redacting hook in front of every transport (never a token). */
import log from 'electron-log/main';
import { redactLogValue } from './log-redact';

log.hooks.push((message) => ({ ...message, data: message.data.map(redactLogValue) }));

/** Starts file logging and catches unhandled errors (once, at startup). */
export function setupLogging(): void {
  log.initialize();
  log.errorHandler.startCatching({ showDialog: false });
}

export { log };
