/**
 * Remote linking through a Wawp temp link, as every front end sees it (desktop, tray, CLI). The link URL is a
 * bearer secret for its lifetime: it may reach the renderer (the user copies it) but never a log line.
 */
import type { Me, NetworkCause, WawpErrorCode } from './model';

/** A link on offer to the phone's owner. */
export interface RemoteLinkOffer {
  /** `https://app.wawp.net/temp-qr/<token>`: whoever opens it can link a phone to the instance. */
  url: string;
  /** When the link stops working, epoch ms on the *local* clock (corrected for server clock skew). */
  expiresAt: number;
  /** The link already existed and was kept (nobody's copy stopped working). */
  reused: boolean;
  /** A previous link was replaced: copies sent earlier no longer work. */
  replaced: boolean;
}

/** Why a remote-link step failed (token-free, like WawpError). */
export interface RemoteLinkError {
  code: WawpErrorCode;
  message: string;
  host?: string;
  cause?: NetworkCause;
  detail?: string;
  /** Which step failed. */
  during: 'open' | 'renew' | 'revoke';
}

/** What a remote-link session reports, in order: a link, then linked/expired/revoked (or errors). */
export type RemoteLinkEvent =
  | ({ type: 'link' } & RemoteLinkOffer)
  | { type: 'link-expired' }
  | { type: 'linked'; me: Me; expectedPhone: string | null; phoneMatches: boolean | null }
  /** The link was withdrawn on Wawp: after linking, or because the user cancelled. */
  | { type: 'revoked'; why: 'linked' | 'cancelled' }
  | ({ type: 'error' } & RemoteLinkError);

/** A `mailto:` draft with only a subject and a body (what main's external-link policy lets through). */
export function mailDraftUrl(subject: string, body: string): string {
  return `mailto:?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
}
