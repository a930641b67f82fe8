/** `--json` output: exactly one JSON object per line on stdout, nothing else there. */
import type { LoginEvent } from '../../common/model';
import type { CliIo } from './io';

/** Extra lines the CLI adds to the engine's events. */
export type CliEvent = LoginEvent | { type: 'pairing-code'; code: string };

/** Writes one event as a JSON line. */
export function writeJsonEvent(io: CliIo, event: CliEvent): void {
  io.out(`${JSON.stringify(event)}\n`);
}

/** The final `error` line of a run that the CLI ended: code, the problem's words, and its next step. */
export function writeEndLine(
  io: CliIo,
  code: string,
  problem: { title: string; sentence: string; next: string },
  extra: Record<string, unknown> = {},
): void {
  const { title, sentence, next } = problem;
  io.out(
    `${JSON.stringify({ type: 'error', code, title, message: sentence, next, ...extra, fatal: true })}\n`,
  );
}
