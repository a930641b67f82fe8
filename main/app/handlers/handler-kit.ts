/** Small shared pieces of the IPC handlers: their types, argument parsing, Result builders, scrubbing. */
import type { z } from 'zod';
import type { Failure, InvokeChannel, InvokeResult, Result } from '../../../common/ipc';
import type { WawpError } from '../../../common/model';
import { describeIssues, invalidArgument } from '../ipc/ipc-schemas';

/** One channel's handler: raw IPC arguments in, the contract's result out. */
export type ChannelHandler<C extends InvokeChannel> = (...args: unknown[]) => Promise<InvokeResult<C>>;

/** A handler for every invoke channel (ipc.ts registers exactly these). */
export type Handlers = { [C in InvokeChannel]: ChannelHandler<C> };

/** Success. */
export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

/** An expected failure: `code` picks the UI's next action, `reason` says what happened and what to do. */
export const fail = (code: string, reason: string): Result<never> => ({ ok: false, code, reason });

/** A failed Wawp request as data: its code plus what the renderer needs to describe it (never a token). */
export function failWith(error: Omit<WawpError, 'code'> & { code: string }, secret?: string | null): Failure {
  const failure: Failure = { ok: false, code: error.code, reason: scrub(error.message, secret) };
  if (error.host) failure.host = error.host;
  if (error.cause) failure.cause = error.cause;
  if (error.detail) failure.detail = scrub(error.detail, secret);
  return failure;
}

/** Parses a channel's argument tuple; on failure yields the `invalid_argument` Result instead. */
export function parseArgs<S extends z.ZodType>(
  schema: S,
  args: unknown[],
): { ok: true; value: z.output<S> } | { ok: false; result: Result<never> } {
  const parsed = schema.safeParse(args);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, result: invalidArgument(parsed.error) };
}

/** Same as parseArgs for channels whose contract has no Result: a rejection (thrown) instead. */
export function parseArgsOrThrow<S extends z.ZodType>(schema: S, args: unknown[]): z.output<S> {
  const parsed = schema.safeParse(args);
  if (!parsed.success) throw new Error(`Rejected: ${describeIssues(parsed.error)}.`);
  return parsed.data;
}

/** Removes every occurrence of `secret` from `text` (error messages from lower layers). */
export function scrub(text: string, secret: string | null | undefined): string {
  return secret && secret.length >= 4 ? text.split(secret).join('[redacted]') : text;
}

/** The message of an unknown thrown value, scrubbed of `secret`. */
export function messageOf(error: unknown, secret?: string | null): string {
  return scrub(error instanceof Error ? error.message : String(error), secret);
}
