/**
 * createRemoteLink: link a phone that is not at the desk through a Wawp temp link. It reuses a live link (or
 * makes one), reports when it expires, and leans on the instance's LoginSession for everything else: that
 * session keeps the Wawp session scannable (start, status watching, backoff) and its `connected` event, with
 * the wrong-number check, is what "linked" means here. Once linked, or on cancel, the link is revoked.
 */
import type { LoginEvent } from '../../common/model';
import type { RemoteLinkError, RemoteLinkEvent, RemoteLinkOffer } from '../../common/remote-link';
import type { Outcome, TempLink, WawpClient } from '../wawp/types';
import { systemClock } from './clock';
import type { Clock, LoginSession } from './types';

export interface RemoteLinkOptions {
  client: Pick<WawpClient, 'createTempLink' | 'getTempLink' | 'revokeTempLink'>;
  /** The instance's login session; the front end starts and stops it (it may also show the QR view). */
  session: Pick<LoginSession, 'onEvent' | 'restart'>;
  clock?: Clock;
  /** A live link is reused when it still has this long to live (default 5 min); else a new one is made. */
  reuseMinMs?: number;
  /** Revoke the link once the phone is linked (default true; the CLI's `--keep` turns it off). */
  revokeOnLinked?: boolean;
  /** Diagnostics sink; never receives the link itself. */
  log?: (message: string, detail?: Record<string, unknown>) => void;
}

export type RemoteLinkResult = { ok: true; offer: RemoteLinkOffer } | { ok: false; error: RemoteLinkError };

/** One remote-link attempt for one instance. */
export interface RemoteLink {
  /** Shows the live link if it has time left, else makes one. */
  open(): Promise<RemoteLinkResult>;
  /** Makes a new link; the previous one stops working at once. */
  renew(): Promise<RemoteLinkResult>;
  /** Revokes the link (the owner's copy stops working); `open()` may offer a new one later. */
  cancel(): Promise<void>;
  /** The link on offer now, or null. */
  current(): RemoteLinkOffer | null;
  onEvent(listener: (event: RemoteLinkEvent) => void): () => void;
  /** Stops timers and watching without revoking (the CLI's `--keep`). */
  dispose(): void;
}

/** Creates the remote link; nothing happens until `open()`. */
export function createRemoteLink(options: RemoteLinkOptions): RemoteLink {
  const { client, session } = options;
  const clock = options.clock ?? systemClock;
  const log = options.log ?? (() => undefined);
  const reuseMinMs = options.reuseMinMs ?? 5 * 60_000;
  const listeners = new Set<(event: RemoteLinkEvent) => void>();
  let offer: RemoteLinkOffer | null = null;
  let timer: AbortController | null = null;
  let active = false;
  let queue: Promise<unknown> = Promise.resolve();

  const emit = (event: RemoteLinkEvent): void => {
    for (const listener of [...listeners]) {
      try {
        listener(event);
      } catch (e) {
        log('remote link listener threw', { error: e instanceof Error ? e.message : String(e) });
      }
    }
  };
  /** One step at a time: a double click never makes two links. */
  const serial = <T>(step: () => Promise<T>): Promise<T> => {
    const next = queue.then(step, step);
    queue = next.catch(() => undefined);
    return next;
  };
  const failure = (error: RemoteLinkError): RemoteLinkResult => {
    emit({ type: 'error', ...error });
    return { ok: false, error };
  };
  const asError = (outcome: Outcome<unknown> & { ok: false }, during: RemoteLinkError['during']) => {
    const { code, message, host, cause, detail } = outcome.error;
    return {
      code,
      message,
      during,
      ...(host ? { host } : {}),
      ...(cause ? { cause } : {}),
      ...(detail ? { detail } : {}),
    };
  };

  const clearTimer = (): void => {
    timer?.abort();
    timer = null;
  };
  const watchExpiry = (shown: RemoteLinkOffer): void => {
    clearTimer();
    const ctl = new AbortController();
    timer = ctl;
    clock.sleep(Math.max(0, shown.expiresAt - clock.now()), ctl.signal).then(
      () => {
        if (offer !== shown) return;
        offer = null;
        timer = null;
        log('remote link expired');
        emit({ type: 'link-expired' });
      },
      () => undefined, // cleared: a new link, linked, or cancelled
    );
  };
  /** Server expiry → local clock, using the reply's `Date` header when it has one. */
  const localExpiry = (link: TempLink, meta: { serverDate: number | null; receivedAt: number }): number =>
    // `Date` has 1 s resolution: count the link dead up to a second early rather than late.
    meta.serverDate === null ? link.expiresAt : link.expiresAt - (meta.serverDate - meta.receivedAt) - 1000;
  const show = (
    outcome: Outcome<TempLink> & { ok: true },
    how: { reused: boolean; replaced: boolean },
  ): RemoteLinkResult => {
    const next: RemoteLinkOffer = {
      url: outcome.data.url,
      expiresAt: localExpiry(outcome.data, outcome),
      ...how,
    };
    offer = next;
    active = true;
    watchExpiry(next);
    log('remote link ready', {
      reused: how.reused,
      replaced: how.replaced,
      inMs: next.expiresAt - clock.now(),
    });
    emit({ type: 'link', ...next });
    return { ok: true, offer: next };
  };
  const make = async (during: 'open' | 'renew', replaced: boolean): Promise<RemoteLinkResult> => {
    const made = await client.createTempLink();
    return made.ok ? show(made, { reused: false, replaced }) : failure(asError(made, during));
  };

  const revoke = async (why: 'linked' | 'cancelled'): Promise<void> => {
    clearTimer();
    offer = null;
    active = false;
    const revoked = await client.revokeTempLink();
    if (revoked.ok) emit({ type: 'revoked', why });
    else failure(asError(revoked, 'revoke'));
  };

  const onSessionEvent = (event: LoginEvent): void => {
    if (!active) return;
    if (event.type === 'connected') {
      const { me, expectedPhone, phoneMatches } = event;
      emit({ type: 'linked', me, expectedPhone, phoneMatches });
      if (options.revokeOnLinked ?? true) void serial(() => revoke('linked'));
      else {
        clearTimer();
        active = false;
      }
    } else if (event.type === 'exhausted' && offer) {
      // The owner may open the link any time in its 30 minutes: keep a code ready for them.
      log('codes ran out while a remote link is live; restarting for a new cycle');
      void session.restart();
    }
  };
  const unsubscribe = session.onEvent(onSessionEvent);

  return {
    open: () =>
      serial(async () => {
        const existing = await client.getTempLink();
        if (!existing.ok) return failure(asError(existing, 'open'));
        if (existing.data) {
          const left = localExpiry(existing.data, existing) - clock.now();
          if (left >= reuseMinMs)
            return show({ ...existing, data: existing.data }, { reused: true, replaced: false });
        }
        return make('open', existing.data !== null);
      }),
    renew: () =>
      serial(async () => {
        // Whether copies sent earlier stop working: known here, or asked of Wawp.
        let had = offer !== null;
        if (!had) {
          const existing = await client.getTempLink();
          had = existing.ok && existing.data !== null;
        }
        return make('renew', had);
      }),
    cancel: () =>
      serial(async () => {
        if (active || offer) await revoke('cancelled');
      }),
    current: () => offer,
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose() {
      clearTimer();
      active = false;
      unsubscribe();
    },
  };
}
