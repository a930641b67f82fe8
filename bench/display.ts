/**
 * What a user sees for one instance during a benchmark trial: the code on screen over time, the
 * requests each strategy made, and when the session was reported linked. All times are real ms.
 */
import type { WawpClient } from '../main/wawp/types';

export interface Shown {
  value: string;
  from: number;
  to: number | null;
  /** The server's expiry of this code (real ms; the simulator runs on the wall clock). */
  expiresAt: number | null;
}

/** The screen of one trial plus its request log. */
export class Screen {
  readonly shown: Shown[] = [];
  readonly requests: { method: string; at: number }[] = [];
  connectedAt: number | null = null;
  private listeners = new Set<() => void>();

  constructor(private readonly expiryOf: (value: string) => number | null) {}

  /** Puts a code on screen (no-op when it is already shown). */
  show(value: string): void {
    const cur = this.current();
    if (cur?.value === value) return;
    this.clear();
    this.shown.push({ value, from: Date.now(), to: null, expiresAt: this.expiryOf(value) });
    this.changed();
  }

  clear(): void {
    const cur = this.current();
    if (cur) {
      cur.to = Date.now();
      this.changed();
    }
  }

  linked(): void {
    this.clear();
    this.connectedAt ??= Date.now();
    this.changed();
  }

  current(): Shown | null {
    const last = this.shown.at(-1);
    return last && last.to === null ? last : null;
  }

  onChange(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /** Wraps a client so every call is logged with its time. */
  counting(client: WawpClient): WawpClient {
    const log = (method: string): void => void this.requests.push({ method, at: Date.now() });
    return {
      getQr: (o) => (log('getQr'), client.getQr(o)),
      getQrImage: (o) => (log('getQrImage'), client.getQrImage(o)),
      requestCode: (p, o) => (log('requestCode'), client.requestCode(p, o)),
      sessionInfo: (o) => (log('sessionInfo'), client.sessionInfo(o)),
      me: (o) => (log('me'), client.me(o)),
      start: (o) => (log('start'), client.start(o)),
      stop: (o) => (log('stop'), client.stop(o)),
      restart: (o) => (log('restart'), client.restart(o)),
      logout: (o) => (log('logout'), client.logout(o)),
      createTempLink: (o) => (log('createTempLink'), client.createTempLink(o)),
      getTempLink: (o) => (log('getTempLink'), client.getTempLink(o)),
      revokeTempLink: (o) => (log('revokeTempLink'), client.revokeTempLink(o)),
    };
  }

  private changed(): void {
    for (const fn of [...this.listeners]) fn();
  }
}
