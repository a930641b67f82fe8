/**
 * Saved window bounds that still fit the screens: a position on a display that is gone (unplugged monitor,
 * changed layout) is dropped so the window opens centred on the primary display, and a size larger than that
 * display's work area is shrunk to fit. Pure: the displays' work areas come from Electron's `screen`.
 */
import type { WindowBounds } from './window-options';

/** A display's usable area (Electron `Display.workArea`). */
export interface Area {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** How much of the window's top strip (where the title bar is) must be on a display to count as visible. */
const MIN_VISIBLE = { width: 100, height: 40 };

function overlap(a: Area, b: Area): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  };
}

/** `bounds` kept where its title bar is reachable on some display; else without position, sized to `primary`. */
export function fitToDisplays(bounds: WindowBounds, displays: readonly Area[], primary: Area): WindowBounds {
  const size = {
    width: Math.min(bounds.width, primary.width),
    height: Math.min(bounds.height, primary.height),
  };
  if (bounds.x === undefined || bounds.y === undefined) return size;
  const titleBar: Area = { x: bounds.x, y: bounds.y, width: bounds.width, height: MIN_VISIBLE.height };
  const visible = displays.some((area) => {
    const seen = overlap(titleBar, area);
    return seen.width >= MIN_VISIBLE.width && seen.height >= MIN_VISIBLE.height;
  });
  return visible ? bounds : size;
}
