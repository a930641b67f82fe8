/**
 * The tray as data: `trayMenu(state, actions)` is a pure function of what the tray shows, so it is unit-tested
 * and the owner (tray.ts) rebuilds the native Menu only when `menuKey` of the template changes. Every action is
 * a menu item, because Linux trays (StatusNotifierItem) often ignore clicks on the icon itself.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { InstanceView } from '../../../common/ipc';
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { isWrongNumber, linkedDigits } from '../../../common/linked-number';

/** What the tray needs to know about one instance (never a token). */
export type TrayInstance = Pick<InstanceView, 'id' | 'label' | 'status' | 'me' | 'hasToken'> & {
  /** Digits of the number the user expects; a different linked number shows as "wrong number". */
  expectedPhone?: string | null;
  /** The last background check failed (wrong token, unknown instance…): shown and counted as an error. */
  problem?: string | null;
};

export interface TrayState {
  instances: readonly TrayInstance[];
  launchAtLogin: boolean;
  /** Ids whose "Link again" notification the OS refused: offered at the top of the menu instead. */
  attention?: readonly string[];
}

/** Everything the menu can ask for; the composition root implements them (confirmation lives in `logout`). */
export interface TrayActions {
  login(id: string): void;
  pairing(id: string): void;
  /** Opens "Send a link to the phone's owner" (a Wawp temp link) for the instance. */
  remoteLink(id: string): void;
  restart(id: string): void;
  logout(id: string): void;
  copy(id: string): void;
  add(): void;
  /** Opens batch linking of every instance that needs linking. */
  linkAll(): void;
  open(): void;
  toggleLaunchAtLogin(): void;
  quit(): void;
}

/** The three looks of the tray icon, worst first. */
export type TrayHealth = 'error' | 'needs-login' | 'linked';

/** How one instance counts in the tooltip: pending (starting, not yet checked) is neither good nor bad. */
export type InstanceHealth = TrayHealth | 'pending' | 'wrong-number';

/** True when the linked number is not the expected one (until the user logs it out or keeps it). */
function wrongNumber(instance: TrayInstance): boolean {
  return instance.status === 'WORKING' && isWrongNumber(instance.expectedPhone, instance.me);
}

/**
 * Classifies one instance: FAILED or a failed check is an error; a wrong number is its own warning; no token,
 * STOPPED or a QR wait needs linking.
 */
export function instanceHealth(instance: TrayInstance): InstanceHealth {
  if (instance.problem || instance.status === 'FAILED') return 'error';
  if (!instance.hasToken) return 'needs-login';
  if (wrongNumber(instance)) return 'wrong-number';
  if (instance.status === 'WORKING') return 'linked';
  if (instance.status === 'STOPPED' || instance.status === 'SCAN_QR_CODE') return 'needs-login';
  return 'pending';
}

export interface TraySummary {
  /** The worst state, which picks the icon: linked only when all are WORKING; no instances asks for one. */
  health: TrayHealth;
  /** e.g. "wawp-link — 3 linked · 1 needs linking". */
  tooltip: string;
  /** The tooltip without the product name, for a menu line (Linux trays show no tooltips). */
  line: string;
}

/** Worst state across instances plus the tooltip that counts them. */
export function trayStateSummary(instances: readonly TrayInstance[]): TraySummary {
  const count: Record<InstanceHealth, number> = {
    linked: 0,
    'needs-login': 0,
    'wrong-number': 0,
    error: 0,
    pending: 0,
  };
  for (const instance of instances) count[instanceHealth(instance)] += 1;
  const wrong = count['wrong-number'];
  const parts = [
    count.linked ? `${count.linked} linked` : '',
    wrong ? `${wrong} wrong ${wrong === 1 ? 'number' : 'numbers'}` : '',
    count['needs-login'] ? `${count['needs-login']} needs linking` : '',
    count.error ? `${count.error} ${count.error === 1 ? 'error' : 'errors'}` : '',
    count.pending ? `${count.pending} checking` : '',
  ].filter(Boolean);
  const line = instances.length === 0 ? 'No instances yet' : parts.join(' · ');
  const health: TrayHealth =
    count.error > 0
      ? 'error'
      : count.linked === instances.length && instances.length > 0
        ? 'linked'
        : 'needs-login';
  return { health, tooltip: `wawp-link — ${line}`, line };
}

const MAX_LABEL = 40;

/** `201012345678@c.us` or digits → `+20 10 12345678` (libphonenumber-js), unknown shapes → `+digits`. */
function phoneOf(whatsappId: string): string {
  const digits = linkedDigits(whatsappId);
  return parsePhoneNumberFromString(`+${digits}`)?.formatInternational() ?? `+${digits}`;
}

/** Menu-safe text: no control or bidi-override characters, `&` not taken as a Windows mnemonic, length capped. */
export function menuText(text: string): string {
  const clean = text.replace(/[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu, '').trim();
  const short = clean.length > MAX_LABEL ? `${clean.slice(0, MAX_LABEL - 1)}…` : clean;
  return short.replace(/&/g, '&&');
}

/** The status line at the top of an instance's submenu, in the user's words. */
export function statusLine(instance: TrayInstance): string {
  if (instance.problem) return menuText(instance.problem);
  if (!instance.hasToken) return 'No access token — add it to link';
  if (wrongNumber(instance)) return menuText(`Wrong number: ${phoneOf(instance.me!.id)}`);
  switch (instance.status) {
    case 'WORKING':
      return instance.me ? `Linked as ${phoneOf(instance.me.id)}` : 'Linked';
    case 'SCAN_QR_CODE':
      return 'Needs linking — waiting for a QR scan';
    case 'STOPPED':
      return 'Needs linking — session stopped';
    case 'STARTING':
      return 'Starting…';
    case 'FAILED':
      return 'Failed — restart the session';
    case 'UNKNOWN':
      return 'Checking…';
    default:
      return 'Changing state…';
  }
}

const MARK: Record<InstanceHealth, string> = {
  linked: '●',
  'needs-login': '○',
  'wrong-number': '!',
  error: '✕',
  pending: '…',
};

function instanceMenu(instance: TrayInstance, actions: TrayActions): MenuItemConstructorOptions {
  const id = instance.id;
  const wrong = wrongNumber(instance);
  const linked = instance.status === 'WORKING' && !wrong;
  const expected: MenuItemConstructorOptions[] = wrong
    ? [{ id: `expected:${id}`, label: `Expected ${phoneOf(instance.expectedPhone!)}`, enabled: false }]
    : [];
  return {
    id: `instance:${id}`,
    label: `${MARK[instanceHealth(instance)]} ${menuText(instance.label || id)}`,
    submenu: [
      { id: `status:${id}`, label: statusLine(instance), enabled: false },
      ...expected,
      { type: 'separator' },
      {
        id: `login:${id}`,
        label: wrong ? 'Resolve wrong number…' : 'Link…',
        enabled: !linked,
        click: () => actions.login(id),
      },
      {
        id: `pairing:${id}`,
        label: 'Link with phone number…',
        enabled: !linked && !wrong,
        click: () => actions.pairing(id),
      },
      {
        id: `remote:${id}`,
        label: 'Send a link to the phone’s owner…',
        enabled: !linked && !wrong && instance.hasToken,
        click: () => actions.remoteLink(id),
      },
      {
        id: `restart:${id}`,
        label: 'Restart session',
        enabled: instance.hasToken,
        click: () => actions.restart(id),
      },
      { id: `logout:${id}`, label: 'Log out…', enabled: linked, click: () => actions.logout(id) },
      { type: 'separator' },
      { id: `copy:${id}`, label: 'Copy instance id', click: () => actions.copy(id) },
    ],
  };
}

/** The whole tray menu as a template (labels, enabled flags and a click per action). */
export function trayMenu(state: TrayState, actions: TrayActions): MenuItemConstructorOptions[] {
  const summary = trayStateSummary(state.instances);
  const attention = (state.attention ?? []).flatMap((id) => {
    const instance = state.instances.find((candidate) => candidate.id === id);
    if (!instance) return [];
    const label = `Link ${menuText(instance.label || id)} again…`;
    return [{ id: `attention:${id}`, label, click: () => actions.login(id) }];
  });
  return [
    { id: 'open', label: 'Open wawp-link', click: () => actions.open() },
    { id: 'summary', label: summary.line, enabled: false },
    ...attention,
    { type: 'separator' },
    ...state.instances.map((instance) => instanceMenu(instance, actions)),
    {
      id: 'link-all',
      label: 'Link all that need it…',
      enabled: state.instances.some((i) => i.hasToken && i.status !== 'WORKING'),
      click: () => actions.linkAll(),
    },
    { id: 'add', label: 'Add instance…', click: () => actions.add() },
    { type: 'separator' },
    {
      id: 'launch-at-login',
      label: 'Launch at login',
      type: 'checkbox',
      checked: state.launchAtLogin,
      click: () => actions.toggleLaunchAtLogin(),
    },
    { type: 'separator' },
    { id: 'quit', label: 'Quit wawp-link', click: () => actions.quit() },
  ];
}

/** A serialisable key of a template: JSON drops the click functions, so equal keys mean an identical menu. */
export function menuKey(template: readonly MenuItemConstructorOptions[]): string {
  return JSON.stringify(template);
}
