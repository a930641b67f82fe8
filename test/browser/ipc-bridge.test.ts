/**
 * The real built preload in real Chromium, bridged to the real handlers: its verbs reach main, pushes reach
 * subscribers, untrusted pages are refused, no token crosses towards the page, and the CSP is in force.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  INVOKE_CHANNELS,
  PUSH_CHANNELS,
  type InstanceView,
  type PushChannels,
  type Result,
} from '../../common/ipc';
import { launchApp, type LaunchedApp } from './harness';
import { INVOKE_BINDING } from './harness-kit/preload-shim';

type Wawp = Record<string, (...args: unknown[]) => Promise<unknown>>;

let app: LaunchedApp;
beforeAll(async () => {
  app = await launchApp();
});
afterAll(async () => {
  await app?.close();
});

describe('IPC through the browser harness', () => {
  it('exposes a frozen window.wawp that cannot be replaced', async () => {
    const state = await app.page.evaluate(() => {
      const w = globalThis as unknown as { wawp: object };
      const before = w.wawp;
      try {
        w.wawp = {};
      } catch {
        // strict-mode pages throw; sloppy ones silently keep the old value
      }
      return { same: w.wawp === before, frozen: Object.isFrozen(w.wawp), keys: Object.keys(w.wawp).length };
    });
    expect(state).toEqual({ same: true, frozen: true, keys: INVOKE_CHANNELS.length + PUSH_CHANNELS.length });
  });

  it('runs the demo login end to end through the page, with no token in any message or the DOM', async () => {
    const events: PushChannels['login:event'][] = [];
    const demo = (await app.page.evaluate(() =>
      (globalThis as unknown as { wawp: Wawp }).wawp.startDemo!(),
    )) as Result<InstanceView>;
    expect(demo).toMatchObject({ ok: true, value: { isDemo: true, hasToken: true } });
    const id = demo.ok ? demo.value.id : '';
    await app.page.evaluate(() => {
      const g = globalThis as unknown as {
        wawp: { onLoginEvent(cb: (p: unknown) => void): () => void };
        seen: unknown[];
      };
      g.seen = [];
      g.wawp.onLoginEvent((payload) => g.seen.push(payload));
    });
    expect(
      await app.page.evaluate((i) => (globalThis as unknown as { wawp: Wawp }).wawp.startLogin!(i), id),
    ).toEqual({
      ok: true,
      value: null,
    });
    await app.page.waitForFunction(() =>
      (globalThis as unknown as { seen: { event: { type: string } }[] }).seen.some(
        (p) => p.event.type === 'qr',
      ),
    );
    const qr = app.pushes('login:event').find((p) => p.event.type === 'qr');
    expect(qr?.event).toMatchObject({ index: 1 });
    expect((qr?.event as { value: string }).value).toBe(app.sim.snapshot(id)?.qr?.value);
    expect(
      await app.page.evaluate((i) => (globalThis as unknown as { wawp: Wawp }).wawp.scanDemo!(i), id),
    ).toEqual({
      ok: true,
      value: null,
    });
    await app.page.waitForFunction(() =>
      (globalThis as unknown as { seen: { event: { type: string } }[] }).seen.some(
        (p) => p.event.type === 'connected',
      ),
    );
    events.push(...app.pushes('login:event'));
    expect(events.map((p) => p.event.type)).toContain('connected');
    expect(app.tokens.size).toBeGreaterThan(0);
    expect(app.leaks()).toEqual([]);
    expect(await app.domLeaks()).toEqual([]);
  });

  it('delivers pushes to subscribers and stops after unsubscribe', async () => {
    await app.page.evaluate(() => {
      const g = globalThis as unknown as {
        wawp: { onNavigate(cb: (p: unknown) => void): () => void };
        nav: unknown[];
        stopNav: () => void;
      };
      g.nav = [];
      g.stopNav = g.wawp.onNavigate((p) => g.nav.push(p));
    });
    await app.push('navigate', { view: 'settings' });
    await app.page.evaluate(() => (globalThis as unknown as { stopNav: () => void }).stopNav());
    await app.push('navigate', { view: 'add' });
    expect(await app.page.evaluate(() => (globalThis as unknown as { nav: unknown[] }).nav)).toEqual([
      { view: 'settings' },
    ]);
  });

  it('refuses calls from another page, even one served from the same origin', async () => {
    const stranger = await app.context.newPage();
    try {
      await stranger.goto('http://app.test/index.html');
      const outcome = await stranger.evaluate(
        (binding) =>
          (globalThis as unknown as Record<string, (c: string, a: unknown[]) => Promise<unknown>>)[binding]!(
            'instances:list',
            [],
          ).then(
            () => 'answered',
            (e: Error) => e.message,
          ),
        INVOKE_BINDING,
      );
      expect(outcome).toMatch(/untrusted sender/);
      expect(app.ipcLog.some((r) => r.kind === 'refused' && r.channel === 'instances:list')).toBe(true);
    } finally {
      await stranger.close();
    }
  });

  it('enforces the CSP: no network, no inline script, no foreign images', async () => {
    const before = app.cspViolations.length;
    // A string script: the test's tsconfig has no DOM types (it runs in the page, not in Node).
    const outcome = await app.page.evaluate(`(async () => {
      const fetched = await fetch('http://app.test/anything').then(() => 'fetched', () => 'blocked');
      const script = document.createElement('script');
      script.textContent = 'globalThis.inlineRan = true;';
      document.body.append(script);
      const img = document.createElement('img');
      const failed = new Promise((resolve) => img.addEventListener('error', resolve, { once: true }));
      img.src = 'https://example.com/pixel.png';
      document.body.append(img);
      await failed;
      return { fetched, inlineRan: globalThis.inlineRan === true };
    })()`);
    expect(outcome).toEqual({ fetched: 'blocked', inlineRan: false });
    await expect
      .poll(() => app.cspViolations.slice(before).map((v) => v.directive))
      .toEqual(expect.arrayContaining(['connect-src', 'script-src-elem', 'img-src']));
  });
});
