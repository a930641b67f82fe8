import { describe, expect, it } from 'vitest';
import type { SessionStatus } from '../../common/model';
import {
  EMPTY_LIMITER,
  forgetInstance,
  observeStatus,
  type LimiterState,
  type NotifyDecision,
} from '../../main/app/desktop/notify-limiter';

const A = '3EB0BCB2E3D4';
const B = 'AAAABBBBCCCC';

/** Feeds [id, status, time] observations in order and returns the decisions. */
function feed(
  steps: [string, SessionStatus, number][],
  start: LimiterState = EMPTY_LIMITER,
): NotifyDecision[] {
  let state = start;
  return steps.map(([id, status, now]) => {
    const result = observeStatus(state, id, status, now);
    state = result.state;
    return result.decision;
  });
}

describe('re-link notification limiter', () => {
  it('notifies once when an instance leaves WORKING, not again during the same incident', () => {
    expect(
      feed([
        [A, 'WORKING', 0],
        [A, 'SCAN_QR_CODE', 60_000],
        [A, 'SCAN_QR_CODE', 120_000],
        [A, 'FAILED', 180_000],
        [A, 'STOPPED', 240_000],
      ]),
    ).toEqual(['none', 'notify', 'none', 'none', 'none']);
  });

  it('starts a new incident only after the instance was WORKING again', () => {
    expect(
      feed([
        [A, 'WORKING', 0],
        [A, 'FAILED', 1],
        [A, 'STARTING', 2],
        [A, 'FAILED', 3],
        [A, 'WORKING', 4],
        [A, 'SCAN_QR_CODE', 5],
      ]),
    ).toEqual(['none', 'notify', 'none', 'none', 'none', 'notify']);
  });

  it('says nothing about an instance never seen WORKING, or one only passing through STARTING', () => {
    expect(feed([[A, 'SCAN_QR_CODE', 0]])).toEqual(['none']);
    expect(
      feed([
        [A, 'WORKING', 0],
        [A, 'STARTING', 1],
        [A, 'OTHER', 2],
        [A, 'WORKING', 3],
      ]),
    ).toEqual(['none', 'none', 'none', 'none']);
  });

  it('caps notifications across instances, and lets them through again after the window', () => {
    const ids = ['000000000001', '000000000002', '000000000003', '000000000004', '000000000005'];
    const steps: [string, SessionStatus, number][] = [
      ...ids.map((id): [string, SessionStatus, number] => [id, 'WORKING', 0]),
      ...ids.map((id, i): [string, SessionStatus, number] => [id, 'FAILED', 1_000 + i]),
      [ids[3]!, 'WORKING', 5 * 60_000],
      [ids[3]!, 'FAILED', 5 * 60_000 + 1],
      [ids[4]!, 'WORKING', 11 * 60_000],
      [ids[4]!, 'FAILED', 11 * 60_000 + 1],
    ];
    expect(feed(steps).slice(ids.length)).toEqual([
      'notify',
      'notify',
      'notify',
      'suppressed',
      'suppressed',
      'none',
      'suppressed',
      'none',
      'notify',
    ]);
  });

  it('keeps instances independent', () => {
    expect(
      feed([
        [A, 'WORKING', 0],
        [B, 'WORKING', 0],
        [A, 'FAILED', 1],
        [B, 'FAILED', 2],
      ]),
    ).toEqual(['none', 'none', 'notify', 'notify']);
  });

  it('forgets a removed instance', () => {
    const armed = observeStatus(EMPTY_LIMITER, A, 'WORKING', 0).state;
    expect(forgetInstance(armed, A).instances).toEqual({});
    expect(observeStatus(forgetInstance(armed, A), A, 'FAILED', 1).decision).toBe('none');
    expect(forgetInstance(EMPTY_LIMITER, A)).toBe(EMPTY_LIMITER);
  });
});
