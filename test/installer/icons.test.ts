/**
 * The generated icons in build/ (scripts/make-icons.sh, from build/icon.svg) have the sizes and formats
 * each platform needs: PNG set for Linux, a multi-size ICO for Windows, an ICNS for macOS, and tray icons
 * per state at 1x/2x, the macOS ones monochrome template images.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';

const build = resolve(import.meta.dirname, '../../build');
const read = (name: string): Buffer => readFileSync(resolve(build, name));
const png = (name: string): PNG => PNG.sync.read(read(name));
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function alphaAt(image: PNG, x: number, y: number): number {
  return image.data[(y * image.width + x) * 4 + 3]!;
}

describe('app icon', () => {
  it('has its one SVG source committed', () => {
    expect(read('icon.svg').toString()).toMatch(/<svg[^>]+viewBox="0 0 1024 1024"/);
  });

  it('is a 1024×1024 PNG with transparent corners (the tile is rounded)', () => {
    const icon = png('icon.png');
    expect([icon.width, icon.height]).toEqual([1024, 1024]);
    expect(alphaAt(icon, 0, 0)).toBe(0);
    expect(alphaAt(icon, 512, 512)).toBe(255);
  });

  it.each([16, 24, 32, 48, 64, 128, 256, 512, 1024])('has a %i px Linux icon of that size', (size) => {
    const icon = png(`icons/${size}x${size}.png`);
    expect([icon.width, icon.height]).toEqual([size, size]);
  });

  it('has a Windows ICO holding 16 to 256 px images', () => {
    const ico = read('icon.ico');
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]); // reserved, type 1 = icon
    const count = ico.readUInt16LE(4);
    const sizes: number[] = [];
    for (let i = 0; i < count; i += 1) {
      const entry = 6 + 16 * i;
      const size = ico[entry] || 256; // 0 means 256
      const bytes = ico.readUInt32LE(entry + 8);
      const offset = ico.readUInt32LE(entry + 12);
      expect(offset + bytes).toBeLessThanOrEqual(ico.length);
      const data = ico.subarray(offset, offset + bytes);
      if (data.subarray(0, 8).equals(PNG_SIGNATURE)) {
        const inner = PNG.sync.read(data);
        expect([inner.width, inner.height]).toEqual([size, size]);
      } else {
        expect(data.readUInt32LE(0)).toBe(40); // BITMAPINFOHEADER
        expect([data.readInt32LE(4), data.readInt32LE(8)]).toEqual([size, 2 * size]); // XOR + AND masks
        expect(data.readUInt16LE(14)).toBe(32); // 32-bit with alpha
      }
      sizes.push(size);
    }
    expect(sizes.sort((a, b) => a - b)).toEqual([16, 24, 32, 48, 64, 128, 256]);
  });

  it('has a macOS ICNS whose chunks add up and include the 512 and 1024 px (Retina) images', () => {
    const icns = read('icon.icns');
    expect(icns.subarray(0, 4).toString('latin1')).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const types: string[] = [];
    for (let at = 8; at < icns.length;) {
      const length = icns.readUInt32BE(at + 4);
      expect(length).toBeGreaterThan(8);
      types.push(icns.subarray(at, at + 4).toString('latin1'));
      at += length;
    }
    expect(types).toEqual(expect.arrayContaining(['is32', 'il32', 'ic08', 'ic09', 'ic10']));
  });
});

describe('tray icons', () => {
  const states = ['linked', 'needs-login', 'error'];

  it.each(states)('has %s at 16 px and @2x 32 px, in colour and as a macOS template', (state) => {
    for (const [suffix, size] of [
      ['', 16],
      ['@2x', 32],
    ] as const) {
      for (const kind of ['', 'Template']) {
        const image = png(`tray/${state}${kind}${suffix}.png`);
        expect([image.width, image.height]).toEqual([size, size]);
      }
    }
  });

  it.each(states)(
    'draws the %s template image in black and alpha only (the menu bar recolours it)',
    (state) => {
      for (const name of [`tray/${state}Template.png`, `tray/${state}Template@2x.png`]) {
        const { data } = png(name);
        let visible = 0;
        for (let i = 0; i < data.length; i += 4) {
          if (data[i + 3] === 0) continue;
          visible += 1;
          expect([data[i], data[i + 1], data[i + 2]]).toEqual([0, 0, 0]);
        }
        expect(visible).toBeGreaterThan(20);
      }
    },
  );

  it('gives each state a different look', () => {
    const looks = states.flatMap((state) => [read(`tray/${state}.png`), read(`tray/${state}Template.png`)]);
    expect(new Set(looks.map((buffer) => buffer.toString('base64'))).size).toBe(looks.length);
  });
});
