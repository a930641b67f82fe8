/**
 * The tray's thin owner: renders trayMenu(state) into a native Menu only when its key changes, sets the icon
 * for the worst state (macOS: *Template.png that the menu bar recolours), the tooltip that counts instances,
 * and opens the window on click where clicks are reliable (Windows). On Linux every action is in the menu.
 * `hasHost` says whether anyone can see the icon; without one the window must stay reachable (see tray-host.ts).
 */
import { app, Menu, nativeImage, Tray, type NativeImage } from 'electron';
import { join } from 'node:path';
import { trayStateSummary, type TrayActions, type TrayHealth, type TrayState } from './tray-menu';
import { createTrayRenderer } from './tray-render';
import { hasTrayHost } from './tray-host';

export interface TrayDeps {
  /** The current state (instance views with health problems, the launch-at-login flag). */
  state(): TrayState;
  actions: TrayActions;
  /** Calls `listener` whenever the state may have changed; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
  /** Where the tray PNGs are; default `trayIconDir()`. */
  iconDir?: string;
}

export interface TrayHandle {
  /** Resolves whether a tray host shows the icon (always true on macOS and Windows). */
  hasHost: Promise<boolean>;
  /**
   * Re-renders now (cheap: nothing is rebuilt when nothing changed). `force` rebuilds anyway, e.g. after a
   * checkbox click whose action failed: the native item flipped itself, the state did not.
   */
  refresh(force?: boolean): void;
  /** How many times the native menu was rebuilt (diagnostics; tests of the owner). */
  rebuilds(): number;
  dispose(): void;
  /** Whether the icon exists (created and not yet disposed). */
  exists(): boolean;
}

/** resources/tray in a packaged app (electron-builder extraResources), build/tray in development. */
export function trayIconDir(): string {
  return app.isPackaged ? join(process.resourcesPath, 'tray') : join(app.getAppPath(), 'build', 'tray');
}

/** The icon file for a state on this platform (nativeImage picks the @2x file by itself). */
export function trayIconFile(dir: string, health: TrayHealth, platform = process.platform): string {
  return join(dir, platform === 'darwin' ? `${health}Template.png` : `${health}.png`);
}

/** Creates the tray; call after `app.whenReady()`. */
export function setupTray(deps: TrayDeps): TrayHandle {
  const dir = deps.iconDir ?? trayIconDir();
  const image = (health: TrayHealth): NativeImage => {
    const icon = nativeImage.createFromPath(trayIconFile(dir, health));
    if (process.platform === 'darwin') icon.setTemplateImage(true);
    return icon;
  };
  const tray = new Tray(image(trayStateSummary(deps.state().instances).health));
  const renderer = createTrayRenderer(
    {
      setHealth: (health) => tray.setImage(image(health)),
      setToolTip: (text) => tray.setToolTip(text),
      setMenu: (template) => tray.setContextMenu(Menu.buildFromTemplate(template)),
    },
    () => deps.state(),
    deps.actions,
  );
  const render = (force?: boolean): void => {
    if (!tray.isDestroyed()) renderer.render(force);
  };
  render();
  // Windows users expect a left click to open the app; macOS and Linux show the menu instead.
  if (process.platform === 'win32') tray.on('click', () => deps.actions.open());
  const unsubscribe = deps.subscribe(() => render());

  return {
    hasHost: hasTrayHost(),
    refresh: render,
    rebuilds: () => renderer.rebuilds(),
    exists: () => !tray.isDestroyed(),
    dispose() {
      unsubscribe();
      if (!tray.isDestroyed()) tray.destroy();
    },
  };
}
