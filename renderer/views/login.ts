/**
 * The login view of one instance: QR (or pairing code), the status in words, phone instructions, and each
 * state's next action. Starts the login on mount, stops it on leave unless linked, and starts a fresh cycle
 * by itself when the window regains focus after the codes ran out.
 */
import { announce, button, h, replace, type View } from '../dom';
import type { LoginViewState } from '../login-state';
import type { ViewContext } from '../router';
import { t } from '../strings';
import {
  errorPanel,
  errorTitle,
  exhaustedPanel,
  linkedPanel,
  retryBanner,
  stoppedPanel,
  type LoginActions,
} from './login-panels';
import { pairingPanel } from './pairing-panel';
import { qrPanel } from './qr-panel';
import { remoteLinkPanel } from './remote-link-panel';

type LoginMode = 'qr' | 'pairing' | 'remote';

function statusText(state: LoginViewState, mode: LoginMode): string {
  const s = t.login.status;
  switch (state.phase) {
    case 'linked':
      return s.linked;
    case 'exhausted':
      return s.exhausted;
    case 'stopped':
      return s.loginStopped;
    case 'error':
      return state.error ? `${errorTitle(state.error.code)}.` : s.loginStopped;
    case 'qr':
      return mode === 'pairing' ? s.pairing : mode === 'remote' ? t.remote.waiting : s.qr;
    case 'idle':
      return s.starting;
    case 'starting':
      if (state.status === 'STOPPED') return s.stopped;
      if (state.status === 'WORKING') return s.scanned;
      if (state.status === 'OTHER') return s.other(state.rawStatus);
      return s.starting;
  }
}

const copyText = async (text: string): Promise<boolean> => (await window.wawp.copyText(text)).ok;

/** Creates the view; `mode` picks QR or pairing code first. */
export function loginView(context: ViewContext, instanceId: string, mode: LoginMode): View {
  const { store } = context;
  const instance = store.instance(instanceId);
  const label = instance?.label ?? instanceId;
  const statusLine = h('p', { class: 'login-status', role: 'status', 'aria-live': 'polite' });
  const banner = h('div', { class: 'banner-slot' });
  const main = h('div', { class: 'login-main' });
  const side = h('aside', { class: 'login-steps' });
  const qr = qrPanel(copyText, instance?.isDemo ? () => scanDemo() : null);
  const pairing = pairingPanel(instanceId, copyText);
  const remote = remoteLinkPanel(instanceId, copyText);
  let currentMode = mode;
  let shownKey = '';
  let stopBanner: () => void = () => undefined;
  const body = h('div', { class: 'login-body' }, main, side);

  const scanDemo = async (): Promise<void> => {
    const result = await window.wawp.scanDemo(instanceId);
    if (!result.ok) announce(result.reason);
  };
  const begin = async (how: 'start' | 'restart' | 'fresh'): Promise<void> => {
    store.resetLogin(instanceId);
    if (how === 'fresh') await window.wawp.stopLogin(instanceId);
    const result =
      how === 'restart'
        ? await window.wawp.restartLogin(instanceId)
        : await window.wawp.startLogin(instanceId);
    if (!result.ok) store.failLogin(instanceId, result.code, result.reason);
  };
  const actions: LoginActions = {
    newCode: () => void begin('restart'),
    startAgain: () => void begin('fresh'),
    editInstance: (focus) => context.go({ view: 'edit', instanceId, focus }),
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

  const render = (): void => {
    const state = store.login(instanceId);
    const text = statusText(state, currentMode);
    if (statusLine.textContent !== text) statusLine.textContent = text;
    const retry = state.error && !state.error.fatal ? `${state.error.code}|${state.error.retryAt}` : '';
    if (banner.dataset.key !== retry) {
      banner.dataset.key = retry;
      stopBanner();
      stopBanner = () => undefined;
      replace(banner);
      if (state.error && !state.error.fatal) {
        const shown = retryBanner(state.error);
        stopBanner = shown.stop;
        banner.append(shown.element);
      }
    }
    // While a remote link is on offer, used-up codes are renewed by main: the link stays on screen.
    const remoteKeeps = currentMode === 'remote' && state.phase === 'exhausted';
    const panel =
      state.phase === 'linked'
        ? 'linked'
        : !remoteKeeps &&
            (state.phase === 'exhausted' || state.phase === 'error' || state.phase === 'stopped')
          ? state.phase
          : currentMode;
    const key = `${panel}|${state.error?.code ?? ''}`;
    const choosing = panel === 'qr' || panel === 'pairing' || panel === 'remote';
    tabs.hidden = !choosing;
    if (key !== shownKey) {
      shownKey = key;
      tabQr.setAttribute('aria-pressed', String(currentMode === 'qr'));
      tabPairing.setAttribute('aria-pressed', String(currentMode === 'pairing'));
      tabRemote.setAttribute('aria-pressed', String(currentMode === 'remote'));
      if (panel === 'qr') replace(main, qr.element);
      else if (panel === 'pairing') replace(main, pairing.element);
      else if (panel === 'remote') replace(main, remote.element);
      else if (panel === 'linked' && state.linked) replace(main, linkedPanel(state.linked, actions));
      else if (panel === 'exhausted') replace(main, exhaustedPanel(actions));
      else if (panel === 'error' && state.error) replace(main, errorPanel(state.error, actions));
      else replace(main, stoppedPanel(actions));
      replace(side, choosing ? steps() : null);
      side.hidden = !side.firstChild;
      body.classList.toggle('single', side.hidden);
    }
    qr.update(state);
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

  const before = store.login(instanceId).phase;
  if (before === 'idle' || before === 'stopped') void begin('start');
  else if (before === 'error') void begin('fresh');
  else void window.wawp.startLogin(instanceId);
  if (mode === 'remote') remote.start();
  render();

  const heading = h('h1', {}, t.login.title(label));
  const element = h(
    'section',
    { class: 'view login' },
    h(
      'div',
      { class: 'view-head' },
      button(`← ${t.common.back}`, () => context.go({ view: 'list' }), { class: 'btn btn-quiet' }),
    ),
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
      stopBanner();
      qr.dispose();
      pairing.dispose();
      remote.dispose();
      if (store.login(instanceId).phase !== 'linked') void window.wawp.stopLogin(instanceId);
    },
  };
}
