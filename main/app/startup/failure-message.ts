/** What a failed startup tells the user before the app exits: one sentence with the cause, then the log file. */
import { redactLogText } from '../platform/log-redact';

/** Title and text for the native error box (dialog.showErrorBox); the cause is redacted and one line long. */
export function startupFailureMessage(error: unknown, logPath: string): { title: string; content: string } {
  const raw = error instanceof Error ? error.message : String(error);
  const firstLine =
    raw
      .split('\n')[0]
      ?.trim()
      .replace(/[.\s]+$/, '') || 'an unknown error';
  return {
    title: 'wawp-link could not start',
    content: `wawp-link stopped while starting (${redactLogText(firstLine).slice(0, 200)}); start it again, and if this repeats, the log file says more.\n\nLog file: ${logPath}`,
  };
}
