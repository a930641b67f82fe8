/** Success paths of the `/v2` endpoints (state guards of §6.4, encodings of §6.6). */
import QRCode from 'qrcode';
import type { SimInstance } from './instance';
import type { SimWorld } from './world';
import { scaled } from './options';

/** A reply a handler wants sent. */
export interface Reply {
  status: number;
  json: unknown;
  headers?: Record<string, string>;
  /** Sent verbatim instead of `json` (an empty body, for instance). */
  raw?: string;
}

const CONFIG = { webhooks: {}, proxy: null };
const MISMATCH = 'Session status is not as expected. Try again later or restart the session';

/** The 422 body (WAHA's fields `status` and `expected` included). */
export function mismatch(inst: SimInstance, message = MISMATCH): Reply {
  return {
    status: 422,
    json: { code: 'session_status_mismatch', message, status: inst.status, expected: ['SCAN_QR_CODE'] },
  };
}

/** Waits up to `statusWaitMs` for SCAN_QR_CODE (WAHA polls like this before a 422). */
export function waitForScan(world: SimWorld, inst: SimInstance): Promise<boolean> {
  if (inst.status === 'SCAN_QR_CODE') return Promise.resolve(true);
  const wait = scaled(world.config, world.config.statusWaitMs);
  if (wait <= 0) return Promise.resolve(false);
  return new Promise((resolve) => {
    const done = (ok: boolean): void => {
      cancel();
      unwatch();
      resolve(ok);
    };
    const cancel = world.clock.schedule(wait, () => done(false));
    const unwatch = world.watch(inst, () => {
      if (inst.status === 'SCAN_QR_CODE') done(true);
    });
  });
}

const pngCache = new Map<string, Promise<string>>();

/**
 * A PNG data URL of `value` (error correction L, like WhatsApp Web), drawn once per code: a PNG
 * costs ~25 ms of CPU, and redrawing it on every request would inflate round trips under load.
 */
export function qrDataUrl(value: string): Promise<string> {
  let png = pngCache.get(value);
  if (!png) {
    png = QRCode.toDataURL(value, { errorCorrectionLevel: 'L', margin: 2, scale: 6 });
    pngCache.set(value, png);
    // Codes live seconds; a small cache of the latest ones is all that is ever asked for again.
    if (pngCache.size > 64) pngCache.delete(pngCache.keys().next().value!);
  }
  return png;
}

/** The session-info body; `qr` only in SCAN_QR_CODE; honours flaky reads and the micro-cache. */
export async function infoBody(world: SimWorld, inst: SimInstance): Promise<unknown> {
  if (inst.flaky && inst.flaky.remaining > 0) {
    const status = inst.flaky.status;
    inst.flaky.remaining -= 1;
    if (inst.flaky.remaining <= 0) inst.flaky = null;
    return { name: inst.sessionName, status, config: CONFIG, me: null };
  }
  const now = world.clock.now();
  const flaps = world.config.workingFlaps;
  if (flaps && inst.status === 'WORKING') {
    const phase = (now - inst.statusSince) % Math.max(1, scaled(world.config, flaps.everyMs));
    const wrong = phase >= scaled(world.config, flaps.everyMs - flaps.durationMs);
    if (wrong) return { name: inst.sessionName, status: flaps.status, config: CONFIG, me: null };
  }
  const cacheMs = scaled(world.config, world.config.infoCacheMs);
  if (inst.infoCache && cacheMs > 0 && now - inst.infoCache.at < cacheMs) return inst.infoCache.body;
  const body: Record<string, unknown> = {
    name: inst.sessionName,
    status: inst.status,
    config: CONFIG,
    me: inst.status === 'WORKING' ? inst.me : null,
  };
  if (inst.status === 'SCAN_QR_CODE' && inst.qr) body.qr = await qrDataUrl(inst.qr.value);
  inst.infoCache = { at: now, body };
  return body;
}

/** The short body start/stop/restart answer with. */
export function stateBody(inst: SimInstance): unknown {
  return { name: inst.sessionName, status: inst.status, config: CONFIG };
}

/** `auth/qr`: the `{mimetype,data}` envelope of base64 JSON `{value,expiry}` (or a PNG for format=image). */
export async function qrReply(world: SimWorld, inst: SimInstance, format: string): Promise<Reply> {
  if (!(await waitForScan(world, inst)) || !inst.qr) return mismatch(inst);
  if (format === 'image') {
    const png = (await qrDataUrl(inst.qr.value)).replace(/^data:image\/png;base64,/, '');
    return { status: 200, json: { mimetype: 'image/png', data: png } };
  }
  const expiry = world.config.expiryUnit === 'ms' ? inst.qr.expiresAt : Math.floor(inst.qr.expiresAt / 1000);
  const payload = JSON.stringify({ value: inst.qr.value, expiry });
  const data = Buffer.from(payload, 'utf8').toString('base64');
  return { status: 200, json: { mimetype: 'application/json; charset=utf-8', data } };
}

/** `auth/qr-image`: `{qr: "data:image/png;base64,…"}` of the current value. */
export async function qrImageReply(world: SimWorld, inst: SimInstance): Promise<Reply> {
  if (!(await waitForScan(world, inst)) || !inst.qr) return mismatch(inst);
  return { status: 200, json: { qr: await qrDataUrl(inst.qr.value) } };
}

/** `auth/request-code`: a fresh `ABCD-1234` code, valid until the cycle ends. */
export async function requestCodeReply(world: SimWorld, inst: SimInstance): Promise<Reply> {
  if (!(await waitForScan(world, inst)))
    return mismatch(
      inst,
      `Can request code only in SCAN_QR_CODE status. The current status is ${inst.status}`,
    );
  return { status: 200, json: { code: world.requestCode(inst) } };
}

/** `session/logout`: documented body says SCAN_QR_CODE; a stopped session stays STOPPED. */
export function logoutReply(world: SimWorld, inst: SimInstance): Reply {
  world.logout(inst);
  const status = world.config.logoutReportsActual || inst.status === 'STOPPED' ? inst.status : 'SCAN_QR_CODE';
  return { status: 200, json: { name: inst.sessionName, status, instance_id: inst.id } };
}
