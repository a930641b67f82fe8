/**
 * `wawp-link link-url <instance-id>`: a Wawp temp link for a phone that is not at hand. Prints the link (the
 * URL alone on stdout; `--json`: one `link` event with its expiry), waits until the number is linked like
 * `login`, and revokes the link on success, timeout or Ctrl-C unless `--keep`.
 */
import type { LoginEvent } from '../../../common/model';
import type { RemoteLinkEvent } from '../../../common/remote-link';
import { createRemoteLink } from '../../login/remote-link';
import { parseCommandArgs, parseSeconds, requireInstanceId } from '../args';
import type { CliContext } from '../context';
import { EXIT, exitCodeFor, type ExitCode } from '../exit-codes';
import { formatPhone, linkedAs } from '../format';
import { LINK_URL_HELP } from '../help';
import { cliProblem, problemLines } from '../next-step';
import { writeJsonEvent } from '../login-json';
import { resolveTarget, titleFor } from '../target';

const OPTIONS = {
  'base-url': { type: 'string' },
  json: { type: 'boolean' },
  timeout: { type: 'string' },
  keep: { type: 'boolean' },
  new: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** "14:32" in the local time zone. */
const clockTime = (at: number): string =>
  new Date(at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

/** Runs `link-url`; exit 0 linked, 5 expired or --timeout, 3/4/1 per error, 130 on Ctrl-C. */
export async function linkUrlCommand(ctx: CliContext, argv: string[]): Promise<ExitCode> {
  const { values, positionals } = parseCommandArgs('link-url', argv, OPTIONS);
  if (values.help) return (ctx.io.out(LINK_URL_HELP), 0);
  const instanceId = requireInstanceId('link-url', positionals);
  const timeoutMs = parseSeconds('timeout', values.timeout);
  const json = values.json === true;
  const keep = values.keep === true;
  // Next steps name `login`, the command that links this instance by QR when the link is not the way.
  const target = await resolveTarget(ctx, 'login', instanceId, values['base-url']);
  const { io } = ctx;
  const client = ctx.createClient({ baseUrl: target.baseUrl, instanceId, accessToken: target.token });
  const session = ctx.createSession({ client, expectedPhone: target.entry?.expectedPhone ?? null });
  const remote = createRemoteLink({ client, session, revokeOnLinked: !keep });
  const say = (text: string): void => {
    if (!json) io.err(`${text}\n`);
  };

  return new Promise<ExitCode>((resolve) => {
    const cleanups: Array<() => void> = [];
    let done = false;
    const finish = async (code: ExitCode, message?: string): Promise<void> => {
      if (done) return;
      done = true;
      for (const cleanup of cleanups) cleanup();
      session.stop();
      if (!keep && remote.current()) await remote.cancel(); // its `revoked` event is still reported
      for (const unsubscribe of subscriptions) unsubscribe();
      remote.dispose();
      if (message) io.err(`${message}\n`);
      resolve(code);
    };
    const withHint = (code: Parameters<typeof exitCodeFor>[0], message: string): string =>
      problemLines(cliProblem({ code, detail: message }, target.steps));
    /** A CLI-decided failure: its JSON error line, then words on stderr. */
    const fail = (
      code: Parameters<typeof exitCodeFor>[0],
      message: string,
      exit = exitCodeFor(code),
    ): void => {
      if (json) writeJsonEvent(io, { type: 'error', code, message, fatal: true });
      void finish(exit, message);
    };

    const subscriptions = [
      remote.onEvent((event: RemoteLinkEvent) => {
        if (json) io.out(`${JSON.stringify(jsonOf(event))}\n`);
        switch (event.type) {
          case 'link':
            if (!json) {
              say(`${titleFor(target)}\n`);
              if (event.replaced) say('A new link was made; any link sent before no longer works.');
              say(
                `Send this link to the phone's owner. It works until ${clockTime(event.expiresAt)} (about ${Math.round((event.expiresAt - Date.now()) / 60_000)} min):`,
              );
              io.out(`${event.url}\n`);
              say(
                'They open it on a computer or tablet, then on the phone: WhatsApp → Settings → Linked devices →\nLink a device, and scan the code the page shows. Waiting for the link… (Ctrl-C revokes it)',
              );
            }
            break;
          case 'linked':
            if (!json) {
              io.err(`${linkedAs(event.me)}\n`);
              if (event.phoneMatches === false && event.expectedPhone)
                io.err(
                  `Warning: this instance was expected to link ${formatPhone(event.expectedPhone)}, but another number was linked.\n`,
                );
            }
            if (keep) void finish(EXIT.linked, 'The link was kept (--keep); it works until it expires.');
            break;
          case 'revoked':
            if (event.why === 'linked') void finish(EXIT.linked);
            break;
          case 'link-expired':
            void finish(
              EXIT.gaveUp,
              'The link expired before the phone was linked. Run the command again for a new one.',
            );
            break;
          case 'error':
            if (event.during === 'revoke') {
              say(`The link could not be revoked: ${event.message} It stops working when it expires.`);
              if (remote.current() === null) void finish(EXIT.linked);
            } else void finish(exitCodeFor(event.code), withHint(event.code, event.message));
            break;
        }
      }),
      session.onEvent((event: LoginEvent) => {
        if (event.type === 'qr' || event.type === 'qr-expired' || event.type === 'stopped') return;
        if (json) writeJsonEvent(io, event);
        if (event.type === 'error' && event.fatal)
          void finish(exitCodeFor(event.code), withHint(event.code, event.message));
      }),
    ];
    if (timeoutMs !== undefined) {
      const timer = setTimeout(
        () =>
          fail(
            'timeout',
            `Not linked within ${Math.round(timeoutMs / 1000)} s (--timeout), so it gave up.`,
            EXIT.gaveUp,
          ),
        timeoutMs,
      );
      cleanups.push(() => clearTimeout(timer));
    }
    const onAbort = (): void =>
      void finish(
        EXIT.interrupted,
        keep ? 'Stopped; the link was kept (--keep).' : 'Stopped; the link was revoked.',
      );
    if (io.interrupt.aborted) return onAbort();
    io.interrupt.addEventListener('abort', onAbort, { once: true });
    cleanups.push(() => io.interrupt.removeEventListener('abort', onAbort));

    session.start();
    void (values.new ? remote.renew() : remote.open());
  });
}

/** The JSON line of an event: `link` also gets its expiry as ISO text. */
function jsonOf(event: RemoteLinkEvent): object {
  return event.type === 'link' ? { ...event, expires: new Date(event.expiresAt).toISOString() } : event;
}
