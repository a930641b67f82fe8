/**
 * Choosing phones for batch linking in the instance list: a checkbox per instance (Space toggles it) and two
 * buttons, "Link selected (n)" and "Link all that need it". The choice survives the list's live re-renders.
 */
import type { InstanceView } from '../../common/ipc';
import { button, h } from '../dom';
import type { ViewContext } from '../router';
import { t } from '../strings';

export interface BatchSelect {
  /** The checkbox for one instance's row. */
  checkbox(instance: InstanceView): HTMLElement;
  /** The two batch buttons for the list head (refreshed on every render). */
  toolbar(instances: readonly InstanceView[]): HTMLElement;
}

/** Instances a batch of "all that need it" would take: a token, and not linked. */
export function needsLinking(instance: InstanceView): boolean {
  return instance.hasToken && instance.status !== 'WORKING';
}

/** Creates the selection of one list view. */
export function batchSelect(context: ViewContext): BatchSelect {
  const chosen = new Set<string>();
  let order: string[] = [];
  const linkSelected = button(
    t.batch.linkSelected(0),
    () => context.go({ view: 'batch', start: order.filter((id) => chosen.has(id)) }),
    { class: 'btn' },
  );
  const refresh = (): void => {
    for (const id of [...chosen]) if (!order.includes(id)) chosen.delete(id);
    linkSelected.textContent = t.batch.linkSelected(chosen.size);
    linkSelected.disabled = chosen.size === 0;
  };
  const linkAll = button(t.batch.linkAll, () => context.go({ view: 'batch', start: 'needs-linking' }), {
    class: 'btn',
  });
  return {
    checkbox(instance) {
      const box = h('input', {
        type: 'checkbox',
        class: 'instance-select',
        'aria-label': t.batch.select(instance.label),
        checked: chosen.has(instance.id),
      });
      box.addEventListener('change', () => {
        if (box.checked) chosen.add(instance.id);
        else chosen.delete(instance.id);
        refresh();
      });
      return box;
    },
    toolbar(instances) {
      order = instances.map((instance) => instance.id);
      refresh();
      linkAll.disabled = !instances.some(needsLinking);
      return h('div', { class: 'batch-tools' }, linkSelected, linkAll);
    },
  };
}
