/**
 * One running app: a second launch (`wawp-link`, `wawp-link --login <id>`, a clicked `wawp-link://` link on
 * Windows/Linux) is forwarded to the first through the single-instance lock, and macOS delivers links through
 * `open-url`. Both are parsed strictly (deep-link.ts) and handed to one handler as "show the window, maybe
 * open this view". Call `setupSingleInstance()` before `app.whenReady()` so no early `open-url` is lost.
 * https://www.electronjs.org/docs/latest/tutorial/launch-app-from-url-in-another-app
 */
import { app } from 'electron';
import { resolve } from 'node:path';
import type { NavigateTarget } from '../../../common/ipc';
import { parseDeepLink, parseLaunchArgs, PROTOCOL, type LaunchRequest } from './deep-link';
import { log } from '../platform/log';
import { protocolDecision, type ProtocolDecision } from './protocol-registration';

/** Something outside asked for the app: show it, and open `target` when there is one. */
export interface OpenRequest {
  target: NavigateTarget | null;
  /** Why parts of the request were refused (for the log; never the raw input). */
  errors: string[];
}

export interface SingleInstance {
  /** What this (first) launch's own command line asked for, e.g. `--hidden` when started at login. */
  launch: LaunchRequest;
  /** Sets the handler; requests that arrived earlier are delivered to it at once, in order. */
  onOpen(handler: (request: OpenRequest) => void): void;
}

/** Takes the lock; returns null (and quits) when another instance runs, which then gets our argv. */
export function setupSingleInstance(argv: readonly string[] = process.argv): SingleInstance | null {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return null;
  }
  const queue: OpenRequest[] = [];
  let handler: ((request: OpenRequest) => void) | null = null;
  const deliver = (request: OpenRequest): void => {
    if (handler) handler(request);
    else queue.push(request);
  };
  app.on('second-instance', (_event, secondArgv) => {
    const request = parseLaunchArgs(secondArgv);
    deliver({ target: request.target, errors: request.errors });
  });
  app.on('open-url', (event, url) => {
    event.preventDefault();
    const parsed = parseDeepLink(url);
    deliver(parsed.ok ? { target: parsed.value, errors: [] } : { target: null, errors: [parsed.reason] });
  });
  return {
    launch: parseLaunchArgs(argv),
    onOpen(next) {
      handler = next;
      for (const request of queue.splice(0)) next(request);
    },
  };
}

/**
 * Registers `wawp-link://` with the OS only when it is not ours yet (protocol-registration.ts): installers
 * declare it — Info.plist on macOS, the .desktop MimeType on Linux, build/installer.nsh on Windows (electron-
 * builder's NSIS templates write no protocol keys by themselves). In development Electron needs the app path.
 */
export function registerProtocol(): ProtocolDecision {
  const args = process.defaultApp && process.argv[1] ? [resolve(process.argv[1])] : [];
  const decision = protocolDecision({
    platform: process.platform,
    defaultApp: Boolean(process.defaultApp),
    isDefault: app.isDefaultProtocolClient(PROTOCOL, process.execPath, args),
    appImage: process.env.APPIMAGE,
  });
  if (decision.register && !app.setAsDefaultProtocolClient(PROTOCOL, process.execPath, args)) {
    log.warn('deep links: the OS refused to register wawp-link://');
    return { register: false, why: 'the OS refused the registration' };
  }
  log.info(`deep links: ${decision.register ? 'registered' : 'not registered'}: ${decision.why}`);
  return decision;
}
