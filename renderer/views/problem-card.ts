/**
 * One error, shown one way everywhere: a title, one sentence, its actions (the first is the primary one), an
 * optional single countdown when the app retries by itself, and the redacted detail behind a collapsed
 * "Details". Only the title and the sentence sit in the alert, so a screen reader hears the news once.
 */
import type { Problem } from '../../common/problems';
import { button, everySecond, h } from '../dom';
import { t } from '../strings';

export interface CardAction {
  label: string;
  run: () => void;
}

export interface ProblemCard {
  element: HTMLElement;
  /** The primary action's button (focus goes there when the card appears). */
  primary: HTMLButtonElement | null;
  /** Restarts the one countdown at a new deadline (a new retry), or hides it (null). */
  setRetryAt(at: number | null): void;
  stop(): void;
}

/** Builds the card; `compact` is the banner form shown above a code that is still on screen. */
export function problemCard(
  problem: Problem,
  options: {
    code: string;
    actions: CardAction[];
    retryAt: number | null;
    detail?: string;
    compact?: boolean;
  },
): ProblemCard {
  const countdown = h('p', { class: 'countdown', 'aria-live': 'off' });
  const buttons = options.actions.map((action, index) =>
    button(action.label, action.run, { class: index === 0 ? 'btn btn-primary' : 'btn' }),
  );
  const news = h(
    'div',
    { role: 'alert', class: 'problem-news' },
    h(options.compact ? 'strong' : 'h2', { class: 'problem-title' }, problem.title),
    h('p', { class: 'problem-sentence' }, problem.sentence),
  );
  const details =
    options.detail &&
    h(
      'details',
      { class: 'problem-details' },
      h('summary', {}, t.problem.details),
      h('p', { class: 'mono' }, options.detail),
    );
  const element = h(
    'div',
    {
      class: options.compact ? 'banner problem' : 'result-panel bad problem',
      'data-error': options.code,
    },
    !options.compact && h('div', { class: 'result-icon', 'aria-hidden': 'true' }, '!'),
    news,
    countdown,
    h('div', { class: options.compact ? 'actions' : 'actions center' }, ...buttons),
    details,
  );
  let stopTicking: () => void = () => undefined;
  const setRetryAt = (at: number | null): void => {
    stopTicking();
    stopTicking = () => undefined;
    countdown.hidden = at === null;
    if (at !== null)
      stopTicking = everySecond(at, (s) => {
        countdown.textContent = s > 0 ? t.problem.retrying(s) : t.problem.retryingNow;
      });
  };
  setRetryAt(options.retryAt);
  return { element, primary: buttons[0] ?? null, setRetryAt, stop: () => stopTicking() };
}
