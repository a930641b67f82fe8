/**
 * The simulator's state machine (wawp-api.md §6.3): tokens owning instances, boot, QR rotation,
 * exhaustion, scan / pairing code, stop/start/restart/logout, unlink and crash. No HTTP here.
 */
import type { SimClock } from './clock';
import type { InstanceSnapshot, SimInstance, SimMe, SimStatus } from './instance';
import { scaled, type SimConfig } from './options';
import { newInstanceId, newPairingCode, newQrValue, newSessionName } from './values';

const DEFAULT_ME = { phone: '201012345678', pushName: 'Demo User' };

/** Holds every token and instance; all transitions go through here. */
export class SimWorld {
  readonly tokens = new Set<string>();
  readonly instances = new Map<string, SimInstance>();
  /** Tokens whose account is over its plan: instance calls answer 403 `quota_exceeded`. */
  readonly overQuota = new Set<string>();
  /**
   * Called with each code's value half a lifetime (or half the boot) before it is issued, so costly
   * work on it, such as drawing its picture, happens away from the rotation: in one process with
   * the clients under test, a burst of CPU at the rotation would delay exactly the replies measured.
   */
  onQrDrawn: ((value: string) => void) | null = null;

  constructor(
    readonly clock: SimClock,
    readonly config: SimConfig,
  ) {}

  addToken(token: string): void {
    this.tokens.add(token);
  }

  /** Creates an instance owned by `token` (the token is added if unknown). */
  addInstance(
    token: string,
    init: { instanceId?: string; status?: 'STOPPED' | 'WORKING' | 'SCAN_QR_CODE'; me?: SimMe } = {},
  ): string {
    this.tokens.add(token);
    const id = init.instanceId ?? newInstanceId();
    const inst: SimInstance = {
      id,
      sessionName: newSessionName(),
      token,
      status: 'STOPPED',
      paired: false,
      me: null,
      qr: null,
      staleValues: new Set(),
      nextQrValue: null,
      pairingCode: null,
      statusSince: this.clock.now(),
      cancelTimer: null,
      flaky: null,
      listeners: new Set(),
      infoCache: null,
      sessionGone: false,
    };
    this.instances.set(id, inst);
    if (init.status === 'WORKING') {
      inst.paired = true;
      inst.me = init.me ?? { id: `${DEFAULT_ME.phone}@c.us`, pushName: DEFAULT_ME.pushName };
      this.setStatus(inst, 'WORKING');
    } else if (init.status === 'SCAN_QR_CODE') {
      this.toScan(inst);
    } else if (init.me) {
      inst.paired = true;
      inst.me = init.me;
    }
    return id;
  }

  get(id: string): SimInstance | undefined {
    return this.instances.get(id);
  }

  snapshot(id: string): InstanceSnapshot | null {
    const inst = this.instances.get(id);
    if (!inst) return null;
    const qr = inst.qr ? { value: inst.qr.value, index: inst.qr.index, expiresAt: inst.qr.expiresAt } : null;
    return { status: inst.status, qr, me: inst.me, pairingCode: inst.pairingCode };
  }

  /** Subscribes to any change of the instance (status, QR rotation); returns unsubscribe. */
  watch(inst: SimInstance, fn: () => void): () => void {
    inst.listeners.add(fn);
    return () => inst.listeners.delete(fn);
  }

  start(inst: SimInstance): void {
    if (inst.sessionGone) {
      inst.sessionGone = false;
      return this.toStarting(inst);
    }
    if (inst.status === 'STOPPED' || inst.status === 'FAILED') this.toStarting(inst);
  }

  /** The engine's session is deleted upstream (the linked phone dropped): 404 `invalid_session`. */
  dropSession(inst: SimInstance): void {
    inst.paired = false;
    inst.me = null;
    this.setStatus(inst, 'STOPPED');
    inst.sessionGone = true;
  }

  stop(inst: SimInstance): void {
    if (inst.status !== 'STOPPED') this.setStatus(inst, 'STOPPED');
  }

  restart(inst: SimInstance): void {
    inst.sessionGone = false;
    this.toStarting(inst);
  }

  logout(inst: SimInstance): void {
    inst.paired = false;
    inst.me = null;
    if (inst.status === 'STOPPED') this.setStatus(inst, 'STOPPED');
    else this.toStarting(inst);
  }

  delete(inst: SimInstance): void {
    this.clearState(inst);
    this.instances.delete(inst.id);
  }

  /** Issues a pairing code for the current cycle (caller checked SCAN_QR_CODE). */
  requestCode(inst: SimInstance): string {
    inst.pairingCode = newPairingCode();
    this.notify(inst);
    return inst.pairingCode;
  }

  /** The phone removes the linked device: WORKING → FAILED; pairing is lost in any state. */
  unlink(inst: SimInstance): void {
    inst.paired = false;
    inst.me = null;
    if (inst.status === 'WORKING') this.setStatus(inst, 'FAILED');
    else this.notify(inst);
  }

  /** The engine dies: any running state → FAILED. */
  crash(inst: SimInstance): void {
    if (inst.status !== 'STOPPED') this.setStatus(inst, 'FAILED');
  }

  /** Stops every timer (server close). */
  shutdown(): void {
    for (const inst of this.instances.values()) inst.cancelTimer?.();
    this.clock.cancelAll();
  }

  /** The phone accepted a code: paired, `me` set, STARTING for postScanDelay, then WORKING. */
  pair(inst: SimInstance, opts: { phone?: string; pushName?: string }): void {
    inst.paired = true;
    inst.me = {
      id: `${opts.phone ?? DEFAULT_ME.phone}@c.us`,
      pushName: opts.pushName ?? DEFAULT_ME.pushName,
    };
    this.setStatus(inst, 'STARTING');
    this.after(inst, this.config.postScanDelayMs, () => this.setStatus(inst, 'WORKING'));
  }

  private toStarting(inst: SimInstance): void {
    this.setStatus(inst, 'STARTING');
    if (!inst.paired) this.drawNextQr(inst, scaled(this.config, this.config.bootDelayMs) / 2);
    this.after(inst, this.config.bootDelayMs, () => {
      if (inst.paired) this.setStatus(inst, 'WORKING');
      else this.toScan(inst);
    });
  }

  private toScan(inst: SimInstance): void {
    this.setStatus(inst, 'SCAN_QR_CODE');
    this.issueQr(inst, 1);
  }

  private issueQr(inst: SimInstance, index: number): void {
    if (inst.qr) inst.staleValues.add(inst.qr.value);
    const ttl = scaled(this.config, index === 1 ? this.config.qrFirstTtlMs : this.config.qrNextTtlMs);
    const now = this.clock.now();
    const value = inst.nextQrValue ?? newQrValue(this.config.valueStyle);
    inst.qr = { value, index, issuedAt: now, expiresAt: now + ttl };
    inst.cancelTimer = this.clock.schedule(ttl, () => this.onQrExpired(inst, index));
    this.drawNextQr(inst, ttl / 2);
    this.notify(inst);
  }

  private drawNextQr(inst: SimInstance, announceInMs: number): void {
    const next = newQrValue(this.config.valueStyle);
    inst.nextQrValue = next;
    const announce = this.onQrDrawn;
    if (announce) this.clock.schedule(announceInMs, () => announce(next));
  }

  private onQrExpired(inst: SimInstance, index: number): void {
    if (index < this.config.qrCount || this.config.qrExhaustion === 'endless')
      return this.issueQr(inst, index + 1);
    if (this.config.qrExhaustion === 'restart') return this.toStarting(inst);
    this.setStatus(inst, 'FAILED');
  }

  private after(inst: SimInstance, ms: number, fn: () => void): void {
    inst.cancelTimer = this.clock.schedule(scaled(this.config, ms), fn);
  }

  private clearState(inst: SimInstance): void {
    inst.cancelTimer?.();
    inst.cancelTimer = null;
    inst.qr = null;
    inst.staleValues.clear();
    inst.pairingCode = null;
  }

  private setStatus(inst: SimInstance, status: SimStatus): void {
    this.clearState(inst);
    inst.status = status;
    inst.statusSince = this.clock.now();
    this.notify(inst);
  }

  private notify(inst: SimInstance): void {
    for (const fn of [...inst.listeners]) fn();
  }
}
