/** Simulator tunables (wawp-api.md §6.2) and their defaults; durations are in simulated ms. */
import type { SimClock } from './clock';

export type QrExhaustion = 'fail' | 'restart' | 'endless';
export type ExpiryUnit = 's' | 'ms';

/** Options accepted by `startSimulator`; every field is optional. */
export interface SimulatorOptions {
  host?: string;
  port?: number;
  /** Multiplies every simulated duration (tests use 0.01). */
  timeScale?: number;
  bootDelayMs?: number;
  qrFirstTtlMs?: number;
  qrNextTtlMs?: number;
  qrCount?: number;
  qrExhaustion?: QrExhaustion;
  postScanDelayMs?: number;
  /** How long QR/request-code wait for SCAN_QR_CODE before answering 422. */
  statusWaitMs?: number;
  expiryUnit?: ExpiryUnit;
  infoCacheMs?: number;
  /** Server clock ahead of real time, for skew tests (ignored when `clock` is given). */
  clockOffsetMs?: number;
  /** Injected clock (e.g. `createManualClock()`); default: the wall clock plus `clockOffsetMs`. */
  clock?: SimClock;
  /** `wa.me` = Baileys ≥ 2026-05 value style (`https://wa.me/settings/linked_devices#…`). */
  valueStyle?: 'legacy' | 'wa.me';
  /** Logout answers the real instantaneous status instead of the documented `SCAN_QR_CODE`. */
  logoutReportsActual?: boolean;
  /** Lifetime of a temp link (`/v2/session/temp-link`), default 30 min. */
  tempLinkTtlMs?: number;
  /** Read `format` from the query only and default to an image (a server that takes the docs' URL literally). */
  qrFormatFromQuery?: boolean;
  /** `session/me` answers 200 with an empty body when no account is linked (instead of `null`). */
  emptyMe?: boolean;
  /** Per instance and endpoint: more than `max` requests within `windowMs` answer 429 + Retry-After. */
  rateLimit?: RateLimit | null;
  /** WORKING sessions read as `status` in session/info for `durationMs` of every `everyMs` (WAHA#2073). */
  workingFlaps?: WorkingFlaps | null;
}

/** A per-path request limit (simulated ms; `retryAfterS` simulated seconds). */
export interface RateLimit {
  max: number;
  windowMs: number;
  retryAfterS: number;
}

/** Transient wrong reads of a live session, by the clock. */
export interface WorkingFlaps {
  everyMs: number;
  durationMs: number;
  status: 'STARTING' | 'STOPPED';
}

/** The live, mutable configuration (the control API may change it at run time). */
export interface SimConfig {
  timeScale: number;
  bootDelayMs: number;
  qrFirstTtlMs: number;
  qrNextTtlMs: number;
  qrCount: number;
  qrExhaustion: QrExhaustion;
  postScanDelayMs: number;
  statusWaitMs: number;
  expiryUnit: ExpiryUnit;
  infoCacheMs: number;
  valueStyle: 'legacy' | 'wa.me';
  logoutReportsActual: boolean;
  tempLinkTtlMs: number;
  qrFormatFromQuery: boolean;
  emptyMe: boolean;
  rateLimit: RateLimit | null;
  workingFlaps: WorkingFlaps | null;
}

/** Fills defaults: 3 s boot, 60 s / 20 s / 6 codes then FAILED, 1.5 s post-scan, 5 s status wait. */
export function resolveConfig(o: SimulatorOptions = {}): SimConfig {
  return {
    timeScale: o.timeScale ?? 1,
    bootDelayMs: o.bootDelayMs ?? 3000,
    qrFirstTtlMs: o.qrFirstTtlMs ?? 60_000,
    qrNextTtlMs: o.qrNextTtlMs ?? 20_000,
    qrCount: o.qrCount ?? 6,
    qrExhaustion: o.qrExhaustion ?? 'fail',
    postScanDelayMs: o.postScanDelayMs ?? 1500,
    statusWaitMs: o.statusWaitMs ?? 5000,
    expiryUnit: o.expiryUnit ?? 's',
    infoCacheMs: o.infoCacheMs ?? 0,
    valueStyle: o.valueStyle ?? 'legacy',
    logoutReportsActual: o.logoutReportsActual ?? false,
    tempLinkTtlMs: o.tempLinkTtlMs ?? 30 * 60_000,
    qrFormatFromQuery: o.qrFormatFromQuery ?? false,
    emptyMe: o.emptyMe ?? false,
    rateLimit: o.rateLimit ?? null,
    workingFlaps: o.workingFlaps ?? null,
  };
}

/** Converts a simulated duration into clock ms under the current time scale. */
export function scaled(config: SimConfig, ms: number): number {
  return Math.max(0, Math.round(ms * config.timeScale));
}
