/**
 * What assistive technology gets from the page: the sentences its live regions speak (recorded as a screen
 * reader hears them: each change of a live region's text, in order) and axe-core's verdict.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

export interface Heard {
  /** `polite` (status) or `assertive` (alert). */
  live: string;
  text: string;
}

/**
 * Starts recording what live regions say; call `heard()` for the sentences so far. Evaluated by the test
 * driver (not a script tag), so the page's strict CSP stays as it is.
 */
export async function recordAnnouncements(page: Page): Promise<{ heard(): Promise<Heard[]> }> {
  await page.evaluate(RECORDER);
  return { heard: () => page.evaluate<Heard[]>('[...window.__heard]') };
}

/** The recorder, as page script (test code has no DOM types). */
const RECORDER = String.raw`(() => {
  const log = [];
  window.__heard = log;
  const liveOf = (element) => {
    const explicit = element.getAttribute('aria-live');
    if (explicit) return explicit === 'off' ? null : explicit;
    const role = element.getAttribute('role');
    if (role === 'alert') return 'assertive';
    if (role === 'status' || role === 'log') return 'polite';
    return null;
  };
  const isRegion = (element) =>
    element.hasAttribute('aria-live') || ['alert', 'status', 'log'].includes(element.getAttribute('role') ?? '');
  const regionOf = (node) => {
    for (let at = node instanceof Element ? node : node.parentElement; at; at = at.parentElement)
      if (isRegion(at)) return liveOf(at) ? at : null;
    return null;
  };
  new MutationObserver((mutations) => {
    const changed = new Set();
    for (const mutation of mutations) {
      const region = regionOf(mutation.target);
      if (region) {
        changed.add(region);
        continue;
      }
      // A region inserted with its text already in it is read only if it is an alert; others from their
      // first change on.
      for (const added of mutation.addedNodes) {
        if (!(added instanceof Element)) continue;
        for (const alert of [added, ...added.querySelectorAll('[role="alert"]')])
          if (alert.getAttribute('role') === 'alert') changed.add(alert);
      }
    }
    for (const region of changed) {
      const text = (region.textContent ?? '').replace(/\s+/g, ' ').trim();
      if (text && region.isConnected && !region.closest('[hidden], [aria-hidden="true"]'))
        log.push({ live: liveOf(region), text });
    }
  }).observe(document.body, { subtree: true, childList: true, characterData: true });
})()`;

/** Whether `selector`'s first match has the keyboard focus. */
export async function hasFocus(page: Page, selector: string): Promise<boolean> {
  return page.evaluate<boolean>(
    `document.activeElement === document.querySelector(${JSON.stringify(selector)})`,
  );
}

/** Runs axe-core (WCAG 2.x A and AA rules plus best practices) on the page; returns readable violations. */
export async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  // A run that checked nothing would pass anything.
  if (result.passes.length < 10) throw new Error(`axe checked only ${result.passes.length} rules`);
  return result.violations.flatMap((violation) =>
    violation.nodes.map(
      (node) =>
        `${violation.id} (${violation.impact ?? '?'}): ${node.target.join(' ')} — ${node.failureSummary ?? ''}`,
    ),
  );
}
