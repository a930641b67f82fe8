import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitScale, moduleScale, MIN_QR_PX, QUIET_ZONE } from './qr';

describe('QR module scale', () => {
  it('reaches at least the minimum size with whole pixels per module', () => {
    fc.assert(
      fc.property(fc.integer({ min: 21, max: 177 }), (modules) => {
        const scale = moduleScale(modules);
        expect(Number.isInteger(scale)).toBe(true);
        expect((modules + 2 * QUIET_ZONE) * scale).toBeGreaterThanOrEqual(MIN_QR_PX);
      }),
    );
  });

  it('fits the space given and is the largest whole scale that does', () => {
    fc.assert(
      fc.property(fc.integer({ min: 21, max: 177 }), fc.integer({ min: 200, max: 4000 }), (modules, px) => {
        const side = modules + 2 * QUIET_ZONE;
        const scale = fitScale(modules, px);
        expect(side * scale).toBeLessThanOrEqual(Math.max(px, side));
        expect(side * (scale + 1)).toBeGreaterThan(px);
      }),
    );
  });

  it('never draws below one pixel per module, even in a tiny window', () => {
    expect(fitScale(57, 10)).toBe(1);
  });
});
