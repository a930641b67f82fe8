import { describe, expect, it } from 'vitest';
import { isLoopbackHost, parseBaseUrl } from './base-url';

describe('parseBaseUrl', () => {
  it('accepts https anywhere and normalises the trailing slash', () => {
    expect(parseBaseUrl(' https://api.wawp.net/ ')).toEqual({ ok: true, url: 'https://api.wawp.net' });
  });
  it.each(['http://127.0.0.1:8080', 'http://localhost:3000', 'http://[::1]:9', 'http://127.5.6.7'])(
    'accepts plain http on loopback: %s',
    (raw) => expect(parseBaseUrl(raw).ok).toBe(true),
  );
  it.each([
    ['http://wawp.example.com', 'plain_http'],
    ['http://127.0.0.1.example.com', 'plain_http'],
    ['ftp://api.wawp.net', 'scheme'],
    ['api.wawp.net', 'not_url'],
    ['https://user:pw@api.wawp.net', 'extras'],
    ['https://api.wawp.net/?access_token=x', 'extras'],
  ])('refuses %s (%s)', (raw, problem) => {
    const result = parseBaseUrl(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem).toBe(problem);
  });
  it('knows loopback hosts', () => {
    expect(isLoopbackHost('127.0.0.1')).toBe(true);
    expect(isLoopbackHost('10.0.0.1')).toBe(false);
  });
});
