/**
 * The main window's construction options as data (no `electron` runtime import, so tests load them under
 * Node): a sandboxed, context-isolated renderer without Node, with our preload only.
 */
import { join } from 'node:path';
import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';

/** The built preload, next to out/main (electron-vite layout). */
export const PRELOAD_PATH = join(import.meta.dirname, '../preload/index.cjs');

/** The built renderer page (served as app://wawp-link/index.html, see app-protocol.ts). */
export const RENDERER_INDEX = join(import.meta.dirname, '../renderer/index.html');

/** Secure by construction (design.md pattern 6); tested in test/app/window-options.test.ts. */
export const webPreferences = {
  preload: PRELOAD_PATH,
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  navigateOnDragDrop: false,
  spellcheck: false,
  safeDialogs: true,
} as const satisfies WebPreferences;

/** Saved window position and size. */
export interface WindowBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
}

/** Default size: room for the instance list beside a scannable QR code. */
export const DEFAULT_BOUNDS: WindowBounds = { width: 960, height: 720 };

/** BrowserWindow options from saved bounds (sizes clamped to sane values). */
export function mainWindowOptions(bounds: WindowBounds | null): BrowserWindowConstructorOptions {
  const b = bounds ?? DEFAULT_BOUNDS;
  const size = (value: number, min: number, fallback: number): number =>
    Number.isFinite(value) && value >= min && value <= 10_000 ? Math.round(value) : fallback;
  const position =
    Number.isFinite(b.x) && Number.isFinite(b.y) ? { x: Math.round(b.x ?? 0), y: Math.round(b.y ?? 0) } : {};
  return {
    ...position,
    width: size(b.width, 480, DEFAULT_BOUNDS.width),
    height: size(b.height, 400, DEFAULT_BOUNDS.height),
    minWidth: 480,
    minHeight: 400,
    show: false,
    title: 'wawp-link',
    autoHideMenuBar: true,
    webPreferences: { ...webPreferences },
  };
}
