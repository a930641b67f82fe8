/**
 * One pair of live regions for the whole app, so each message reaches a screen reader exactly once: views call
 * `announce` for events (a new code, a pairing code, an expiry) instead of making their changing text live.
 * The regions exist from the first call on and are emptied before each message, so the same sentence said
 * again later (the next rotation) is read again, while nothing else in them ever changes.
 */
let polite: HTMLElement | null = null;
let urgent: HTMLElement | null = null;
const pending = new Map<HTMLElement, ReturnType<typeof setTimeout>>();

function region(live: 'polite' | 'assertive'): HTMLElement {
  const element = document.createElement('div');
  element.className = 'sr-only';
  // Live regions without a role: they are no landmark or status a user lands on, only a voice.
  element.setAttribute('aria-live', live);
  element.setAttribute('aria-atomic', 'true');
  element.dataset.announcer = live;
  document.body.append(element);
  return element;
}

function regions(): { polite: HTMLElement; urgent: HTMLElement } {
  if (!polite?.isConnected) polite = region('polite');
  if (!urgent?.isConnected) urgent = region('assertive');
  return { polite, urgent };
}

/** Reads `text` to screen readers once: politely by default, at once with `urgent` (errors). */
export function announce(text: string, options: { urgent?: boolean } = {}): void {
  const target = regions()[options.urgent ? 'urgent' : 'polite'];
  target.textContent = '';
  clearTimeout(pending.get(target));
  // A short pause between emptying and filling makes screen readers treat a repeated sentence as new.
  pending.set(
    target,
    setTimeout(() => (target.textContent = text), 50),
  );
}

/** Creates the regions now (call at start-up: regions present before their first message are read reliably). */
export function prepareAnnouncer(): void {
  regions();
}
