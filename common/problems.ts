/**
 * The one source of user-facing error text, for the app, the tray, notifications and the CLI alike:
 * a short title, one sentence that says what happened, and the one next step as an action id that
 * each front end renders its own way (a button in the app, a command line in the CLI). No HTTP codes
 * or raw server text here; those live in `detail`, which front ends only show behind "Details".
 */
import type { NetworkCause, ProblemSource } from './model';

/** The next step a user can take; front ends map each to a button, menu item or command. */
export type ProblemAction =
  /** Re-enter the access token of this instance. */
  | 'edit_token'
  /** Check the instance id (and that the token belongs to it). */
  | 'check_instance'
  /** Restart the session for a fresh set of codes. */
  | 'new_code'
  /** Check the Wawp plan or quota in the Wawp dashboard. */
  | 'check_plan'
  /** Change the server address of this instance. */
  | 'edit_server'
  /** Correct the phone number. */
  | 'fix_phone'
  /** Try again now (the app may also retry by itself; see `retriesItself`). */
  | 'retry';

export interface Problem {
  title: string;
  /** One sentence, ending with a full stop. Never repeats the title. */
  sentence: string;
  action: ProblemAction;
  /** The engine retries this by itself; front ends show one countdown and offer `retry` as "Retry now". */
  retriesItself: boolean;
}

/** What a message may name besides the error itself. */
export interface ProblemContext {
  /** Shown as "instance 3EB0BCB2E3D4". */
  instanceId?: string;
}

const NETWORK: Record<NetworkCause, (host: string) => { title: string; sentence: string }> = {
  refused: (h) => ({ title: `Can't reach ${h}`, sentence: `${h} refused the connection.` }),
  unresolved: (h) => ({
    title: `Can't find ${h}`,
    sentence: `The name ${h} could not be found; check the server address and your network.`,
  }),
  timed_out: (h) => ({ title: `${h} is not answering`, sentence: `${h} did not answer in time.` }),
  reset: (h) => ({ title: `Lost the connection to ${h}`, sentence: `${h} closed the connection.` }),
  tls: (h) => ({
    title: `Can't make a secure connection to ${h}`,
    sentence: `The secure connection to ${h} failed; check the server address.`,
  }),
  cancelled: () => ({ title: 'Cancelled', sentence: 'The request was cancelled.' }),
  other: (h) => ({ title: `Can't reach ${h}`, sentence: `The connection to ${h} failed.` }),
};

/** Describes any client or engine error: title, one sentence, one next step. */
export function describeProblem(source: ProblemSource, ctx: ProblemContext = {}): Problem {
  const host = source.host ?? 'the server';
  const instance = ctx.instanceId ? `instance ${ctx.instanceId}` : 'this instance';
  const retrying = (title: string, sentence: string, action: ProblemAction = 'retry'): Problem => ({
    title,
    sentence,
    action,
    retriesItself: true,
  });
  const user = (title: string, sentence: string, action: ProblemAction): Problem => ({
    title,
    sentence,
    action,
    retriesItself: false,
  });
  switch (source.code) {
    case 'unauthorized':
      return user(
        'The access token was refused',
        `Wawp did not accept the access token saved for ${instance}.`,
        'edit_token',
      );
    case 'quota_exceeded':
      return user(
        "Your Wawp plan's limit was reached",
        'Wawp refused the request because the account is over its plan or quota.',
        'check_plan',
      );
    case 'not_found':
      return user(
        'Wawp does not know this instance',
        ctx.instanceId
          ? `No instance ${ctx.instanceId} exists for this access token.`
          : 'No instance with this id exists for this access token.',
        'check_instance',
      );
    case 'session_gone':
      return user(
        'The WhatsApp session is gone',
        `Wawp no longer has a WhatsApp session for ${instance}; a new code links it again.`,
        'new_code',
      );
    case 'bad_request':
      return user(
        'Wawp rejected the request',
        `Wawp could not use the settings of ${instance}.`,
        'check_instance',
      );
    case 'rate_limited':
      return retrying('Wawp asked to slow down', 'Wawp is limiting requests from this account.');
    case 'server_error':
      return retrying('Wawp had a problem', `${host} had an internal error.`);
    case 'upstream_error':
      return retrying("WhatsApp's side of Wawp is down", 'Wawp cannot reach its WhatsApp engine right now.');
    case 'status_mismatch':
      return retrying('The session changed', 'The session was not ready for a login; checking it again.');
    case 'not_wawp':
      return user(
        `${host} is not a Wawp API`,
        `${host} answered, but not like a Wawp API; check the server address.`,
        'edit_server',
      );
    case 'bad_response':
      return retrying('Wawp sent an unreadable reply', `${host} sent a reply this app cannot read.`);
    case 'network': {
      const text = NETWORK[source.cause ?? 'other'](host);
      return retrying(text.title, text.sentence, source.cause === 'unresolved' ? 'edit_server' : 'retry');
    }
    case 'timeout': {
      const text = NETWORK.timed_out(host);
      return retrying(text.title, text.sentence);
    }
    case 'no_token':
      return user(
        'No access token is saved',
        `No access token is stored for ${instance} on this computer.`,
        'edit_token',
      );
    case 'invalid_phone':
      return user(
        'That phone number is not valid',
        'Enter the number with its country code, like +20 101 234 5678.',
        'fix_phone',
      );
    case 'busy':
      return retrying('A code is on its way', 'A pairing code is already being requested.');
    default:
      return retrying('Something went wrong', 'The login hit an unexpected problem.');
  }
}
