// The one http-URL rule: absolute http(s), a host, no credentials.
import { describe, expect, it } from 'vitest';
import { isHttpUrl } from './url';

describe('isHttpUrl', () => {
  it('accepts absolute http and https links', () => {
    for (const ok of ['https://example.org', 'http://example.org/a?b=c#d', 'https://doi.org/10.1038/x', 'HTTPS://EXAMPLE.ORG/']) {
      expect(isHttpUrl(ok), ok).toBe(true);
    }
  });

  it('refuses other schemes, relative links, missing hosts and links with credentials', () => {
    for (const bad of [
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'mailto:a@b.org',
      'ftp://example.org',
      '/discussions/1',
      '//example.org',
      'example.org',
      'https://',
      'https://trusted.example@evil.example/',
      'https://user:pass@example.org/',
      '',
    ]) {
      expect(isHttpUrl(bad), bad).toBe(false);
    }
  });
});
