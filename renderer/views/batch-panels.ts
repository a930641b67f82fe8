/**
 * The parts of the batch view besides the code itself: the list of phones with where each stands, and the
 * panels for "Linked as …", paused, wrong number and the end summary. Each panel names its primary button,
 * which the view focuses, so Enter or Space always does the obvious next thing.
 */
import type { BatchCommand, BatchItemView, BatchView } from '../../common/batch';
import { batchSummary } from '../batch-announce';
import { button, everySecond, h } from '../dom';
import { describeAccount, formatPhone } from '../phone';
import { t } from '../strings';

/** What the panels can ask for. */
export interface BatchActions {
  command(command: BatchCommand): void;
  /** Starts a new batch of these ids. */
  again(ids: string[]): void;
  /** Leaves the batch view for the list. */
  done(): void;
}

/** A panel, its primary button (focused when shown) and what to release when it goes. */
export interface BatchPanel {
  element: HTMLElement;
  primary: HTMLButtonElement;
  stop?: () => void;
}

const MARK: Record<BatchItemView['outcome'], string> = {
  waiting: '•',
  current: '▶',
  linked: '✓',
  skipped: '↷',
  failed: '✕',
};

/** Every phone of the batch with its outcome in words (the mark is decoration). */
export function itemList(view: BatchView): HTMLElement {
  return h(
    'ol',
    { class: 'batch-items', 'aria-label': t.batch.title },
    ...view.items.map((item, i) =>
      h(
        'li',
        { class: `batch-item ${item.outcome}`, 'aria-current': i === view.currentIndex ? 'step' : null },
        h('span', { class: 'batch-mark', 'aria-hidden': 'true' }, MARK[item.outcome]),
        h('span', { class: 'batch-item-label' }, item.label),
        h('span', { class: 'batch-item-outcome' }, t.batch.outcome[item.outcome]),
      ),
    ),
  );
}

const run = (actions: BatchActions, command: BatchCommand) => () => actions.command(command);

/** Just linked: who, a countdown to the next phone, and Next phone / Pause. */
export function confirmingPanel(view: BatchView, item: BatchItemView, actions: BatchActions): BatchPanel {
  const countdown = h('p', { class: 'batch-countdown' });
  const primary = button(t.batch.next, run(actions, 'next'), { class: 'btn btn-primary' });
  const stop = view.confirmUntil
    ? everySecond(view.confirmUntil, (s) => (countdown.textContent = t.batch.nextIn(s)))
    : undefined;
  const element = h(
    'div',
    { class: 'result-panel ok' },
    h('div', { class: 'result-icon', 'aria-hidden': 'true' }, '✓'),
    h(
      'p',
      { class: 'lead linked-as' },
      t.batch.linkedAs(item.label, item.me ? describeAccount(item.me) : ''),
    ),
    countdown,
    h(
      'div',
      { class: 'actions center' },
      primary,
      button(t.batch.pause, run(actions, 'pause'), { class: 'btn' }),
    ),
  );
  return { element, primary, stop };
}

/** Paused by the user or because the codes ran out: Resume (with new codes), Skip, Stop. */
export function pausedPanel(view: BatchView, actions: BatchActions): BatchPanel {
  const ranOut = view.pausedBecause === 'codes-ran-out';
  const primary = button(ranOut ? t.batch.newCodes : t.batch.resume, run(actions, 'resume'), {
    class: 'btn btn-primary',
  });
  const element = h(
    'div',
    { class: 'result-panel' },
    h('div', { class: 'result-icon', 'aria-hidden': 'true' }, '❚❚'),
    h('h2', {}, t.batch.paused),
    h('p', {}, ranOut ? t.batch.ranOut : t.batch.pausedBody),
    h(
      'div',
      { class: 'actions center' },
      primary,
      button(t.batch.skip, run(actions, 'skip'), { class: 'btn' }),
      button(t.batch.stop, run(actions, 'stop'), { class: 'btn btn-quiet' }),
    ),
  );
  return { element, primary };
}

/** Linked to another number than expected: log it out (then scan again) or keep it. */
export function wrongNumberPanel(view: BatchView, item: BatchItemView, actions: BatchActions): BatchPanel {
  const primary = button(t.batch.logout, run(actions, 'logout-wrong-number'), { class: 'btn btn-danger' });
  const element = h(
    'div',
    { class: 'result-panel bad' },
    h('div', { class: 'result-icon', 'aria-hidden': 'true' }, '!'),
    h('h2', {}, t.batch.wrongTitle),
    h(
      'p',
      { class: 'warning' },
      t.batch.wrongBody(
        item.label,
        item.me ? describeAccount(item.me) : '',
        formatPhone(view.expectedPhone ?? ''),
      ),
    ),
    h(
      'div',
      { class: 'actions center' },
      primary,
      button(t.batch.keep, run(actions, 'keep-wrong-number'), { class: 'btn' }),
    ),
  );
  return { element, primary };
}

function group(
  title: string,
  items: BatchItemView[],
  line: (item: BatchItemView) => string,
): HTMLElement | null {
  if (items.length === 0) return null;
  return h(
    'section',
    { class: 'batch-group' },
    h('h2', {}, `${title} (${items.length})`),
    h('ul', {}, ...items.map((item) => h('li', {}, line(item)))),
  );
}

/** The end: linked, skipped, failed (with why), not reached; Done, and a new batch of what is left. */
export function summaryPanel(view: BatchView, actions: BatchActions): BatchPanel {
  const of = (outcome: BatchItemView['outcome']): BatchItemView[] =>
    view.items.filter((item) => item.outcome === outcome);
  const primary = button(t.batch.done, () => actions.done(), { class: 'btn btn-primary' });
  const rest = view.items.filter((item) => item.outcome === 'skipped' || item.outcome === 'failed');
  const element = h(
    'div',
    { class: 'batch-summary' },
    h('p', { class: 'lead batch-summary-line' }, `${batchSummary(view)}.`),
    group(t.batch.linkedList, of('linked'), (item) =>
      [item.label, item.me && describeAccount(item.me), item.wrongNumber && t.batch.wrongTag]
        .filter(Boolean)
        .join(' — '),
    ),
    group(t.batch.skippedList, of('skipped'), (item) => item.label),
    group(t.batch.failedList, of('failed'), (item) =>
      item.problem ? `${item.label} — ${item.problem.title}: ${item.problem.sentence}` : item.label,
    ),
    group(t.batch.waitingList, of('waiting'), (item) => item.label),
    h(
      'div',
      { class: 'actions' },
      primary,
      rest.length > 0 &&
        button(t.batch.again, () => actions.again(rest.map((item) => item.id)), { class: 'btn' }),
    ),
  );
  return { element, primary };
}
