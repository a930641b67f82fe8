/** Opens real engine sessions: the Wawp client plus a LoginSession, as the handlers' OpenSession port. */
import { createLoginSession } from '../../login/session';
import type { LoginTiming } from '../../login/schedule';
import { createWawpClient } from '../../wawp/client';
import type { OpenSession } from './handler-deps';
import { registerSecret } from '../platform/log-redact';

/** Real sessions against `baseUrl`; `timing` overrides the engine's tunables (the harness speeds it up). */
export function createEngineOpener(
  options: {
    timing?: Partial<LoginTiming>;
    log?: (message: string, detail?: Record<string, unknown>) => void;
  } = {},
): OpenSession {
  return ({ baseUrl, instanceId, token, expectedPhone }) => {
    registerSecret(token);
    const client = createWawpClient({ baseUrl, instanceId, accessToken: token });
    return createLoginSession({ client, expectedPhone, timing: options.timing, log: options.log });
  };
}
