import { describe, expect, it } from 'vitest';
import { redactLogValue, registerSecret } from '../../main/app/platform/log-redact';

describe('log redaction', () => {
  it('removes access tokens from URLs, JSON and errors, and any registered token anywhere', () => {
    registerSecret('s3cret-token-value');
    const lines = [
      redactLogValue('GET http://127.0.0.1:1/v2/session/info?instance_id=A&access_token=abcdef123'),
      redactLogValue({ body: { access_token: 'abcdef123' } }),
      redactLogValue(new Error('failed for s3cret-token-value')),
      redactLogValue(['nested s3cret-token-value']),
    ].map(String);
    for (const line of lines) {
      expect(line).not.toContain('abcdef123');
      expect(line).not.toContain('s3cret-token-value');
    }
    expect(redactLogValue(42)).toBe(42);
  });
});
