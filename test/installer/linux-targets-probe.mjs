// Runs electron-builder's real AppImage and deb targets up to the point where they would call
// appimagetool / fpm (its documented `effectiveOptionComputed` hook stops them there) and prints, as JSON,
// what they computed: the AppImage's .desktop entry and file name, and the deb's fpm arguments plus its
// .desktop file. Usage: node linux-targets-probe.mjs <electronDist> <electronVersion> <outDir>
import { readFileSync } from 'node:fs';
import process from 'node:process';
import { build, Platform } from 'electron-builder';

const [electronDist, electronVersion, output] = process.argv.slice(2);
const result = { appImage: null, deb: null };
await build({
  targets: Platform.LINUX.createTarget(['AppImage', 'deb']),
  publish: 'never',
  config: { electronDist, electronVersion, directories: { output } },
  effectiveOptionComputed: async (computed) => {
    if (Array.isArray(computed)) {
      const [args, desktopFile] = computed;
      result.deb = { args, desktop: readFileSync(desktopFile, 'utf8') };
    } else {
      result.appImage = computed;
    }
    return true; // stop before the download of the packaging tool
  },
});
process.stdout.write(`\n@@PROBE@@${JSON.stringify(result)}\n`);
