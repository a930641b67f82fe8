/** `wawp-link pair <instance-id> --phone N`: link with an 8-character pairing code instead of a QR. */
import { normalizePhone } from '../../login/pairing';
import { parseCommandArgs, parseSeconds, requireInstanceId } from '../args';
import type { CliContext } from '../context';
import { UsageError, type ExitCode } from '../exit-codes';
import { PAIR_HELP } from '../help';
import { linkInstance } from './login';

const OPTIONS = {
  phone: { type: 'string' },
  'base-url': { type: 'string' },
  json: { type: 'boolean' },
  timeout: { type: 'string' },
  'no-start': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Runs `pair`; an invalid phone is a usage error (exit 2) before any request; one code request per run. */
export async function pairCommand(ctx: CliContext, argv: string[]): Promise<ExitCode> {
  const { values, positionals } = parseCommandArgs('pair', argv, OPTIONS);
  if (values.help) return (ctx.io.out(PAIR_HELP), 0);
  const instanceId = requireInstanceId('pair', positionals);
  if (!values.phone) {
    throw new UsageError(
      'Missing --phone: the WhatsApp number to link, with country code.\nSee "wawp-link pair --help".',
    );
  }
  const phone = normalizePhone(values.phone);
  if (!phone.ok) throw new UsageError(`--phone: ${phone.message}`);
  const timeoutMs = parseSeconds('timeout', values.timeout);
  return linkInstance(ctx, instanceId, {
    baseUrl: values['base-url'],
    json: values.json === true,
    autoStart: !values['no-start'],
    timeoutMs,
    restarts: 0,
    pairPhone: phone.digits,
  });
}
