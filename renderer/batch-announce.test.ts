/** What the batch view says to screen readers: one sentence per change that matters, nothing on a QR rotation. */
import { describe, expect, it } from 'vitest';
import type { BatchItemView, BatchView } from '../common/batch';
import { batchAnnouncement } from './batch-announce';

const item = (label: string, outcome: BatchItemView['outcome'], extra: Partial<BatchItemView> = {}) => ({
  id: `${label.padEnd(12, 'X')}`.slice(0, 12),
  label,
  outcome,
  me: null,
  wrongNumber: false,
  problem: null,
  ...extra,
});

const view = (patch: Partial<BatchView>): BatchView => ({
  phase: 'linking',
  items: [item('One', 'current'), item('Two', 'waiting')],
  currentIndex: 0,
  qr: null,
  pausedBecause: null,
  confirmUntil: null,
  expectedPhone: null,
  retrying: null,
  counts: { total: 2, linked: 0, skipped: 0, failed: 0, waiting: 2 },
  ...patch,
});

describe('batch announcements', () => {
  it('names the phone to use, once; a new code or a countdown says nothing', () => {
    const first = view({});
    expect(batchAnnouncement(null, first)).toBe('Phone 1 of 2: One. Scan the code with this phone.');
    const rotated = view({ qr: { value: 'v2', expiresAt: 9, index: 2, expectedCount: 6 } });
    expect(batchAnnouncement(first, rotated)).toBeNull();
    expect(batchAnnouncement(rotated, rotated)).toBeNull();
  });

  it('says a retry once, and what happened to the phone it leaves before naming the next', () => {
    const first = view({});
    const retry = view({ retrying: { title: 'Wawp had a problem', sentence: '…' } });
    expect(batchAnnouncement(first, retry)).toBe('Wawp had a problem. Retrying…');
    expect(batchAnnouncement(retry, { ...retry, qr: null })).toBeNull();
    const failed = item('One', 'failed', {
      problem: { title: 'The access token was refused', sentence: '…' },
    });
    const moved = view({ currentIndex: 1, items: [failed, item('Two', 'current')] });
    expect(batchAnnouncement(retry, moved)).toBe(
      'One failed: The access token was refused. Phone 2 of 2: Two. Scan the code with this phone.',
    );
  });

  it('announces a link with the account, a pause, a wrong number and the end', () => {
    const me = { id: '201012345678@c.us', pushName: 'Ann' };
    const linked = view({
      phase: 'confirming',
      items: [item('One', 'linked', { me }), item('Two', 'waiting')],
    });
    expect(batchAnnouncement(view({}), linked)).toBe(
      'One linked as +20 10 12345678 (Ann). Next phone in a few seconds.',
    );
    expect(batchAnnouncement(linked, view({ phase: 'paused', pausedBecause: 'user' }))).toBe(
      'Paused. Press Enter to resume.',
    );
    const wrong = view({
      phase: 'wrong-number',
      expectedPhone: '201011111111',
      items: [item('One', 'current', { me }), item('Two', 'waiting')],
    });
    expect(batchAnnouncement(view({}), wrong)).toBe(
      'One linked to +20 10 12345678 (Ann), not to the expected +20 10 11111111. Log out this number, or keep it.',
    );
    const end = view({
      phase: 'done',
      currentIndex: -1,
      items: [item('One', 'linked', { me }), item('Two', 'skipped')],
      counts: { total: 2, linked: 1, skipped: 1, failed: 0, waiting: 0 },
    });
    expect(batchAnnouncement(view({ currentIndex: 1 }), end)).toBe(
      'Skipped Two. Done: 1 linked, 1 skipped, 0 failed.',
    );
  });
});
