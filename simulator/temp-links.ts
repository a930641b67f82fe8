/**
 * Wawp temp links (wawp-api.md §2.14): one link per instance, `https://app.wawp.net/temp-qr/<64 hex>`, valid
 * 30 minutes (time-scaled); a new one expires the old; a revoked or expired link is gone. Opening a link on
 * the remote phone shows the instance's current QR, so "open and scan" pairs only while it is scannable.
 */
import { randomBytes } from 'node:crypto';
import type { ControlResult, SimInstance } from './instance';
import type { PhoneIdentity } from './phone';
import { scanCode } from './phone';
import { scaled } from './options';
import type { SimWorld } from './world';

/** The documented page host of a temp link. */
export const TEMP_LINK_PREFIX = 'https://app.wawp.net/temp-qr/';

/** One issued link; `expiresAt` is epoch ms on the simulator's clock. */
export interface SimTempLink {
  token: string;
  url: string;
  instanceId: string;
  createdAt: number;
  expiresAt: number;
}

/** The temp links of one world: the live link per instance, and every token ever issued (for refusals). */
export class TempLinkBook {
  private readonly live = new Map<string, SimTempLink>();
  private readonly issued = new Map<string, SimTempLink>();

  constructor(private readonly world: SimWorld) {}

  /** POST: expires any previous link of the instance and issues a new one. */
  create(inst: SimInstance): SimTempLink {
    const now = this.world.clock.now();
    const token = randomBytes(32).toString('hex');
    const ttl = scaled(this.world.config, this.world.config.tempLinkTtlMs);
    const link = {
      token,
      url: `${TEMP_LINK_PREFIX}${token}`,
      instanceId: inst.id,
      createdAt: now,
      expiresAt: now + ttl,
    };
    this.live.set(inst.id, link);
    this.issued.set(token, link);
    return link;
  }

  /** GET: the instance's live, unexpired link, or null. */
  current(inst: SimInstance): SimTempLink | null {
    const link = this.live.get(inst.id);
    if (!link) return null;
    if (this.world.clock.now() >= link.expiresAt) {
      this.live.delete(inst.id);
      return null;
    }
    return link;
  }

  /** DELETE: revokes the live link; true when there was one. */
  revoke(inst: SimInstance): boolean {
    const had = this.current(inst) !== null;
    this.live.delete(inst.id);
    return had;
  }

  /** The remote phone opens the page of `token` and scans the QR it shows. */
  openAndScan(token: string, who: PhoneIdentity = {}): ControlResult {
    const link = this.issued.get(token);
    if (!link) return { ok: false, reason: 'unknown temp link' };
    const inst = this.world.get(link.instanceId);
    if (!inst) return { ok: false, reason: 'the instance of this temp link was deleted' };
    const live = this.current(inst);
    if (!live || live.token !== token) {
      const expired = this.world.clock.now() >= link.expiresAt;
      return { ok: false, reason: expired ? 'temp link expired' : 'temp link revoked or replaced' };
    }
    return scanCode(this.world, inst, who);
  }
}

const books = new WeakMap<SimWorld, TempLinkBook>();

/** The world's temp-link book (created on first use, so the world itself stays unaware of it). */
export function tempLinksOf(world: SimWorld): TempLinkBook {
  let book = books.get(world);
  if (!book) books.set(world, (book = new TempLinkBook(world)));
  return book;
}

/** The reply body of a link: `{link, expires_at}` with `expires_at` in the configured unit. */
export function tempLinkBody(world: SimWorld, link: SimTempLink | null): Record<string, unknown> {
  if (!link) return { link: null };
  const expiry = world.config.expiryUnit === 'ms' ? link.expiresAt : Math.floor(link.expiresAt / 1000);
  return { link: link.url, expires_at: expiry };
}

/** The token of a temp-link URL (or the bare token), or null when it is not one. */
export function tempLinkToken(urlOrToken: string): string | null {
  const match = /(?:temp-qr\/)?([a-f0-9]{64})\/?$/i.exec(urlOrToken.trim());
  return match ? match[1]!.toLowerCase() : null;
}
