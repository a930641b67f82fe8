/** Small node:http helpers for the simulator: body reading, parameter extraction, replies. */
import type { IncomingMessage, ServerResponse } from 'node:http';

const MAX_BODY = 1024 * 1024;

/** Reads the request body as text (capped at 1 MiB). */
export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) break;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Parses a JSON object body; anything else (form-encoded, invalid, arrays) yields `{}`. */
export function jsonObject(req: IncomingMessage, text: string): Record<string, unknown> {
  const type = req.headers['content-type'] ?? '';
  if (type.includes('application/x-www-form-urlencoded') || text.trim() === '') return {};
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

/** Request params: query wins over JSON body; header auth (Bearer / access-token / X-Instance-ID) last. */
export function collectParams(
  req: IncomingMessage,
  url: URL,
  body: Record<string, unknown>,
): Map<string, string> {
  const params = new Map<string, string>();
  const auth = req.headers.authorization;
  const headerToken = req.headers['access-token'];
  const headerInstance = req.headers['x-instance-id'];
  if (typeof auth === 'string' && auth.startsWith('Bearer '))
    params.set('access_token', auth.slice(7).trim());
  if (typeof headerToken === 'string') params.set('access_token', headerToken);
  if (typeof headerInstance === 'string') params.set('instance_id', headerInstance);
  for (const [key, value] of Object.entries(body)) {
    if (typeof value === 'string' || typeof value === 'number') params.set(key, String(value));
  }
  for (const [key, value] of url.searchParams) params.set(key, value);
  return params;
}

/** Sends a complete reply with an explicit `Date` from the simulator's clock. */
export function send(
  res: ServerResponse,
  status: number,
  body: string | Buffer,
  headers: Record<string, string>,
  now: number,
): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, {
    ...headers,
    Date: new Date(now).toUTCString(),
    'Content-Length': String(Buffer.byteLength(body)),
  });
  res.end(body);
}

/** Sends a JSON reply (the Wawp content type). */
export function sendJson(
  res: ServerResponse,
  status: number,
  value: unknown,
  now: number,
  extra: Record<string, string> = {},
): void {
  send(
    res,
    status,
    JSON.stringify(value),
    { 'Content-Type': 'application/json; charset=utf-8', ...extra },
    now,
  );
}

/** Headers the QR endpoints send (never cache a QR). */
export const NO_STORE = {
  'Cache-Control': 'no-store, no-cache, must-revalidate, max-age=0',
  Pragma: 'no-cache',
};
