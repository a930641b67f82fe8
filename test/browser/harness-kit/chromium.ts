/** Launches Debian's Chromium with playwright-core (never a browser download), in a fresh profile. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/** Where Debian installs Chromium (environment.md). */
export const CHROMIUM_PATH = process.env.WAWP_CHROMIUM ?? '/usr/bin/chromium';

/** Flags measured to work on the project machines (environment.md). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** A persistent context in a new temp user-data-dir; `close()` also deletes the profile. */
export async function launchChromium(options: {
  headless?: boolean;
  viewport?: { width: number; height: number };
  colorScheme?: 'light' | 'dark';
  /** Page zoom as Electron applies it: the window keeps `viewport` device pixels, CSS pixels grow `zoom`×. */
  zoom?: number;
}): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'wawp-chromium-'));
  const zoom = options.zoom ?? 1;
  const window = options.viewport ?? { width: 960, height: 720 };
  try {
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
      headless: options.headless ?? true,
      viewport: { width: Math.round(window.width / zoom), height: Math.round(window.height / zoom) },
      deviceScaleFactor: zoom,
      colorScheme: options.colorScheme ?? 'light',
      offline: false,
    });
    return {
      context,
      async close() {
        await context.close();
        rmSync(profile, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
}
