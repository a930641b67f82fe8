/** `wawp-link pair <instance-id> --phone N`: link with an 8-character pairing code instead of a QR. */
import { normalizePhone } from '../../login/pairing';
import { parseCommandArgs, requireInstanceId } from '../args';
import type { CliContext } from '../context';
import { UsageError, type ExitCode } from '../exit-codes';
import { formatPhone } from '../format';
import { PAIR_HELP } from '../help';
import { linkInstance } from '../link-instance';
import { LINK_OPTIONS, linkFlags } from './login';

const OPTIONS = { ...LINK_OPTIONS, phone: { type: 'string' } } as const;

/** Runs `pair`; an invalid phone is a usage error (exit 2) before any request; one code request per run. */
export async function pairCommand(ctx: CliContext, argv: string[]): Promise<ExitCode> {
  const { values, positionals } = parseCommandArgs('pair', argv, OPTIONS);
  if (values.help) return (ctx.io.out(PAIR_HELP), 0);
  const instanceId = requireInstanceId('pair', positionals);
  if (typeof values.phone !== 'string') {
    throw new UsageError(
      'Missing --phone: the WhatsApp number to link, with country code.\nSee "wawp-link pair --help".',
    );
  }
  const phone = normalizePhone(values.phone);
  if (!phone.ok) throw new UsageError(`--phone: ${phone.message}`);
  const flags = linkFlags(values);
  const url = flags.baseUrl ? ` --base-url ${flags.baseUrl}` : '';
  return linkInstance(ctx, instanceId, {
    ...flags,
    restarts: 0,
    pairPhone: phone.digits,
    commandLine: `wawp-link pair ${instanceId} --phone "${formatPhone(phone.digits)}"${url}`,
  });
}
