import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import {
  menuKey,
  menuText,
  trayMenu,
  trayStateSummary,
  type TrayActions,
  type TrayInstance,
  type TrayState,
} from '../../main/app/tray/tray-menu';
import { problemTitle } from '../../main/app/tray/tray-problem';

function instance(
  id: string,
  status: TrayInstance['status'],
  extra: Partial<TrayInstance> = {},
): TrayInstance {
  return { id, label: `Shop ${id.slice(0, 3)}`, status, me: null, hasToken: true, ...extra };
}

function spyActions(): TrayActions & { calls: string[] } {
  const calls: string[] = [];
  const record =
    (name: string) =>
    (id?: string): void => {
      calls.push(id === undefined ? name : `${name}:${id}`);
    };
  return {
    calls,
    login: record('login'),
    pairing: record('pairing'),
    remoteLink: record('remoteLink'),
    restart: record('restart'),
    logout: record('logout'),
    copy: record('copy'),
    add: record('add'),
    linkAll: record('linkAll'),
    open: record('open'),
    toggleLaunchAtLogin: record('toggleLaunchAtLogin'),
    quit: record('quit'),
  };
}

function find(items: readonly MenuItemConstructorOptions[], id: string): MenuItemConstructorOptions {
  for (const item of items) {
    if (item.id === id) return item;
    if (Array.isArray(item.submenu)) {
      const found = findOrNull(item.submenu, id);
      if (found) return found;
    }
  }
  throw new Error(`no menu item ${id}`);
}
function findOrNull(
  items: readonly MenuItemConstructorOptions[],
  id: string,
): MenuItemConstructorOptions | null {
  try {
    return find(items, id);
  } catch {
    return null;
  }
}
function click(item: MenuItemConstructorOptions): void {
  (item.click as () => void)();
}

const A = '3EB0BCB2E3D4';
const B = 'AAAABBBBCCCC';
const C = '000011112222';
const D = 'ZZZZYYYYXXXX';

describe('trayStateSummary', () => {
  it('counts instances in the tooltip and picks the worst state', () => {
    const summary = trayStateSummary([
      instance(A, 'WORKING'),
      instance(B, 'WORKING'),
      instance(C, 'WORKING'),
      instance(D, 'SCAN_QR_CODE'),
    ]);
    expect(summary.tooltip).toBe('wawp-link — 3 linked · 1 needs linking');
    expect(summary.health).toBe('needs-login');
  });

  it('is linked only when every instance is WORKING', () => {
    expect(trayStateSummary([instance(A, 'WORKING')]).health).toBe('linked');
    expect(trayStateSummary([instance(A, 'WORKING'), instance(B, 'STARTING')]).health).toBe('needs-login');
  });

  it('lets an error win over everything', () => {
    const summary = trayStateSummary([
      instance(A, 'SCAN_QR_CODE'),
      instance(B, 'WORKING', { problem: 'The access token was refused' }),
      instance(C, 'FAILED'),
    ]);
    expect(summary.health).toBe('error');
    expect(summary.line).toBe('1 needs linking · 2 errors');
  });

  it('asks for an instance when there is none, and counts unchecked ones as checking', () => {
    expect(trayStateSummary([])).toEqual({
      health: 'needs-login',
      tooltip: 'wawp-link — No instances yet',
      line: 'No instances yet',
    });
    expect(trayStateSummary([instance(A, 'UNKNOWN'), instance(B, 'STOPPED', { hasToken: false })]).line).toBe(
      '1 needs linking · 1 checking',
    );
  });
});

describe('trayMenu', () => {
  const state: TrayState = {
    instances: [
      instance(A, 'WORKING', { me: { id: '201012345678@c.us', pushName: 'Ann' } }),
      instance(B, 'SCAN_QR_CODE'),
    ],
    launchAtLogin: true,
  };

  it('has the fixed items in order and one submenu per instance', () => {
    const labels = trayMenu(state, spyActions()).map((item) => item.label ?? `—${item.type}`);
    expect(labels).toEqual([
      'Open wawp-link',
      '1 linked · 1 needs linking',
      '—separator',
      '● Shop 3EB',
      '○ Shop AAA',
      'Link all that need it…',
      'Add instance…',
      '—separator',
      'Launch at login',
      '—separator',
      'Quit wawp-link',
    ]);
  });

  it('gives each instance a status line and every action', () => {
    const menu = trayMenu(state, spyActions());
    const submenu = find(menu, `instance:${A}`).submenu as MenuItemConstructorOptions[];
    expect(submenu.map((item) => item.label ?? '—')).toEqual([
      'Linked as +20 10 12345678',
      '—',
      'Link…',
      'Link with phone number…',
      'Send a link to the phone’s owner…',
      'Restart session',
      'Log out…',
      '—',
      'Copy instance id',
    ]);
    expect(find(menu, `status:${A}`).enabled).toBe(false);
    expect(find(menu, `status:${B}`).label).toBe('Needs linking — waiting for a QR scan');
  });

  it('offers the remote link to unlinked instances with a token only', () => {
    const noToken = { ...instance(B, 'STOPPED'), hasToken: false };
    const menu = trayMenu(
      { ...state, instances: [...state.instances, { ...noToken, id: 'C0C0C0C0C0C0' }] },
      spyActions(),
    );
    expect(find(menu, `remote:${A}`).enabled).toBe(false);
    expect(find(menu, `remote:${B}`).enabled).toBe(true);
    expect(find(menu, 'remote:C0C0C0C0C0C0').enabled).toBe(false);
  });

  it('shows a wrong number until it is resolved: menu line, expected number, summary, and a way to resolve it', () => {
    const me = { id: '201099999999@c.us', pushName: null };
    const wrong = instance(A, 'WORKING', { me, expectedPhone: '201012345678' });
    const menu = trayMenu({ instances: [wrong], launchAtLogin: false }, spyActions());
    expect(find(menu, `instance:${A}`).label).toBe('! Shop 3EB');
    expect(find(menu, `status:${A}`).label).toBe('Wrong number: +20 10 99999999');
    expect(find(menu, `expected:${A}`).label).toBe('Expected +20 10 12345678');
    expect(find(menu, `login:${A}`)).toMatchObject({ label: 'Resolve wrong number…', enabled: true });
    expect(trayStateSummary([wrong, instance(B, 'WORKING')])).toMatchObject({
      line: '1 linked · 1 wrong number',
      health: 'needs-login',
    });
    const kept = instance(A, 'WORKING', { me, expectedPhone: '201099999999' });
    expect(trayStateSummary([kept])).toMatchObject({ line: '1 linked', health: 'linked' });
  });

  it('offers to link unlinked instances and to log out linked ones', () => {
    const menu = trayMenu(state, spyActions());
    expect([find(menu, `login:${A}`).enabled, find(menu, `logout:${A}`).enabled]).toEqual([false, true]);
    expect([find(menu, `login:${B}`).enabled, find(menu, `logout:${B}`).enabled]).toEqual([true, false]);
  });

  it('routes every click to its action with the right instance id', () => {
    const actions = spyActions();
    const menu = trayMenu(state, actions);
    for (const id of [
      `login:${B}`,
      `pairing:${B}`,
      `remote:${B}`,
      `restart:${A}`,
      `logout:${A}`,
      `copy:${A}`,
    ]) {
      click(find(menu, id));
    }
    for (const id of ['open', 'link-all', 'add', 'launch-at-login', 'quit']) click(find(menu, id));
    expect(actions.calls).toEqual([
      `login:${B}`,
      `pairing:${B}`,
      `remoteLink:${B}`,
      `restart:${A}`,
      `logout:${A}`,
      `copy:${A}`,
      'open',
      'linkAll',
      'add',
      'toggleLaunchAtLogin',
      'quit',
    ]);
  });

  it('offers "Link all that need it…" only while an instance with a token is not linked', () => {
    expect(find(trayMenu(state, spyActions()), 'link-all').enabled).toBe(true);
    const linked = state.instances.map((i) => ({ ...i, status: 'WORKING' as const }));
    expect(find(trayMenu({ ...state, instances: linked }, spyActions()), 'link-all').enabled).toBe(false);
    const tokenless = state.instances.map((i) => (i.status === 'WORKING' ? i : { ...i, hasToken: false }));
    expect(find(trayMenu({ ...state, instances: tokenless }, spyActions()), 'link-all').enabled).toBe(false);
    expect(find(trayMenu({ ...state, instances: [] }, spyActions()), 'link-all').enabled).toBe(false);
  });

  it('shows launch at login as a checkbox with the current value', () => {
    const item = find(trayMenu({ ...state, launchAtLogin: false }, spyActions()), 'launch-at-login');
    expect(item).toMatchObject({ type: 'checkbox', checked: false });
  });
});

describe('menuKey (rebuild only when the template changes)', () => {
  const base: TrayState = {
    instances: [instance(A, 'WORKING'), instance(B, 'STOPPED')],
    launchAtLogin: false,
  };

  it('is equal for equal states even with fresh action closures', () => {
    expect(menuKey(trayMenu(base, spyActions()))).toBe(menuKey(trayMenu({ ...base }, spyActions())));
  });

  it('ignores fields the menu does not show (the base URL)', () => {
    const renamed = {
      ...base,
      instances: [instance(A, 'WORKING', { baseUrl: 'x' } as never), base.instances[1]!],
    };
    expect(menuKey(trayMenu(renamed, spyActions()))).toBe(menuKey(trayMenu(base, spyActions())));
  });

  it('changes when a status, a label or the checkbox changes', () => {
    const key = menuKey(trayMenu(base, spyActions()));
    const changed: TrayState[] = [
      { ...base, launchAtLogin: true },
      { ...base, instances: [instance(A, 'SCAN_QR_CODE'), base.instances[1]!] },
      { ...base, instances: [instance(A, 'WORKING', { label: 'Renamed' }), base.instances[1]!] },
      { ...base, instances: [base.instances[0]!] },
    ];
    for (const state of changed) expect(menuKey(trayMenu(state, spyActions()))).not.toBe(key);
  });
});

describe('menuText', () => {
  it('strips bidi overrides and control characters, escapes & and caps the length', () => {
    expect(menuText('Ann\u202e & Bob\u0007')).toBe('Ann && Bob');
    expect(menuText('x'.repeat(100))).toHaveLength(40);
  });
});

describe('tray fallback for refused notifications', () => {
  it('offers "Link … again" at the top for instances whose notification the OS refused', () => {
    const actions = spyActions();
    const state: TrayState = {
      instances: [instance('3EB0BCB2E3D4', 'SCAN_QR_CODE'), instance('AAAABBBBCCCC', 'WORKING')],
      launchAtLogin: false,
      attention: ['3EB0BCB2E3D4', 'GONEGONEGONE'],
    };
    const menu = trayMenu(state, actions);
    const item = menu.find((entry) => entry.id === 'attention:3EB0BCB2E3D4');
    expect(item?.label).toBe('Link Shop 3EB again…');
    expect(menu.indexOf(item!)).toBe(2); // right under "Open" and the summary
    expect(menu.some((entry) => entry.id === 'attention:GONEGONEGONE')).toBe(false); // removed instance
    item!.click!({} as never, undefined, {});
    expect(actions.calls).toEqual(['login:3EB0BCB2E3D4']);
    expect(menuKey(menu)).not.toBe(menuKey(trayMenu({ ...state, attention: [] }, actions)));
  });
});

describe('problemTitle', () => {
  it("names a problem in describeProblem's words, with the instance's server when the error has no host", () => {
    const view = { id: A, baseUrl: 'https://api.example.com' };
    expect(problemTitle({ code: 'network', cause: 'refused' }, view)).toBe("Can't reach api.example.com");
    expect(problemTitle({ code: 'timeout', host: 'other.example' }, view)).toBe(
      'other.example is not answering',
    );
    expect(problemTitle({ code: 'unauthorized' }, view)).toBe('The access token was refused');
  });
});
