/** Per-endpoint fault injection (wawp-api.md §6.2 `faults`) and the error bodies the sim renders. */

export type FaultBody = 'json' | 'html' | 'xml' | 'text';

/** One injected fault; applied at step 6 of the validation order (after auth checks). */
export interface Fault {
  /** `/v2` endpoint without prefix, e.g. `auth/qr`, or `*` for every endpoint. */
  endpoint: string;
  status?: number;
  body?: FaultBody;
  /** Sent verbatim as the `Retry-After` header (seconds or an HTTP-date). */
  retryAfter?: string;
  /** Real (unscaled) delay before answering. */
  latencyMs?: number;
  /** Never answer (the socket stays open until the client gives up or the sim closes). */
  hang?: boolean;
  /** Replace the success body with this text (status 200 unless `status` is set). */
  rawBody?: string;
  contentType?: string;
  /** How many requests it applies to (default 1; Infinity = always). */
  times?: number;
}

/** Machine code per HTTP status (wawp-api.md §1.3 table). */
export const STATUS_CODES: Record<number, [code: string, message: string]> = {
  400: ['missing_parameters', 'Missing Required Parameter(s)'],
  401: ['invalid_access_token', 'Invalid access_token'],
  403: ['subscription_required', 'This feature requires an active subscription'],
  404: ['invalid_instance', 'Instance not found for this access_token'],
  409: ['conflict', 'Conflict'],
  422: [
    'session_status_mismatch',
    'Session status is not as expected. Try again later or restart the session',
  ],
  429: ['rate_limited', 'Too many requests, slow down'],
  500: ['internal_error', 'Internal server error'],
  502: ['wawp_upstream_error', 'The WhatsApp engine is unreachable'],
  503: ['service_unavailable', 'Service temporarily unavailable'],
  504: ['gateway_timeout', 'The WhatsApp engine did not answer in time'],
};

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** Renders an error body in the requested format; returns content type and text. */
export function renderErrorBody(status: number, format: FaultBody): { contentType: string; text: string } {
  const [code, message] = STATUS_CODES[status] ?? ['error', `HTTP ${status}`];
  const reason = REASONS[status] ?? 'Error';
  switch (format) {
    case 'html':
      return {
        contentType: 'text/html; charset=utf-8',
        text: `<!DOCTYPE html>\n<html><head><title>${status} ${reason}</title><style>body{font:14px sans-serif}</style></head>\n<body><center><h1>${status} ${reason}</h1></center><hr><center>nginx</center>\n<script>console.log("x")</script></body></html>\n`,
      };
    case 'xml':
      return {
        contentType: 'application/xml; charset=utf-8',
        text: `<?xml version="1.0" encoding="UTF-8"?>\n<error><code>${code}</code><message>${message}</message></error>\n`,
      };
    case 'text':
      return { contentType: 'text/plain; charset=utf-8', text: `${reason}: ${message}` };
    default:
      return { contentType: 'application/json; charset=utf-8', text: JSON.stringify({ code, message }) };
  }
}

/** The queue of active faults with their remaining counts. */
export class FaultTable {
  private faults: Fault[] = [];

  add(fault: Fault): void {
    this.faults.push({ ...fault, times: fault.times ?? 1 });
  }

  clear(): void {
    this.faults = [];
  }

  /** Takes (and counts down) the first fault matching `endpoint`, if any. */
  take(endpoint: string): Fault | null {
    const fault = this.faults.find(
      (f) => (f.endpoint === endpoint || f.endpoint === '*') && (f.times ?? 1) > 0,
    );
    if (!fault) return null;
    fault.times = (fault.times ?? 1) - 1;
    if (fault.times <= 0) this.faults = this.faults.filter((f) => f !== fault);
    return fault;
  }
}
