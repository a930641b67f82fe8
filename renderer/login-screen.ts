/**
 * Which panel the login view shows for a state, and the words around it: the heading that fits and the status
 * line, which carries progress only (a panel that takes over says its own news, so nothing is said twice).
 */
import { isWrongNumber } from '../common/linked-number';
import type { LoginViewState } from './login-state';
import { t } from './strings';

export type LoginPanel =
  'qr' | 'pairing' | 'remote' | 'linked' | 'wrong' | 'exhausted' | 'error' | 'trouble' | 'stopped';

/** How the user chose to link: scan here, type a pairing code, or send a link to the phone's owner. */
export type LoginMode = 'qr' | 'pairing' | 'remote';

/** The panel for `state`; `expectedPhone` is the instance's current one (it changes on "Keep this number"). */
export function panelFor(
  state: LoginViewState,
  mode: LoginMode,
  expectedPhone: string | null | undefined,
): LoginPanel {
  if (state.phase === 'linked' && state.linked) {
    const expected = expectedPhone ?? state.linked.expectedPhone;
    return isWrongNumber(expected, state.linked.me) ? 'wrong' : 'linked';
  }
  // While a link is on offer, main renews used-up codes and retries by itself: the link stays on screen.
  if (mode === 'remote' && state.phase !== 'error' && state.phase !== 'stopped') return 'remote';
  if (state.phase === 'exhausted' || state.phase === 'error' || state.phase === 'stopped') return state.phase;
  // A retrying problem with no code on screen is the state itself; with a code, a banner above it.
  if (state.error && !state.error.fatal && !state.qr && !state.renewing) return 'trouble';
  return mode;
}

/** The status line: progress while a code or the pairing form shows, empty otherwise. */
export function statusTextFor(state: LoginViewState, panel: LoginPanel): string {
  const s = t.login.status;
  if (panel !== 'qr' && panel !== 'pairing' && panel !== 'remote') return '';
  if (state.phase === 'qr' || (panel === 'remote' && state.phase === 'exhausted'))
    return panel === 'pairing' ? s.pairing : panel === 'remote' ? t.remote.waiting : s.qr;
  if (state.status === 'STOPPED') return s.stopped;
  if (state.status === 'WORKING') return s.scanned;
  if (state.status === 'OTHER') return s.other(state.rawStatus);
  return s.starting;
}

/** The view's heading: what is being done, or what came of it. */
export function headingFor(panel: LoginPanel, label: string): string {
  if (panel === 'linked') return t.linked.heading(label);
  if (panel === 'wrong') return t.linked.wrongHeading(label);
  return t.login.title(label);
}
