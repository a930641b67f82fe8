/**
 * Before any code is requested: is the instance already linked, and to which number? Linking again
 * would replace that link, so another number is refused unless the user asked to log it out first.
 */
import { isWrongNumber } from '../../common/linked-number';
import type { Me } from '../../common/model';
import type { WawpClient } from '../wawp/types';
import { formatPhone } from './format';

export type LinkedCheck =
  { kind: 'not-linked' } | { kind: 'same'; me: Me } | { kind: 'other'; me: Me; wanted: string };

/**
 * Reads the session once. `wanted` (digits with country code) is the number to link, or null when
 * any number will do. An unreadable session is `not-linked`: the engine then meets and reports it.
 */
export async function checkLinked(
  client: WawpClient,
  wanted: string | null,
  signal: AbortSignal,
): Promise<LinkedCheck> {
  const info = await client.sessionInfo({ signal });
  if (!info.ok || info.data.status !== 'WORKING' || !info.data.me) return { kind: 'not-linked' };
  const me = info.data.me;
  if (wanted === null || !isWrongNumber(wanted, me)) return { kind: 'same', me };
  return { kind: 'other', me, wanted };
}

/** The refusal's words: the linked number, the wanted one, and the way out. */
export function otherNumberProblem(
  check: Extract<LinkedCheck, { kind: 'other' }>,
  instanceId: string,
  command: string,
): { title: string; sentence: string; next: string } {
  const linked = formatPhone(check.me.id);
  const wanted = formatPhone(check.wanted);
  return {
    title: `Instance ${instanceId} is linked to another number`,
    sentence: `It is linked to ${linked}, not ${wanted}; nothing was changed.`,
    next: `to log ${linked} out and link ${wanted}: ${command} --logout-first`,
  };
}
