/** `--json` output: exactly one JSON object per line on stdout, nothing else there. */
import type { LoginEvent } from '../../common/model';
import type { CliIo } from './io';

/** Extra lines the CLI adds to the engine's events. */
export type CliEvent = LoginEvent | { type: 'pairing-code'; code: string };

/** Writes one event as a JSON line. */
export function writeJsonEvent(io: CliIo, event: CliEvent): void {
  io.out(`${JSON.stringify(event)}\n`);
}
