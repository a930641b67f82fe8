/**
 * What a screen reader hears as a batch moves on: one sentence per change that matters (a new phone, a link,
 * a pause, a wrong number, the end), never one per QR rotation or countdown tick. Pure, so it is unit-tested.
 */
import type { BatchView } from '../common/batch';
import { describeAccount, formatPhone } from './phone';
import { t } from './strings';

/** The summary line: "2 linked, 1 skipped, 1 failed". */
export function batchSummary(view: BatchView): string {
  return t.batch.summary(view.counts.linked, view.counts.skipped, view.counts.failed);
}

/** Identifies the moment `view` shows; a new key means a new announcement. */
export function announcementKey(view: BatchView | null): string {
  if (!view) return 'none';
  const retry = view.phase === 'linking' ? (view.retrying?.title ?? '') : '';
  return `${view.phase}|${view.currentIndex}|${view.pausedBecause ?? ''}|${retry}`;
}

/** The sentence for the change from `before` to `now`, or null when nothing worth saying changed. */
export function batchAnnouncement(before: BatchView | null, now: BatchView | null): string | null {
  if (!now || announcementKey(before) === announcementKey(now)) return null;
  const s = t.batch.say;
  const item = now.items[now.currentIndex];
  // What happened to the phone the queue just left, said before what comes next.
  const left =
    before && before.currentIndex !== now.currentIndex ? now.items[before.currentIndex] : undefined;
  const prefix =
    left?.outcome === 'skipped'
      ? `${s.skipped(left.label)} `
      : left?.outcome === 'failed' && left.problem
        ? `${s.failed(left.label, left.problem.title)} `
        : '';
  switch (now.phase) {
    case 'done':
      return `${prefix}${s.done(batchSummary(now))}`;
    case 'confirming':
      return item?.me ? s.linked(item.label, describeAccount(item.me)) : null;
    case 'paused':
      return now.pausedBecause === 'codes-ran-out' ? s.ranOut : s.paused;
    case 'wrong-number':
      return item?.me
        ? s.wrong(item.label, describeAccount(item.me), formatPhone(now.expectedPhone ?? ''))
        : null;
    case 'linking': {
      if (!item) return null;
      const sameItem = before?.currentIndex === now.currentIndex && before.phase === 'linking';
      if (sameItem) return now.retrying ? t.batch.retrying(now.retrying.title) : null;
      return `${prefix}${s.phone(now.currentIndex + 1, now.counts.total, item.label)}`;
    }
  }
}
