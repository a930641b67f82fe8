/** Status badge: a word plus a colour and a shape, so colour is never the only signal. */
import type { InstanceView } from '../../common/ipc';
import { h } from '../dom';
import { STATUS_WORDS, t } from '../strings';

/** CSS tone of a status (ok, warn, bad, busy, idle). */
export function statusTone(status: InstanceView['status']): string {
  switch (status) {
    case 'WORKING':
      return 'ok';
    case 'SCAN_QR_CODE':
      return 'warn';
    case 'FAILED':
      return 'bad';
    case 'STARTING':
    case 'OTHER':
      return 'busy';
    default:
      return 'idle';
  }
}

/** A badge such as "● Linked", read as "Status: Linked"; `wrongNumber` turns a linked one into a warning. */
export function statusBadge(status: InstanceView['status'], wrongNumber = false): HTMLElement {
  const word = wrongNumber ? t.list.wrongNumber : STATUS_WORDS[status];
  const tone = wrongNumber ? 'warn' : statusTone(status);
  return h(
    'span',
    { class: `badge badge-${tone}`, 'data-status': wrongNumber ? 'WRONG_NUMBER' : status },
    h('span', { class: 'badge-dot', 'aria-hidden': 'true' }),
    h('span', { class: 'sr-only' }, t.list.statusLabel('')),
    word,
  );
}
