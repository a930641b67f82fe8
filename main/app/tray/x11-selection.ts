/**
 * A few X11 requests over the display's local socket, enough to ask "does anyone own this selection?" —
 * how an XEmbed system tray announces itself (`_NET_SYSTEM_TRAY_S<screen>`, freedesktop System Tray
 * Protocol). Electron falls back to GtkStatusIcon (XEmbed) when no StatusNotifier host exists, so such a
 * panel does show our icon. Plain node:net, no native module and no electron; every failure reads as
 * "no owner". https://specifications.freedesktop.org/systemtray-spec/latest/
 */
import { readFileSync } from 'node:fs';
import { hostname, homedir } from 'node:os';
import { createConnection, type Socket } from 'node:net';
import { join } from 'node:path';

/** A local display `:N` or `:N.S` (remote displays are not asked: no TCP from here). */
export function parseDisplay(display: string | undefined): { number: string; screen: number } | null {
  const match = /^(?:unix)?:(\d+)(?:\.(\d+))?$/.exec(display ?? '');
  return match ? { number: match[1]!, screen: Number(match[2] ?? 0) } : null;
}

/** The MIT-MAGIC-COOKIE-1 for display `number` in an .Xauthority file (local or wildcard entries). */
export function findXauthCookie(file: Buffer, number: string, host: string): Buffer | null {
  let fallback: Buffer | null = null;
  for (let at = 0; at + 2 <= file.length;) {
    const family = file.readUInt16BE(at);
    const fields: Buffer[] = [];
    at += 2;
    for (let i = 0; i < 4; i += 1) {
      if (at + 2 > file.length) return fallback;
      const length = file.readUInt16BE(at);
      fields.push(file.subarray(at + 2, at + 2 + length));
      at += 2 + length;
    }
    const [address, num, name, data] = fields as [Buffer, Buffer, Buffer, Buffer];
    if (num.toString('latin1') !== number || name.toString('latin1') !== 'MIT-MAGIC-COOKIE-1') continue;
    if (family === 0xffff || address.toString('latin1') === host) return data;
    fallback ??= data;
  }
  return fallback;
}

const pad = (n: number): number => (4 - (n % 4)) % 4;

/** The connection setup request (little-endian), with an optional MIT-MAGIC-COOKIE-1. */
export function setupRequest(cookie: Buffer | null): Buffer {
  const name = cookie ? Buffer.from('MIT-MAGIC-COOKIE-1') : Buffer.alloc(0);
  const data = cookie ?? Buffer.alloc(0);
  const head = Buffer.alloc(12);
  head.write('l', 0, 'latin1');
  head.writeUInt16LE(11, 2);
  head.writeUInt16LE(0, 4);
  head.writeUInt16LE(name.length, 6);
  head.writeUInt16LE(data.length, 8);
  return Buffer.concat([head, name, Buffer.alloc(pad(name.length)), data, Buffer.alloc(pad(data.length))]);
}

/** One open X11 connection that sends one request at a time and reads its 32-byte reply. */
export class X11Client {
  private buffered = Buffer.alloc(0);
  private waiting: ((chunk: Buffer | null) => void) | null = null;
  private need = 0;

  /** The first screen's root window (from the setup reply). */
  root = 0;

  private constructor(private readonly socket: Socket) {}

  /** Connects to the local display in `env`, or rejects (no display, refused, timeout). */
  static async open(env: NodeJS.ProcessEnv, timeoutMs = 1_500): Promise<X11Client> {
    const display = parseDisplay(env.DISPLAY);
    if (!display) throw new Error('no local X display');
    let cookie: Buffer | null = null;
    try {
      cookie = findXauthCookie(
        readFileSync(env.XAUTHORITY || join(homedir(), '.Xauthority')),
        display.number,
        hostname(),
      );
    } catch {
      // No authority file: servers started without -auth accept the connection anyway.
    }
    const socket = createConnection({ path: `/tmp/.X11-unix/X${display.number}` });
    socket.setTimeout(timeoutMs, () => socket.destroy(new Error('X11 timeout')));
    const client = new X11Client(socket);
    socket.on('data', (chunk) => client.feed(chunk));
    socket.on('error', () => client.fail());
    socket.on('close', () => client.fail());
    socket.write(setupRequest(cookie));
    const head = await client.read(8);
    if (head[0] !== 1) {
      socket.destroy();
      throw new Error('X11 connection refused');
    }
    const rest = await client.read(head.readUInt16LE(6) * 4);
    // Setup reply: vendor length at 16 (24-8), formats count at 21 (29-8), then vendor, formats, screens.
    const vendorLength = rest.readUInt16LE(16);
    const formats = rest.readUInt8(21);
    const screens = 32 + vendorLength + pad(vendorLength) + 8 * formats;
    client.root = rest.readUInt32LE(screens);
    return client;
  }

  private feed(chunk: Buffer): void {
    this.buffered = Buffer.concat([this.buffered, chunk]);
    this.deliver();
  }

  private fail(): void {
    const waiting = this.waiting;
    this.waiting = null;
    waiting?.(null);
  }

  private deliver(): void {
    if (!this.waiting || this.buffered.length < this.need) return;
    const chunk = this.buffered.subarray(0, this.need);
    this.buffered = this.buffered.subarray(this.need);
    const waiting = this.waiting;
    this.waiting = null;
    waiting(chunk);
  }

  private read(bytes: number): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      this.need = bytes;
      this.waiting = (chunk) => (chunk ? resolve(chunk) : reject(new Error('X11 connection closed')));
      this.deliver();
    });
  }

  private async request(body: Buffer): Promise<Buffer> {
    this.socket.write(body);
    const reply = await this.read(32);
    if (reply[0] !== 1) throw new Error(`X11 error ${reply[1]}`);
    return reply;
  }

  /** The atom for `name`; 0 when `onlyIfExists` and nobody ever created it. */
  async internAtom(name: string, onlyIfExists: boolean): Promise<number> {
    const bytes = Buffer.from(name, 'latin1');
    const body = Buffer.alloc(8 + bytes.length + pad(bytes.length));
    body.writeUInt8(16, 0);
    body.writeUInt8(onlyIfExists ? 1 : 0, 1);
    body.writeUInt16LE(body.length / 4, 2);
    body.writeUInt16LE(bytes.length, 4);
    bytes.copy(body, 8);
    return (await this.request(body)).readUInt32LE(8);
  }

  /** The window owning `selection` (0: none). */
  async selectionOwner(selection: number): Promise<number> {
    const body = Buffer.alloc(8);
    body.writeUInt8(23, 0);
    body.writeUInt16LE(2, 2);
    body.writeUInt32LE(selection, 4);
    return (await this.request(body)).readUInt32LE(8);
  }

  /** Makes `owner` own `selection` (no reply; confirmed by asking selectionOwner). */
  async claimSelection(owner: number, selection: number): Promise<number> {
    const body = Buffer.alloc(16);
    body.writeUInt8(22, 0);
    body.writeUInt16LE(4, 2);
    body.writeUInt32LE(owner, 4);
    body.writeUInt32LE(selection, 8);
    this.socket.write(body);
    return this.selectionOwner(selection);
  }

  close(): void {
    this.socket.destroy();
  }
}

/** True when an XEmbed system tray manages the display's screen in `env`; false on any failure. */
export async function xembedTrayRuns(env: NodeJS.ProcessEnv, timeoutMs = 1_500): Promise<boolean> {
  const display = parseDisplay(env.DISPLAY);
  if (!display) return false;
  let client: X11Client | null = null;
  try {
    client = await X11Client.open(env, timeoutMs);
    const atom = await client.internAtom(`_NET_SYSTEM_TRAY_S${display.screen}`, true);
    return atom !== 0 && (await client.selectionOwner(atom)) !== 0;
  } catch {
    return false;
  } finally {
    client?.close();
  }
}
