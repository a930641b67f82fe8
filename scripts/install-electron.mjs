// @ts-check
// postinstall: fetches the Electron binary (see electron-binary.mjs); prints at most one line, always exits 0.
import { installElectronBinary } from './electron-binary.mjs';

try {
  const { line } = installElectronBinary();
  if (line) console.log(line);
} catch (error) {
  console.log(`wawp-link: Electron binary not installed (${String(error)}); run \`npx install-electron\`.`);
}
