/**
 * The login view of one instance: QR (or pairing code), the progress in words, phone instructions, and each
 * state's next action. Starts the login on mount (after logging the old number out for "Link again"), stops it
 * on leave unless linked, and starts a fresh cycle by itself when the window regains focus after the codes ran
 * out. News is said once: the status line carries progress only; a panel that takes over says the rest.
 */
import { announce, button, h, replace, type View } from '../dom';
import { headingFor, panelFor, statusTextFor, type LoginMode, type LoginPanel } from '../login-screen';
import type { LoginViewState } from '../login-state';
import { describeAccount } from '../phone';
import { failureError } from '../problem';
import type { ViewContext } from '../router';
import { t } from '../strings';
import {
  exhaustedPanel,
  linkedPanel,
  problemPanel,
  stoppedPanel,
  wrongNumberPanel,
  type LoginActions,
} from './login-panels';
import { pairingPanel } from './pairing-panel';
import type { ProblemCard } from './problem-card';
import { qrPanel } from './qr-panel';
import { remoteLinkPanel } from './remote-link-panel';

const copyText = async (text: string): Promise<boolean> => (await window.wawp.copyText(text)).ok;

/** Creates the view; `mode` picks QR or pairing code first; `relink` logs the linked number out first. */
export function loginView(context: ViewContext, instanceId: string, mode: LoginMode, relink = false): View {
  const { store } = context;
  const instance = (): ReturnType<typeof store.instance> => store.instance(instanceId);
  const label = instance()?.label ?? instanceId;
  const statusLine = h('p', { class: 'login-status', role: 'status', 'aria-live': 'polite' });
  const banner = h('div', { class: 'banner-slot' });
  const main = h('div', { class: 'login-main' });
  const side = h('aside', { class: 'login-steps' });
  const qr = qrPanel(instance()?.isDemo ? () => scanDemo() : null);
  const pairing = pairingPanel(instanceId, copyText, () => render());
  const remote = remoteLinkPanel(instanceId, copyText);
  let currentMode = mode;
  let shownKey = '';
  let card: ProblemCard | null = null;
  let bannerCard: ProblemCard | null = null;
  const body = h('div', { class: 'login-body' }, main, side);

  const scanDemo = async (): Promise<void> => {
    const result = await window.wawp.scanDemo(instanceId);
    if (!result.ok) announce(result.reason);
  };
  const begin = async (how: 'start' | 'restart' | 'fresh' | 'relink'): Promise<void> => {
    store.resetLogin(instanceId);
    if (how === 'fresh') await window.wawp.stopLogin(instanceId);
    const result =
      how === 'restart'
        ? await window.wawp.restartLogin(instanceId)
        : how === 'relink'
          ? await window.wawp.relinkLogin(instanceId)
          : await window.wawp.startLogin(instanceId);
    if (!result.ok) store.failLogin(instanceId, failureError(result));
  };
  const actions: LoginActions = {
    newCode: () => void begin('restart'),
    startAgain: () => void begin('fresh'),
    stop: () => void window.wawp.stopLogin(instanceId),
    editInstance: (focus) => context.go({ view: 'edit', instanceId, focus }),
    logOutNumber: () => void begin('relink'),
    keepNumber: () =>
      void window.wawp.keepNumber(instanceId).then((result) => {
        if (!result.ok) store.failLogin(instanceId, failureError(result));
        else if (result.value.me) announce(t.linked.kept(describeAccount(result.value.me)));
      }),
    done: () => context.go({ view: 'list' }),
  };

  const tabQr = button(t.login.tabQr, () => setMode('qr'), { class: 'tab' });
  const tabPairing = button(t.login.tabPairing, () => setMode('pairing'), { class: 'tab' });
  const tabRemote = button(t.login.tabRemote, () => setMode('remote'), { class: 'tab' });
  const tabs = h(
    'div',
    { class: 'tabs', role: 'group', 'aria-label': t.login.title(label) },
    tabQr,
    tabPairing,
    tabRemote,
  );
  const back = button(`← ${t.common.back}`, () => context.go({ view: 'list' }), { class: 'btn btn-quiet' });
  const heading = h('h1', { tabindex: '-1' }, t.login.title(label));

  const steps = (): HTMLElement => {
    const list =
      currentMode === 'qr' ? t.login.steps : currentMode === 'remote' ? t.remote.steps : t.pairing.steps;
    return h(
      'div',
      {},
      h('h2', {}, currentMode === 'remote' ? t.remote.stepsTitle : t.login.stepsTitle),
      h('ol', { class: 'steps' }, ...list.map((step) => h('li', {}, step))),
    );
  };

  const where = { instanceId, baseUrl: instance()?.baseUrl };

  const showBanner = (state: LoginViewState, panel: LoginPanel): void => {
    const error = state.error && !state.error.fatal && panel !== 'trouble' ? state.error : null;
    const key = error ? `${error.code}|${error.host ?? ''}|${error.cause ?? ''}` : '';
    if (banner.dataset.key !== key) {
      banner.dataset.key = key;
      bannerCard?.stop();
      bannerCard = error ? problemPanel(error, { ...where, compact: true }, actions) : null;
      replace(banner, bannerCard?.element);
    } else if (error) bannerCard?.setRetryAt(error.retryAt);
  };

  const render = (): void => {
    const state = store.login(instanceId);
    const panel = panelFor(state, currentMode, instance()?.expectedPhone);
    const text = state.phase === 'qr' && panel === 'pairing' ? pairing.status() : statusTextFor(state, panel);
    if (statusLine.textContent !== text) statusLine.textContent = text;
    statusLine.hidden = text === '';
    showBanner(state, panel);
    const error = state.error;
    const key = `${panel}|${error?.code ?? ''}|${error?.host ?? ''}|${error?.cause ?? ''}`;
    const choosing = panel === 'qr' || panel === 'pairing' || panel === 'remote';
    tabs.hidden = !choosing;
    back.hidden = panel === 'linked';
    if (key === shownKey) {
      if (panel === 'trouble' && error) card?.setRetryAt(error.retryAt);
      qr.update(state);
      return;
    }
    const before = shownKey;
    shownKey = key;
    card?.stop();
    card = null;
    tabQr.setAttribute('aria-pressed', String(currentMode === 'qr'));
    tabPairing.setAttribute('aria-pressed', String(currentMode === 'pairing'));
    tabRemote.setAttribute('aria-pressed', String(currentMode === 'remote'));
    heading.textContent = headingFor(panel, label);
    const linked = state.linked;
    if (panel === 'qr') replace(main, qr.element);
    else if (panel === 'pairing') replace(main, pairing.element);
    else if (panel === 'remote') replace(main, remote.element);
    else if (panel === 'linked' && linked) replace(main, linkedPanel(linked.me, actions));
    else if (panel === 'wrong' && linked)
      replace(
        main,
        wrongNumberPanel(linked.me, instance()?.expectedPhone ?? linked.expectedPhone ?? '', actions),
      );
    else if (panel === 'exhausted') replace(main, exhaustedPanel(actions));
    else if ((panel === 'error' || panel === 'trouble') && error) {
      card = problemPanel(error, where, actions);
      replace(main, card.element);
    } else replace(main, stoppedPanel(actions));
    replace(side, choosing ? steps() : null);
    side.hidden = !side.firstChild;
    body.classList.toggle('single', side.hidden);
    qr.update(state);
    // Focus follows the news: the result when linked, the way out on a problem (never on first paint).
    if (before === '') return;
    if (panel === 'linked' || panel === 'wrong') heading.focus();
    else if (card?.primary) card.primary.focus();
  };
  const setMode = (next: LoginMode): void => {
    currentMode = next;
    if (next === 'remote') remote.start();
    render();
    if (next === 'pairing') pairing.focus.focus();
    if (next === 'remote') remote.focus.focus();
  };

  const onFocus = (): void => {
    if (store.login(instanceId).phase === 'exhausted') void begin('restart');
  };
  window.addEventListener('focus', onFocus);
  const unsubscribe = store.subscribe(render);

  const phase = store.login(instanceId).phase;
  if (relink) void begin('relink');
  else if (phase === 'idle' || phase === 'stopped') void begin('start');
  else if (phase === 'error') void begin('fresh');
  else void window.wawp.startLogin(instanceId);
  if (mode === 'remote') remote.start();
  render();

  const element = h(
    'section',
    { class: 'view login' },
    h('div', { class: 'view-head' }, back),
    heading,
    statusLine,
    banner,
    tabs,
    body,
  );
  return {
    element,
    focus: mode === 'pairing' ? pairing.focus : mode === 'remote' ? remote.focus : heading,
    dispose() {
      window.removeEventListener('focus', onFocus);
      unsubscribe();
      card?.stop();
      bannerCard?.stop();
      qr.dispose();
      pairing.dispose();
      remote.dispose();
      if (store.login(instanceId).phase !== 'linked') void window.wawp.stopLogin(instanceId);
    },
  };
}
