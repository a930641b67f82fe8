// @ts-check
// `npm start` / `npm run dev`: checks the Electron binary first (one sentence and exit 1 when it is missing),
// then runs electron-vite: `preview` builds once and launches, `dev` serves the renderer with hot reload.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { findElectronBinary, missingBinarySentence } from './electron-binary.mjs';

const mode = process.argv[2] === 'dev' ? 'dev' : 'preview';
const binary = findElectronBinary();
if (!binary.ok) {
  console.error(missingBinarySentence(binary.cause));
  process.exit(1);
}
const cli = createRequire(import.meta.url).resolve('electron-vite/bin/electron-vite.js');
const child = spawn(process.execPath, [cli, mode, ...process.argv.slice(3)], {
  stdio: 'inherit',
  // electron-vite reads path.txt only; handing it the path we found also covers ELECTRON_OVERRIDE_DIST_PATH.
  env: { ...process.env, ELECTRON_EXEC_PATH: binary.path },
});
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM']))
  process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
