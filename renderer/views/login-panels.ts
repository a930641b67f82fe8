/** The non-QR states of the login view: linked, wrong number, codes used up, problems, stopped. */
import type { Me } from '../../common/model';
import type { ProblemAction } from '../../common/problems';
import { button, h } from '../dom';
import { describeAccount, formatPhone } from '../phone';
import { isServerProblem, problemOf, type ShownError } from '../problem';
import { t } from '../strings';
import { problemCard, type CardAction, type ProblemCard } from './problem-card';

/** What the panels can make happen. */
export interface LoginActions {
  newCode: () => void;
  /** Stops whatever runs and starts the login again right now. */
  startAgain: () => void;
  stop: () => void;
  editInstance: (focus: 'token' | 'id' | 'baseUrl') => void;
  /** Logs the linked number out, then shows a new code. */
  logOutNumber: () => void;
  keepNumber: () => void;
  done: () => void;
}

/** Linked, said once: the account, what happens now, one button. */
export function linkedPanel(me: Me, actions: LoginActions): HTMLElement {
  return h(
    'div',
    { class: 'result-panel ok' },
    h('div', { class: 'result-icon', 'aria-hidden': 'true' }, '✓'),
    h(
      'p',
      { class: 'lead linked-as' },
      `${t.linked.account}: `,
      h('strong', { dir: 'auto' }, describeAccount(me)),
    ),
    h('p', { class: 'next' }, t.linked.next),
    h('div', { class: 'actions center' }, button(t.login.done, actions.done, { class: 'btn btn-primary' })),
  );
}

/** A different number than expected was linked: a warning with both numbers and the two ways out. */
export function wrongNumberPanel(me: Me, expectedPhone: string, actions: LoginActions): HTMLElement {
  return h(
    'div',
    { class: 'result-panel warn', 'data-state': 'wrong-number' },
    h('div', { class: 'result-icon', 'aria-hidden': 'true' }, '!'),
    h(
      'div',
      { role: 'alert' },
      h(
        'dl',
        { class: 'numbers' },
        h('dt', {}, t.linked.linkedNumber),
        h('dd', { dir: 'auto' }, describeAccount(me)),
        h('dt', {}, t.linked.expectedNumber),
        h('dd', { dir: 'auto' }, formatPhone(expectedPhone)),
      ),
    ),
    h('p', {}, t.linked.wrongBody),
    h(
      'div',
      { class: 'actions center' },
      button(t.linked.logOut, actions.logOutNumber, { class: 'btn btn-primary' }),
      button(t.linked.keep, actions.keepNumber, { class: 'btn' }),
    ),
  );
}

/** Codes used up: one button for a fresh cycle (it also starts by itself when the window regains focus). */
export function exhaustedPanel(actions: LoginActions): HTMLElement {
  return h(
    'div',
    { class: 'result-panel' },
    h('div', { class: 'result-icon', 'aria-hidden': 'true' }, '↻'),
    h('h2', {}, t.login.exhaustedTitle),
    h('p', {}, t.login.exhaustedBody),
    h(
      'div',
      { class: 'actions center' },
      button(t.login.getNewCode, actions.newCode, { class: 'btn btn-primary' }),
    ),
  );
}

/** The login loop is not running: offer to start it. */
export function stoppedPanel(actions: LoginActions): HTMLElement {
  return h(
    'div',
    { class: 'result-panel' },
    h('h2', {}, t.login.status.loginStopped),
    h(
      'div',
      { class: 'actions center' },
      button(t.login.startAgain, actions.startAgain, { class: 'btn btn-primary' }),
    ),
  );
}

/** The button of each next step a problem names. */
function actionFor(action: ProblemAction, retrying: boolean, actions: LoginActions): CardAction {
  switch (action) {
    case 'edit_token':
      return { label: t.problem.editToken, run: () => actions.editInstance('token') };
    case 'check_instance':
      return { label: t.problem.checkInstance, run: () => actions.editInstance('id') };
    case 'new_code':
      return { label: t.problem.newCode, run: actions.newCode };
    case 'edit_server':
      return { label: t.problem.editServer, run: () => actions.editInstance('baseUrl') };
    default:
      return { label: retrying ? t.problem.retryNow : t.problem.tryAgain, run: actions.startAgain };
  }
}

/**
 * A problem in the login view. One the app stops on gets its one action; one it retries by itself gets one
 * countdown and Retry now, Edit server (when the server is the trouble) and Stop, the problem's own step first.
 */
export function problemPanel(
  error: ShownError & { fatal: boolean; retryAt: number | null },
  where: { instanceId: string; baseUrl?: string; compact?: boolean },
  actions: LoginActions,
): ProblemCard {
  const problem = problemOf(error, where.instanceId, where.baseUrl);
  const retrying = !error.fatal;
  const list: CardAction[] = [actionFor(problem.action, retrying, actions)];
  if (retrying) {
    const more: CardAction[] = [actionFor('retry', true, actions)];
    if (isServerProblem(error.code)) more.push(actionFor('edit_server', true, actions));
    more.push({ label: t.problem.stop, run: actions.stop });
    for (const item of more) if (!list.some((had) => had.label === item.label)) list.push(item);
  }
  return problemCard(problem, {
    code: error.code,
    actions: list,
    retryAt: retrying ? error.retryAt : null,
    detail: error.detail,
    compact: where.compact,
  });
}
