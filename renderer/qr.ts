/**
 * Draws a login QR code with the `qrcode` package: dark modules on white with a 4-module quiet zone in every
 * theme (phones fail on inverted or margin-less codes), an integer pixel scale per module (no blurred edges)
 * and at least MIN_QR_PX CSS pixels wide so a phone camera reads it from arm's length.
 */
import QRCode from 'qrcode';

/** Smallest drawn size in CSS pixels, quiet zone included. */
export const MIN_QR_PX = 264;
/** Quiet zone in modules (ISO/IEC 18004 asks for 4). */
export const QUIET_ZONE = 4;

/** How big to draw: at least `minPx` (normal view), or as large as fits in `fitPx` (enlarged view). */
export type QrSize = { minPx: number } | { fitPx: number };

/** Module size in CSS pixels for a code of `modules` per side to reach `minPx` (an integer, at least 1). */
export function moduleScale(modules: number, minPx: number = MIN_QR_PX): number {
  return Math.max(1, Math.ceil(minPx / (modules + 2 * QUIET_ZONE)));
}

/** The largest integer module size whose code, quiet zone included, fits in `fitPx` (at least 1). */
export function fitScale(modules: number, fitPx: number): number {
  return Math.max(1, Math.floor(fitPx / (modules + 2 * QUIET_ZONE)));
}

/** Draws `value` on `canvas` (reused) at `size`; returns the CSS size in pixels. */
export function drawQr(
  canvas: HTMLCanvasElement,
  value: string,
  size: QrSize = { minPx: MIN_QR_PX },
): number {
  const code = QRCode.create(value, { errorCorrectionLevel: 'M' });
  const modules = code.modules.size;
  const scale = 'fitPx' in size ? fitScale(modules, size.fitPx) : moduleScale(modules, size.minPx);
  const total = (modules + 2 * QUIET_ZONE) * scale;
  const ratio = Math.max(1, Math.round(window.devicePixelRatio || 1));
  canvas.width = total * ratio;
  canvas.height = total * ratio;
  // CSSOM sizing (not a style attribute), allowed by the strict CSP.
  canvas.style.width = `${total}px`;
  canvas.style.height = `${total}px`;
  const context = canvas.getContext('2d');
  if (!context) return total;
  const px = scale * ratio;
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.fillStyle = '#000000';
  for (let row = 0; row < modules; row += 1) {
    for (let col = 0; col < modules; col += 1) {
      if (code.modules.get(row, col)) {
        context.fillRect((col + QUIET_ZONE) * px, (row + QUIET_ZONE) * px, px, px);
      }
    }
  }
  return total;
}

/** Wipes the canvas to plain white (an expired code must never stay readable). */
export function clearQr(canvas: HTMLCanvasElement): void {
  const context = canvas.getContext('2d');
  if (!context) return;
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
}
