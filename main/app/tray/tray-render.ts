/**
 * The tray's update rule, apart from Electron so it is tested: given a sink (the native Tray), push the icon
 * state and tooltip only when they change, and rebuild the menu only when the template's key changes.
 */
import type { MenuItemConstructorOptions } from 'electron';
import {
  menuKey,
  trayMenu,
  trayStateSummary,
  type TrayActions,
  type TrayHealth,
  type TrayState,
} from './tray-menu';

/** What the renderer drives: tray.ts maps these onto Tray.setImage / setToolTip / setContextMenu. */
export interface TraySink {
  setHealth(health: TrayHealth): void;
  setToolTip(text: string): void;
  setMenu(template: MenuItemConstructorOptions[]): void;
}

export interface TrayRenderer {
  /** Brings the sink up to date; `force` rebuilds the menu even when its key is unchanged. */
  render(force?: boolean): void;
  /** How many times the menu was rebuilt. */
  rebuilds(): number;
}

/** Creates the renderer; the first `render()` sets icon, tooltip and menu. */
export function createTrayRenderer(
  sink: TraySink,
  state: () => TrayState,
  actions: TrayActions,
): TrayRenderer {
  let health: TrayHealth | null = null;
  let tooltip: string | null = null;
  let key: string | null = null;
  let count = 0;
  return {
    render(force = false) {
      const current = state();
      const summary = trayStateSummary(current.instances);
      if (summary.health !== health) sink.setHealth((health = summary.health));
      if (summary.tooltip !== tooltip) sink.setToolTip((tooltip = summary.tooltip));
      const template = trayMenu(current, actions);
      const next = menuKey(template);
      if (next === key && !force) return;
      key = next;
      count += 1;
      sink.setMenu(template);
    },
    rebuilds: () => count,
  };
}
