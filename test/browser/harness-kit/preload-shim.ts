/**
 * Runs the REAL built preload (out/preload/index.cjs) inside the page: an init script gives it a tiny
 * `require('electron')` whose contextBridge defines the global, whose ipcRenderer.invoke calls a Playwright
 * binding (Node side: the real handlers), and whose ipcRenderer.on receives pushes delivered by evaluate.
 * Like Electron (nodeIntegrationInSubFrames off), the preload runs in the top frame only.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The built preload (`npm run build`). */
export const PRELOAD_PATH = join(import.meta.dirname, '../../../out/preload/index.cjs');

/** Binding the shim's ipcRenderer.invoke calls: (channel, args[]) → the handler's result. */
export const INVOKE_BINDING = '__wawpIpcInvoke';
/** Function the harness calls (page.evaluate) to deliver a push: (channel, payload). */
export const PUSH_FUNCTION = '__wawpHarnessPush';
/** Binding that receives every CSP violation the page reports. */
export const CSP_BINDING = '__wawpCspViolation';

/** Reads the built preload; a clear error when the build is missing. */
export function readBuiltPreload(path = PRELOAD_PATH): string {
  if (!existsSync(path)) throw new Error(`No built preload at ${path}: run \`npm run build\` first.`);
  return readFileSync(path, 'utf8');
}

/** The init script: the electron shim, then the preload's own code as a CommonJS module. */
export function preloadInitScript(preloadSource: string): string {
  return `(() => {
  if (window !== window.top) return;
  document.addEventListener('securitypolicyviolation', (e) => {
    window.${CSP_BINDING}({ directive: e.effectiveDirective, blockedURI: e.blockedURI, sample: e.sample });
  });
  const listeners = new Map();
  const invokeBinding = (...a) => window.${INVOKE_BINDING}(...a);
  const electron = Object.freeze({
    contextBridge: Object.freeze({
      exposeInMainWorld(key, api) {
        Object.defineProperty(window, key, { value: Object.freeze({ ...api }), writable: false, configurable: false, enumerable: true });
      },
    }),
    ipcRenderer: Object.freeze({
      invoke: (channel, ...args) => invokeBinding(channel, args),
      on(channel, listener) {
        if (!listeners.has(channel)) listeners.set(channel, new Set());
        listeners.get(channel).add(listener);
        return this;
      },
      removeListener(channel, listener) {
        listeners.get(channel)?.delete(listener);
        return this;
      },
    }),
  });
  Object.defineProperty(window, '${PUSH_FUNCTION}', {
    value: (channel, payload) => {
      for (const listener of [...(listeners.get(channel) ?? [])]) listener({ sender: null }, payload);
      return (listeners.get(channel) ?? new Set()).size;
    },
    writable: false,
    configurable: false,
  });
  const module = { exports: {} };
  const require = (name) => {
    if (name === 'electron') return electron;
    throw new Error('A sandboxed preload can only require electron (asked for ' + name + ')');
  };
  (function (require, module, exports) {
${preloadSource}
  })(require, module, module.exports);
})();`;
}
