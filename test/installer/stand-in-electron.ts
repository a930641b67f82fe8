/**
 * What the offline packing tests share: a stand-in Electron folder (an `electron` file carrying only
 * Electron's fuse wire, so @electron/fuses can flip it) and an environment in which electron-builder
 * cannot download anything (every proxy is a closed loopback port, the caches are empty temp folders).
 */
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');

/** Electron's fuse sentinel, wire version 1, 8 fuses in Electron's default states ('1' on, '0' off). */
function standInBinary(): Buffer {
  const wire = Buffer.from([1, 8, ...Buffer.from('11110001')]);
  return Buffer.concat([Buffer.from('stand-in electron\0dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'), wire]);
}

/** Writes `<work>/electron-dist/electron`; returns the folder for `electronDist`. */
export function makeStandInElectron(work: string): string {
  const dist = join(work, 'electron-dist');
  mkdirSync(dist, { recursive: true });
  writeFileSync(join(dist, 'electron'), standInBinary());
  chmodSync(join(dist, 'electron'), 0o755);
  return dist;
}

/** The installed electron package's version (what `electronVersion` must say without a download). */
export function electronVersion(): string {
  const manifest = readFileSync(join(ROOT, 'node_modules/electron/package.json'), 'utf8');
  return (JSON.parse(manifest) as { version: string }).version;
}

/** Environment variables that make any download fail at once. */
export function offlineEnv(work: string): NodeJS.ProcessEnv {
  const closed = 'http://127.0.0.1:9';
  return {
    ELECTRON_BUILDER_CACHE: join(work, 'cache'),
    ELECTRON_CACHE: join(work, 'cache'),
    HTTP_PROXY: closed,
    HTTPS_PROXY: closed,
    http_proxy: closed,
    https_proxy: closed,
    NO_PROXY: '',
    CSC_IDENTITY_AUTO_DISCOVERY: 'false',
  };
}
