/**
 * The batch view: one phone after another. The current instance's label is shown very large above its code, so
 * whoever holds the phones knows which one to pick up; progress, Skip and Pause below. Keyboard first: the
 * primary button of every step has focus (Enter or Space skip or continue), Escape pauses. Each change is
 * announced once through the view's live region. Leaving the view pauses the batch (nothing polls unseen).
 */
import type { BatchSelection, BatchView } from '../../common/batch';
import { batchAnnouncement } from '../batch-announce';
import { button, h, replace, type View } from '../dom';
import { INITIAL_LOGIN_STATE } from '../login-state';
import type { ViewContext } from '../router';
import { t } from '../strings';
import {
  confirmingPanel,
  itemList,
  pausedPanel,
  summaryPanel,
  wrongNumberPanel,
  type BatchActions,
  type BatchPanel,
} from './batch-panels';
import { qrPanel, type QrPanel } from './qr-panel';

const INTERACTIVE = /^(BUTTON|INPUT|SELECT|TEXTAREA|A|SUMMARY)$/;

/** Creates the view; `start` begins a new batch, otherwise the running one shows (or all that need linking). */
export function batchView(context: ViewContext, start?: BatchSelection): View {
  const heading = h('h1', {}, t.batch.title);
  const progress = h('p', { class: 'batch-progress' });
  const announcer = h('p', { class: 'sr-only batch-announcer', role: 'status', 'aria-live': 'polite' });
  const stage = h('div', { class: 'login-main batch-stage' });
  const side = h('aside', { class: 'login-steps batch-side' });
  const error = h('p', { class: 'form-error', role: 'alert' });
  let view: BatchView | null = null;
  let shownKey = '';
  let panel: BatchPanel | null = null;
  let qr: QrPanel | null = null;
  let retryLine: HTMLElement | null = null;
  let pushes = 0;

  const actions: BatchActions = {
    command(command) {
      void window.wawp.controlBatch(command).then((result) => {
        if (!result.ok && result.code !== 'not_now') error.textContent = result.reason;
      });
    },
    again: (ids) => context.go({ view: 'batch', start: ids }),
    done() {
      void window.wawp.controlBatch('close');
      context.go({ view: 'list' });
    },
  };

  const release = (): void => {
    panel?.stop?.();
    qr?.dispose();
    panel = null;
    qr = null;
    retryLine = null;
  };

  /** The current phone's code, with Skip, Pause and Stop. */
  const linkingPanel = (next: BatchView, id: string): BatchPanel => {
    const demo = context.store.instance(id)?.isDemo;
    qr = qrPanel(demo ? () => window.wawp.scanDemo(id).then(() => undefined) : null);
    retryLine = h('p', { class: 'batch-hint' }, t.batch.scan);
    const primary = button(t.batch.skip, () => actions.command('skip'), { class: 'btn btn-primary' });
    const element = h(
      'div',
      { class: 'batch-linking' },
      retryLine,
      qr.element,
      h(
        'div',
        { class: 'actions center' },
        primary,
        button(t.batch.pause, () => actions.command('pause'), { class: 'btn' }),
        button(t.batch.stop, () => actions.command('stop'), { class: 'btn btn-quiet' }),
      ),
    );
    return { element, primary };
  };

  const nothing = (reason: string): void => {
    const back = button(t.common.back, () => context.go({ view: 'list' }), { class: 'btn btn-primary' });
    replace(stage, h('p', { class: 'lead' }, reason), h('div', { class: 'actions' }, back));
    announcer.textContent = reason;
    panel = { element: stage, primary: back };
    back.focus();
  };

  const render = (next: BatchView): void => {
    const said = batchAnnouncement(view, next);
    if (said) announcer.textContent = said;
    view = next;
    const { counts } = next;
    const item = next.items[next.currentIndex];
    progress.textContent = [
      t.batch.progress(counts.linked, counts.total),
      item && t.batch.position(next.currentIndex + 1, counts.total),
    ]
      .filter(Boolean)
      .join(' · ');
    replace(side, itemList(next), next.phase !== 'done' && h('p', { class: 'hint' }, t.batch.keys));
    const key = `${next.phase}|${next.currentIndex}|${next.pausedBecause ?? ''}`;
    if (key !== shownKey) {
      shownKey = key;
      release();
      if (next.phase === 'done' || !item) panel = summaryPanel(next, actions);
      else if (next.phase === 'confirming') panel = confirmingPanel(next, item, actions);
      else if (next.phase === 'paused') panel = pausedPanel(next, actions);
      else if (next.phase === 'wrong-number') panel = wrongNumberPanel(next, item, actions);
      else panel = linkingPanel(next, item.id);
      replace(
        stage,
        item &&
          next.phase !== 'done' &&
          h(
            'div',
            { class: 'batch-who' },
            h('p', { class: 'batch-use' }, t.batch.usePhone),
            h('p', { class: 'batch-label' }, item.label),
          ),
        panel.element,
      );
      panel.primary.focus();
    }
    if (next.phase === 'linking' && qr && retryLine) {
      qr.update({ ...INITIAL_LOGIN_STATE, phase: 'qr', qr: next.qr });
      retryLine.textContent = next.retrying ? t.batch.retrying(next.retrying.title) : t.batch.scan;
    }
  };

  const onKey = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') {
      if (view?.phase === 'linking' || view?.phase === 'confirming') {
        event.preventDefault();
        actions.command('pause');
      }
      return;
    }
    if (event.key !== 'Enter' && event.key !== ' ') return;
    const target = event.target as HTMLElement | null;
    if (target && INTERACTIVE.test(target.tagName)) return; // a focused control does its own thing
    if (!panel) return;
    event.preventDefault();
    panel.primary.click();
  };
  document.addEventListener('keydown', onKey);

  const unsubscribe = window.wawp.onBatchChanged((next) => {
    pushes += 1;
    if (next) render(next);
  });
  const begin = async (): Promise<void> => {
    const before = pushes;
    const running = start ? null : await window.wawp.getBatch();
    if (running && running.phase !== 'done') {
      if (pushes === before) render(running);
      return;
    }
    const result = await window.wawp.startBatch(start ?? 'needs-linking');
    if (!result.ok) nothing(result.reason);
    else if (pushes === before) render(result.value);
  };
  void begin();

  replace(stage, h('p', { class: 'lead' }, t.batch.starting));
  const element = h(
    'section',
    { class: 'view batch' },
    h(
      'div',
      { class: 'view-head' },
      button(`← ${t.common.back}`, () => context.go({ view: 'list' }), { class: 'btn btn-quiet' }),
      heading,
      progress,
    ),
    announcer,
    error,
    h('div', { class: 'batch-body' }, stage, side),
  );
  return {
    element,
    focus: heading,
    dispose() {
      document.removeEventListener('keydown', onKey);
      unsubscribe();
      release();
      if (view?.phase === 'linking' || view?.phase === 'confirming') void window.wawp.controlBatch('pause');
    },
  };
}
