/** Helpers for the batch view's browser tests: what the live region said, what has focus, who polls. */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import type { LaunchedApp } from './harness';

/** Starts recording every text the batch view's live region takes (call before the batch starts). */
export async function recordAnnouncements(page: Page): Promise<void> {
  await page.evaluate(`(() => {
    window.__said = [];
    let last = '';
    new MutationObserver(() => {
      const text = document.querySelector('.batch-announcer')?.textContent ?? '';
      if (text && text !== last) window.__said.push(text);
      last = text;
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  })()`);
}

/** The texts the live region took, in order. */
export function announcements(page: Page): Promise<string[]> {
  return page.evaluate<string[]>('window.__said');
}

/** The text of the focused element (string form: tests compile without the DOM lib). */
export function focusedText(page: Page): Promise<unknown> {
  return page.evaluate('document.activeElement && document.activeElement.textContent');
}

/** Samples which of `ids` have a running login session until `stop()`; returns the most seen at once. */
export function watchActiveSessions(app: LaunchedApp, ids: string[]): { stop(): number } {
  let most = 0;
  const timer = setInterval(() => {
    most = Math.max(most, ids.filter((id) => app.handlers.manager.isActive(id)).length);
  }, 20);
  return {
    stop() {
      clearInterval(timer);
      return most;
    },
  };
}

/** axe-core's WCAG 2.x A/AA violations on the page as it is now: rule id and the first offending selector. */
export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ') ?? ''}`);
}
