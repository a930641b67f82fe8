/**
 * The main window: secure options (window-options.ts), registered as a trusted IPC sender, bounds persisted,
 * and closing hides it while a tray (or the Dock) can bring it back, else quits (tray-host.ts closeAction).
 */
import { app, BrowserWindow, screen } from 'electron';
import { trustedSenders } from '../ipc/ipc';
import { isQuitting, markQuitting } from './lifecycle';
import { log } from '../platform/log';
import { APP_INDEX_URL } from './app-protocol-resolve';
import { fitToDisplays } from './visible-bounds';
import { mainWindowOptions, type WindowBounds } from './window-options';

/** Where the window's bounds are kept (settings). */
export interface BoundsStore {
  get(): WindowBounds | null;
  set(bounds: WindowBounds): void;
}

let mainWindow: BrowserWindow | null = null;

/** The main window if it exists (tray, deep links and second launch show it). */
export function getMainWindow(): BrowserWindow | null {
  return mainWindow && !mainWindow.isDestroyed() ? mainWindow : null;
}

/**
 * What closing the window does: hide it (a tray or the Dock brings it back), quit (nothing would), or
 * minimize while the tray-host check has not answered yet.
 */
export type CloseBehaviour = () => 'hide' | 'minimize' | 'quit';

let closeBehaviour: CloseBehaviour = () => 'hide';

/** Sets what closing the window does while the app is not quitting (tray.ts reports whether a host exists). */
export function setCloseBehaviour(behaviour: CloseBehaviour): void {
  closeBehaviour = behaviour;
}

/** Shows and focuses the main window, creating it when needed. */
export function showMainWindow(bounds: BoundsStore): BrowserWindow {
  const win = getMainWindow() ?? createMainWindow(bounds, { show: true });
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
  return win;
}

/** Creates the main window; `show: false` starts hidden (launched at login). */
export function createMainWindow(bounds: BoundsStore, options: { show: boolean }): BrowserWindow {
  const saved = bounds.get();
  const placed = saved
    ? fitToDisplays(
        saved,
        screen.getAllDisplays().map((display) => display.workArea),
        screen.getPrimaryDisplay().workArea,
      )
    : null;
  const win = new BrowserWindow(mainWindowOptions(placed));
  mainWindow = win;
  trustedSenders.track(win.webContents);

  let saveTimer: ReturnType<typeof setTimeout> | null = null;
  const saveBounds = (): void => {
    if (saveTimer) clearTimeout(saveTimer);
    saveTimer = null;
    if (!win.isDestroyed() && !win.isMinimized() && !win.isFullScreen()) bounds.set(win.getNormalBounds());
  };
  const saveSoon = (): void => {
    if (saveTimer) clearTimeout(saveTimer);
    saveTimer = setTimeout(saveBounds, 500);
  };
  win.on('resize', saveSoon);
  win.on('move', saveSoon);
  win.on('close', (event) => {
    saveBounds();
    if (isQuitting()) return;
    event.preventDefault();
    const action = closeBehaviour();
    if (action === 'hide') win.hide();
    else if (action === 'minimize') win.minimize();
    else {
      markQuitting();
      app.quit();
    }
  });
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  if (options.show) win.once('ready-to-show', () => win.show());

  const devUrl = process.env.ELECTRON_RENDERER_URL;
  const load = win.loadURL(devUrl ? devUrl : APP_INDEX_URL);
  load.catch((error: unknown) => log.error('window: the app page failed to load', error));
  return win;
}
