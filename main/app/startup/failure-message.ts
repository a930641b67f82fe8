/**
 * What a failed startup tells the user before the app exits: one sentence and one next step; the
 * raw cause (redacted, one line) goes below it as a detail, with the log file.
 */
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
    content:
      'wawp-link stopped while starting. Start it again; if this repeats, the log file below says why.' +
      `\n\nDetails: ${redactLogText(firstLine).slice(0, 200)}\nLog file: ${logPath}`,
  };
}
