import { describe, expect, it } from 'vitest';
import { messageFromBody } from './body-text';
import { codeForStatus, errorFromHttp } from './errors';
import { parseRetryAfter } from './retry-after';

const hdr = (contentType: string | null, retryAfter: string | null = null) => ({ contentType, retryAfter });

describe('error mapping', () => {
  it.each([
    [400, 'bad_request'],
    [401, 'unauthorized'],
    [403, 'unauthorized'],
    [404, 'not_found'],
    [405, 'bad_request'],
    [422, 'status_mismatch'],
    [429, 'rate_limited'],
    [500, 'server_error'],
    [502, 'upstream_error'],
    [503, 'upstream_error'],
    [504, 'upstream_error'],
    [501, 'server_error'],
  ])('HTTP %i -> %s', (status, code) => {
    expect(codeForStatus(status)).toBe(code);
  });

  it('reads message, error or code from JSON bodies', () => {
    expect(messageFromBody('{"code":"x","message":"Nope"}', 'application/json')).toBe('Nope');
    expect(messageFromBody('{"error":"Not Found","statusCode":404}', null)).toBe('Not Found');
    expect(messageFromBody('{"code":"invalid_instance"}', null)).toBe('invalid_instance');
    expect(messageFromBody('{"message":["a","b"]}', null)).toBe('a; b');
  });

  it('extracts a short text from HTML and never returns markup', () => {
    const html =
      '<!DOCTYPE html><html><head><title>502 Bad Gateway</title><script>evil()</script></head><body><h1>502</h1></body></html>';
    expect(messageFromBody(html, 'text/html')).toBe('502 Bad Gateway');
    const noTitle = '<html><body><style>x{}</style><p>Service &amp; engine <b>down</b></p></body></html>';
    expect(messageFromBody(noTitle, 'text/html')).toBe('Service & engine down');
  });

  it('reads XML and plain text bodies', () => {
    expect(
      messageFromBody(
        '<?xml version="1.0"?><error><code>c</code><message>Missing param</message></error>',
        'application/xml',
      ),
    ).toBe('Missing param');
    expect(messageFromBody('\n  Bad Request: Missing Required Parameter(s)\nmore', 'text/plain')).toBe(
      'Bad Request: Missing Required Parameter(s)',
    );
    expect(messageFromBody('x'.repeat(500), 'text/plain')?.length).toBeLessThanOrEqual(160);
  });

  it('keeps the current status from a 422 body and redacts tokens from details', () => {
    const e = errorFromHttp(
      422,
      '{"error":"Session status is not as expected","status":"WORKING","expected":["SCAN_QR_CODE"]}',
      hdr('application/json'),
      0,
    );
    expect(e).toMatchObject({ code: 'status_mismatch', httpStatus: 422, currentStatus: 'WORKING' });
    const leaked = errorFromHttp(
      401,
      'bad token tok-123 in /v2/x?access_token=tok-123',
      hdr('text/plain'),
      0,
      ['tok-123'],
    );
    expect(leaked.message).not.toContain('tok-123');
  });

  it('parses Retry-After as seconds or an HTTP-date against the reference clock', () => {
    expect(parseRetryAfter('7', 0)).toBe(7000);
    const ref = Date.parse('Wed, 25 Nov 2026 22:00:00 GMT');
    expect(parseRetryAfter('Wed, 25 Nov 2026 22:00:30 GMT', ref)).toBe(30_000);
    expect(parseRetryAfter('Wed, 25 Nov 2026 21:00:00 GMT', ref)).toBe(0);
    expect(parseRetryAfter('soon-ish', ref)).toBeUndefined();
    expect(parseRetryAfter(null, ref)).toBeUndefined();
    expect(errorFromHttp(429, '', hdr(null, '3'), 0)).toMatchObject({
      code: 'rate_limited',
      retryAfterMs: 3000,
    });
  });
});
