/**
 * The browser harness: the REAL built renderer (out/renderer) and the REAL built preload (out/preload/index.cjs)
 * in headless Debian Chromium, with Electron's IPC transport replaced by a bridge to the REAL main-process
 * handlers (main/app/handlers/handlers.ts), the real login engine and a real simulator on loopback.
 *
 * ```ts
 * const app = await launchApp();              // needs `npm run build` first
 * const { instanceId, token } = await app.seedInstance();   // sim instance + saved through the real handler
 * await app.page.getByRole('button', { name: 'Link: Sales line' }).click();
 * app.sim.scan(instanceId);                   // play the phone
 * expect(app.leaks()).toEqual([]);            // no token crossed towards the renderer
 * await app.close();                          // stops Chromium, sessions, simulator; deletes temp dirs
 * ```
 *
 * - `page` is at http://app.test/index.html (served by page routing; every other request is aborted and
 *   listed in `blockedRequests`). The page's meta CSP is in force as in Electron; violations land in
 *   `cspViolations`.
 * - `ipcLog` records every message both ways (`towardsRenderer` marks results, errors and pushes);
 *   `pushes(channel)` lists pushed payloads; `push(channel, payload)` sends one (e.g. `navigate`).
 * - `tokens` holds every token the harness created (seeded and demo); `leaks()` lists IPC records towards the
 *   renderer that contain one of them, `domLeaks()` checks the page's HTML and form values.
 * - `clipboard` records what `clipboard:write` was asked to copy.
 * Harness-only globals in the page: `__wawpIpcInvoke`, `__wawpHarnessPush`, `__wawpCspViolation`.
 */
import type { BrowserContext, Page } from 'playwright-core';
import type { PushChannel, PushChannels } from '../../common/ipc';
import { createDemoBackend } from '../../main/app/handlers/demo';
import { createEngineOpener } from '../../main/app/handlers/engine';
import type { PushSender, SettingsPort } from '../../main/app/handlers/handler-deps';
import { createHandlers, type AppHandlers } from '../../main/app/handlers/handlers';
import type { LoginTiming } from '../../main/login/schedule';
import { SessionMemoryStore } from '../../main/store/session-memory-store';
import type { SecretStore } from '../../main/store/secrets';
import { createWawpClient } from '../../main/wawp/client';
import { startSimulator, type RunningSimulator, type SimulatorOptions } from '../../simulator/index';
import { launchChromium } from './harness-kit/chromium';
import { installIpcBridge, type IpcRecord } from './harness-kit/ipc-bridge';
import { openTempSettings } from './harness-kit/temp-settings';
import { CSP_BINDING, preloadInitScript, readBuiltPreload } from './harness-kit/preload-shim';
import { APP_ORIGIN, serveRenderer } from './harness-kit/serve-renderer';

export type { IpcRecord } from './harness-kit/ipc-bridge';

/** Simulator timings for UI tests: quick boot and scan, codes that live seconds (rotation is observable). */
export const TEST_SIMULATOR_OPTIONS: SimulatorOptions = {
  bootDelayMs: 300,
  qrFirstTtlMs: 8_000,
  qrNextTtlMs: 5_000,
  postScanDelayMs: 300,
  statusWaitMs: 2_000,
};

/** Engine timings matching TEST_SIMULATOR_OPTIONS (status polled every ~300 ms while a code shows). */
export const TEST_ENGINE_TIMING: Partial<LoginTiming> = {
  activePollMs: 300,
  settlingPollMs: 200,
  idlePollMs: 2_000,
  startRetryMs: 1_000,
  backoffBaseMs: 300,
  backoffCapMs: 3_000,
};

export interface LaunchOptions {
  simulator?: SimulatorOptions;
  timing?: Partial<LoginTiming>;
  /** Default: a SessionMemoryStore. Pass a KeytarStore to use the test keyring. */
  secrets?: SecretStore;
  /** Default: real settings (conf) in a temp folder, deleted on close. */
  settings?: SettingsPort;
  colorScheme?: 'light' | 'dark';
  viewport?: { width: number; height: number };
  /** Page zoom (2 = 200%): the same window in device pixels, half as many CSS pixels. */
  zoom?: number;
  /** Open the app page right away (default true). */
  open?: boolean;
}

export interface CspViolation {
  directive: string;
  blockedURI: string;
  sample: string;
}

export interface LaunchedApp {
  page: Page;
  context: BrowserContext;
  sim: RunningSimulator;
  /** The real handlers (`app.channels[...]`), login manager and registry. */
  handlers: AppHandlers;
  ipcLog: IpcRecord[];
  cspViolations: CspViolation[];
  blockedRequests: string[];
  clipboard: string[];
  tokens: Set<string>;
  /** Payloads pushed on `channel`, oldest first. */
  pushes<C extends PushChannel>(channel: C): PushChannels[C][];
  push<C extends PushChannel>(channel: C, payload: PushChannels[C]): Promise<void>;
  /** Creates a sim instance (STOPPED unless told) with a fresh token and saves it through `instances:save`. */
  seedInstance(init?: {
    status?: 'STOPPED' | 'WORKING' | 'SCAN_QR_CODE';
    label?: string;
    expectedPhone?: string | null;
    /** Save this token in the app instead of the simulator's (e.g. to show the wrong-token error). */
    savedToken?: string;
  }): Promise<{ instanceId: string; token: string }>;
  /** (Re)loads the app page. */
  open(): Promise<void>;
  leaks(): IpcRecord[];
  domLeaks(): Promise<string[]>;
  close(): Promise<void>;
}

/** Launches Chromium with the built app wired to the real handlers; see the file's JSDoc. */
export async function launchApp(options: LaunchOptions = {}): Promise<LaunchedApp> {
  const preload = readBuiltPreload();
  const sim = await startSimulator({ ...TEST_SIMULATOR_OPTIONS, ...options.simulator });
  const tokens = new Set<string>();
  const clipboard: string[] = [];
  const cspViolations: CspViolation[] = [];
  const blockedRequests: string[] = [];
  let pushImpl: PushSender = () => undefined;
  const demo = createDemoBackend({}, sim);
  const temp = options.settings ? null : openTempSettings();
  const handlers: AppHandlers = createHandlers({
    settings: options.settings ?? temp!.port,
    secrets: options.secrets ?? new SessionMemoryStore(),
    openSession: createEngineOpener({ timing: { ...TEST_ENGINE_TIMING, ...options.timing } }),
    createClient: createWawpClient,
    demo: {
      start: async () => {
        const started = await demo.start();
        tokens.add(started.token);
        return started;
      },
      scan: (id) => demo.scan(id),
      close: () => demo.close(),
    },
    writeClipboard: (text) => void clipboard.push(text),
    push: (channel, payload) => pushImpl(channel, payload),
  });

  let browser: Awaited<ReturnType<typeof launchChromium>> | null = null;
  try {
    browser = await launchChromium(options);
    const { context } = browser;
    let page: Page | null = null;
    await serveRenderer(context, blockedRequests);
    await context.exposeBinding(
      CSP_BINDING,
      (_source, violation: CspViolation) => void cspViolations.push(violation),
    );
    const bridge = await installIpcBridge(context, () => page, handlers.channels);
    pushImpl = (channel, payload) => void bridge.push(channel, payload);
    await context.addInitScript({ content: preloadInitScript(preload) });
    page = context.pages()[0] ?? (await context.newPage());
    const thePage = page;
    const open = async (): Promise<void> => {
      await thePage.goto(`${APP_ORIGIN}/index.html`);
    };
    if (options.open ?? true) await open();

    const towards = (): IpcRecord[] => bridge.log.filter((record) => record.towardsRenderer);
    const containsToken = (text: string): boolean => [...tokens].some((token) => text.includes(token));
    const running = browser;
    return {
      page: thePage,
      context,
      sim,
      handlers,
      ipcLog: bridge.log,
      cspViolations,
      blockedRequests,
      clipboard,
      tokens,
      pushes: <C extends PushChannel>(channel: C) =>
        bridge.log.flatMap((r) =>
          r.kind === 'push' && r.channel === channel ? [r.payload as PushChannels[C]] : [],
        ),
      push: (channel, payload) => bridge.push(channel, payload),
      async seedInstance(init = {}) {
        const token = `tok-${crypto.randomUUID()}`;
        tokens.add(token);
        if (init.savedToken) tokens.add(init.savedToken);
        const instanceId = sim.addInstance(token, init.status ? { status: init.status } : {});
        const saved = await handlers.channels['instances:save']({
          id: instanceId,
          label: init.label ?? `Test ${instanceId.slice(0, 4)}`,
          baseUrl: sim.baseUrl,
          expectedPhone: init.expectedPhone ?? null,
          token: init.savedToken ?? token,
        });
        if (!saved.ok) throw new Error(`seedInstance: ${saved.reason}`);
        return { instanceId, token };
      },
      open,
      leaks: () => towards().filter((record) => containsToken(JSON.stringify(record))),
      async domLeaks() {
        const html = await thePage.content();
        const values = await thePage.$$eval('input, textarea', (elements) =>
          elements.map((element) => (element as unknown as { value: string }).value),
        );
        return [html, ...values].filter(containsToken);
      },
      async close() {
        await bridge.flush();
        await running.close();
        await handlers.dispose();
        await sim.close();
        temp?.dispose();
      },
    };
  } catch (error) {
    await browser?.close();
    await handlers.dispose();
    await sim.close();
    temp?.dispose();
    throw error;
  }
}
