/** What the user's phone does in the simulator: scan a QR code or type a pairing code (§6.3 rules 5-6). */
import type { ControlResult, SimInstance } from './instance';
import type { SimWorld } from './world';

export interface PhoneIdentity {
  phone?: string;
  pushName?: string;
}

/** Normalises a pairing code for comparison (case and dash insensitive). */
const normCode = (code: string): string => code.replace(/[-\s]/g, '').toUpperCase();

/** Scans a QR: accepted only in SCAN_QR_CODE and only for the current, unexpired value (when given). */
export function scanCode(
  world: SimWorld,
  inst: SimInstance,
  opts: PhoneIdentity & { value?: string } = {},
): ControlResult {
  if (inst.status !== 'SCAN_QR_CODE' || !inst.qr)
    return { ok: false, reason: `not scanning (status ${inst.status})` };
  if (opts.value !== undefined) {
    const expired = opts.value === inst.qr.value && world.clock.now() >= inst.qr.expiresAt;
    if (inst.staleValues.has(opts.value) || expired)
      return { ok: false, reason: 'stale QR code: it expired and was replaced' };
    if (opts.value !== inst.qr.value) return { ok: false, reason: 'unknown QR code value' };
  }
  world.pair(inst, opts);
  return { ok: true };
}

/** Types the pairing code on the phone: must match the code issued in this cycle. */
export function enterPairingCode(
  world: SimWorld,
  inst: SimInstance,
  code: string,
  opts: PhoneIdentity = {},
): ControlResult {
  if (inst.status !== 'SCAN_QR_CODE') return { ok: false, reason: `not pairing (status ${inst.status})` };
  if (!inst.pairingCode) return { ok: false, reason: 'no pairing code was requested' };
  if (normCode(code) !== normCode(inst.pairingCode)) return { ok: false, reason: 'wrong pairing code' };
  world.pair(inst, opts);
  return { ok: true };
}
