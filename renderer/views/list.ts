/** Instances with live status badges, or the first-run empty state that offers the demo. */
import type { InstanceView } from '../../common/ipc';
import { announce, button, h, replace, type View } from '../dom';
import { isWrongNumber } from '../../common/linked-number';
import { describeAccount, formatPhone } from '../phone';
import type { ViewContext } from '../router';
import { t } from '../strings';
import { statusBadge } from './badge';
import { batchSelect, type BatchSelect } from './batch-select';
import { confirmDialog } from './confirm';

/** Starts the demo instance and opens its login view. */
export async function startDemo(
  context: ViewContext,
  trigger: HTMLButtonElement,
  error: HTMLElement,
): Promise<void> {
  trigger.disabled = true;
  trigger.textContent = t.empty.demoStarting;
  const result = await window.wawp.startDemo();
  if (result.ok) {
    context.go({ view: 'login', instanceId: result.value.id, mode: 'qr' });
    return;
  }
  trigger.disabled = false;
  trigger.textContent = t.empty.demo;
  error.textContent = result.reason;
}

function emptyState(context: ViewContext): HTMLElement {
  const error = h('p', { class: 'form-error', role: 'alert' });
  const demo = button(t.empty.demo, () => startDemo(context, demo, error), { class: 'btn' });
  return h(
    'section',
    { class: 'empty' },
    h('div', { class: 'empty-art', 'aria-hidden': 'true' }),
    h('h1', {}, t.empty.title),
    h('p', { class: 'lead' }, t.empty.body),
    h(
      'div',
      { class: 'actions center' },
      button(t.empty.add, () => context.go({ view: 'add' }), { class: 'btn btn-primary' }),
      demo,
    ),
    error,
  );
}

/** What a row offers: link, link again (confirmed, since it logs the number out) or resolve a wrong number. */
function linkAction(context: ViewContext, instance: InstanceView, wrong: boolean): HTMLButtonElement {
  const linked = instance.status === 'WORKING' && instance.me !== null;
  const word = wrong ? t.list.resolve : linked ? t.list.relink : t.list.login;
  const go = async (): Promise<void> => {
    if (linked && !wrong) {
      const yes = await confirmDialog({
        title: t.relink.title(instance.label),
        body: t.relink.body(describeAccount(instance.me!)),
        confirm: t.relink.confirm,
      });
      if (!yes) return;
    }
    context.go({ view: 'login', instanceId: instance.id, relink: linked && !wrong });
  };
  return button(word, go, {
    class: linked && !wrong ? 'btn' : 'btn btn-primary',
    'aria-label': `${word}: ${instance.label}`,
  });
}

function row(
  context: ViewContext,
  instance: InstanceView,
  error: HTMLElement,
  selection: BatchSelect,
): HTMLElement {
  const linked = instance.status === 'WORKING' && instance.me;
  const wrong = isWrongNumber(instance.expectedPhone, instance.me) && instance.status === 'WORKING';
  const detail = wrong
    ? t.list.wrongDetail(describeAccount(instance.me!), formatPhone(instance.expectedPhone ?? ''))
    : linked
      ? t.list.linkedAs(describeAccount(instance.me!))
      : instance.hasToken
        ? instance.id
        : t.list.noToken;
  const remove = async (): Promise<void> => {
    const yes = await confirmDialog({
      title: t.remove.title(instance.label),
      body: t.remove.body,
      confirm: t.remove.confirm,
      danger: true,
    });
    if (!yes) return;
    const result = await window.wawp.removeInstance(instance.id);
    if (!result.ok) error.textContent = result.reason;
  };
  return h(
    'li',
    { class: 'instance', 'data-instance': instance.id },
    selection.checkbox(instance),
    h(
      'div',
      { class: 'instance-main' },
      h(
        'h2',
        { class: 'instance-label' },
        instance.label,
        instance.isDemo && h('span', { class: 'tag' }, t.list.demoTag),
      ),
      h('p', { class: `instance-detail${linked ? '' : ' mono'}`, dir: 'auto' }, detail),
    ),
    statusBadge(instance.status, wrong),
    h(
      'div',
      { class: 'instance-actions' },
      linkAction(context, instance, wrong),
      !instance.isDemo &&
        button(t.list.edit, () => context.go({ view: 'edit', instanceId: instance.id }), {
          class: 'btn btn-quiet',
          'aria-label': `${t.list.edit}: ${instance.label}`,
        }),
      button(t.list.remove, remove, {
        class: 'btn btn-quiet',
        'aria-label': `${t.list.remove}: ${instance.label}`,
      }),
    ),
  );
}

/** The instance list view (re-renders when the list or a status changes); `notice` says what just happened. */
export function instanceList(context: ViewContext, notice?: string): View {
  const element = h('div', { class: 'view' });
  // Shown for the eye and announced once through the page's live region (a region born with text is not read).
  const noticeLine = notice ? h('p', { class: 'notice' }, notice) : null;
  if (notice) announce(notice);
  const error = h('p', { class: 'form-error', role: 'alert' });
  const selection = batchSelect(context);
  let shownKey = '';
  const render = (): void => {
    const instances = context.store.instances();
    const key = JSON.stringify(instances);
    if (key === shownKey) return;
    const hadFocus = document.activeElement?.getAttribute('aria-label');
    shownKey = key;
    if (instances.length === 0) {
      replace(element, emptyState(context));
      return;
    }
    replace(
      element,
      h(
        'div',
        { class: 'view-head' },
        h('h1', {}, t.list.title),
        selection.toolbar(instances),
        button(t.list.add, () => context.go({ view: 'add' }), { class: 'btn btn-primary' }),
      ),
      noticeLine,
      h(
        'ul',
        { class: 'instances', 'aria-label': t.list.title },
        ...instances.map((i) => row(context, i, error, selection)),
      ),
      error,
    );
    // Keep keyboard focus on the same action across live re-renders.
    if (hadFocus) element.querySelector<HTMLElement>(`[aria-label="${CSS.escape(hadFocus)}"]`)?.focus();
  };
  render();
  return { element, dispose: context.store.subscribe(render) };
}
