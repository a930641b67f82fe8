/**
 * API variants seen in public material (wawp-api.md), applied after the auth and instance checks:
 * an account over its plan (403 `quota_exceeded`), an engine session deleted upstream (404
 * `invalid_session`, as community code reports when the phone dropped), and a per-path rate limit
 * (429 + Retry-After). Each is off until a test or the control API turns it on.
 */
import type { SimInstance } from './instance';
import { scaled } from './options';
import type { Reply } from './v2-handlers';
import type { SimWorld } from './world';

/** Endpoints that still work on a session deleted upstream (they create a new one). */
const REVIVE = new Set(['session/start', 'session/restart', 'session/delete']);

/** Counts requests per instance and endpoint in a sliding window of the sim clock. */
export function createRateLimiter(world: SimWorld): (key: string) => number | null {
  const seen = new Map<string, number[]>();
  return (key) => {
    const limit = world.config.rateLimit;
    if (!limit) return null;
    const now = world.clock.now();
    const window = scaled(world.config, limit.windowMs);
    const times = (seen.get(key) ?? []).filter((at) => now - at < window);
    if (times.length >= limit.max) {
      seen.set(key, times);
      const wait = Math.max(0, times[0]! + window - now);
      return Math.max(scaled(world.config, limit.retryAfterS * 1000), wait);
    }
    times.push(now);
    seen.set(key, times);
    return null;
  };
}

/** The variant's error reply for this request, or null to go on. */
export function variantReply(
  world: SimWorld,
  inst: SimInstance,
  endpoint: string,
  limit: (key: string) => number | null,
): Reply | null {
  if (world.overQuota.has(inst.token))
    return { status: 403, json: { code: 'quota_exceeded', message: 'Forbidden - Quota or Limit Reached' } };
  if (inst.sessionGone && !REVIVE.has(endpoint))
    return {
      status: 404,
      json: { code: 'invalid_session', message: 'Session not found. The linked phone may have dropped.' },
    };
  const waitMs = limit(`${inst.id} ${endpoint}`);
  if (waitMs !== null)
    return {
      status: 429,
      json: { code: 'rate_limited', message: 'Too many requests, slow down' },
      headers: { 'Retry-After': String(Math.max(0.001, Math.round(waitMs) / 1000)) },
    };
  return null;
}
