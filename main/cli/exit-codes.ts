/** The CLI's exit codes: a stable contract that scripts depend on (issue 5). */
import type { LoginErrorCode } from '../../common/model';

export const EXIT = {
  linked: 0,
  other: 1,
  usage: 2,
  unauthorized: 3,
  notFound: 4,
  gaveUp: 5,
  /** Linked to another number than the one asked for; nothing was changed. */
  otherNumber: 6,
  interrupted: 130,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** Maps an error code (client or engine) to the exit code a script sees. */
export function exitCodeFor(code: LoginErrorCode): ExitCode {
  switch (code) {
    case 'unauthorized':
      return EXIT.unauthorized;
    case 'not_found':
      return EXIT.notFound;
    case 'invalid_phone':
      return EXIT.usage;
    default:
      return EXIT.other;
  }
}

/** A failure the CLI reports on stderr in plain words and turns into an exit code. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode = EXIT.other,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** A usage mistake (bad flag, missing argument, no token): exit code 2. */
export class UsageError extends CliError {
  constructor(message: string) {
    super(message, EXIT.usage);
    this.name = 'UsageError';
  }
}
