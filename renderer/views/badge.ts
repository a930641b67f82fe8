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

/** A badge such as "● Linked", read as "Status: Linked". */
export function statusBadge(status: InstanceView['status']): HTMLElement {
  const word = STATUS_WORDS[status];
  return h(
    'span',
    { class: `badge badge-${statusTone(status)}`, 'data-status': status },
    h('span', { class: 'badge-dot', 'aria-hidden': 'true' }),
    h('span', { class: 'sr-only' }, t.list.statusLabel('')),
    word,
  );
}
