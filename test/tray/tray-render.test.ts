import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import type { TrayActions, TrayHealth, TrayInstance, TrayState } from '../../main/app/tray/tray-menu';
import { createTrayRenderer, type TraySink } from '../../main/app/tray/tray-render';

const A = '3EB0BCB2E3D4';
const noop = (): void => undefined;
const actions: TrayActions = {
  login: noop,
  pairing: noop,
  remoteLink: noop,
  restart: noop,
  logout: noop,
  copy: noop,
  add: noop,
  linkAll: noop,
  open: noop,
  toggleLaunchAtLogin: noop,
  quit: noop,
};

/** A sink that records what the native tray would have been told. */
function recordingSink(): TraySink & {
  health: TrayHealth[];
  tooltips: string[];
  menus: MenuItemConstructorOptions[][];
} {
  const sink = {
    health: [] as TrayHealth[],
    tooltips: [] as string[],
    menus: [] as MenuItemConstructorOptions[][],
    setHealth: (health: TrayHealth) => void sink.health.push(health),
    setToolTip: (text: string) => void sink.tooltips.push(text),
    setMenu: (template: MenuItemConstructorOptions[]) => void sink.menus.push(template),
  };
  return sink;
}

function instance(status: TrayInstance['status']): TrayInstance {
  return { id: A, label: 'Shop', status, me: null, hasToken: true };
}

describe('tray renderer', () => {
  it('sets icon, tooltip and menu once, then rebuilds nothing while nothing changed', () => {
    let state: TrayState = { instances: [instance('WORKING')], launchAtLogin: false };
    const sink = recordingSink();
    const renderer = createTrayRenderer(sink, () => state, actions);
    renderer.render();
    renderer.render();
    state = { instances: [instance('WORKING')], launchAtLogin: false }; // equal, but a new object
    renderer.render();
    expect(sink.health).toEqual(['linked']);
    expect(sink.tooltips).toEqual(['wawp-link — 1 linked']);
    expect(renderer.rebuilds()).toBe(1);
  });

  it('rebuilds the menu and swaps the icon when a status changes', () => {
    let state: TrayState = { instances: [instance('WORKING')], launchAtLogin: false };
    const sink = recordingSink();
    const renderer = createTrayRenderer(sink, () => state, actions);
    renderer.render();
    state = { ...state, instances: [instance('SCAN_QR_CODE')] };
    renderer.render();
    state = { ...state, instances: [instance('FAILED')] };
    renderer.render();
    expect(sink.health).toEqual(['linked', 'needs-login', 'error']);
    expect(sink.tooltips).toEqual([
      'wawp-link — 1 linked',
      'wawp-link — 1 needs linking',
      'wawp-link — 1 error',
    ]);
    expect(renderer.rebuilds()).toBe(3);
  });

  it('rebuilds only the menu for a change the icon does not show, and on force', () => {
    let state: TrayState = { instances: [instance('WORKING')], launchAtLogin: false };
    const sink = recordingSink();
    const renderer = createTrayRenderer(sink, () => state, actions);
    renderer.render();
    state = { ...state, launchAtLogin: true };
    renderer.render();
    renderer.render(true);
    expect(sink.health).toEqual(['linked']);
    expect(sink.tooltips).toHaveLength(1);
    expect(sink.menus.map((menu) => menu.find((item) => item.id === 'launch-at-login')?.checked)).toEqual([
      false,
      true,
      true,
    ]);
  });
});
