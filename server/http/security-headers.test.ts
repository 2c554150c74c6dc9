import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from './security-headers';

const directives = (csp: string) =>
  new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...values]) => [name, values]),
  );

describe('contentSecurityPolicy', () => {
  const loopback = {
    appUrl: 'http://localhost:3000',
    allowedOrigins: ['http://localhost:3000', 'http://127.0.0.1:3000', 'http://[::1]:3000'],
    nodeEnv: 'production' as const,
  };

  it('allows scripts only with the nonce, no plugins, no framing, no foreign base', () => {
    const d = directives(contentSecurityPolicy(loopback, 'abc123=='));
    expect(d.get('script-src')).toEqual(["'self'", "'nonce-abc123=='", "'strict-dynamic'"]);
    expect(d.get('object-src')).toEqual(["'none'"]);
    expect(d.get('frame-ancestors')).toEqual(["'none'"]);
    expect(d.get('base-uri')).toEqual(["'self'"]);
    expect(d.has('upgrade-insecure-requests')).toBe(false);
  });

  it('lets the WebSocket reach every allowed origin except IPv6 literals, which CSP cannot express', () => {
    const d = directives(contentSecurityPolicy(loopback, 'n'));
    expect(d.get('connect-src')).toEqual(["'self'", 'ws://localhost:3000', 'ws://127.0.0.1:3000']);
  });

  it('uses wss and upgrades insecure requests behind https', () => {
    const d = directives(
      contentSecurityPolicy({ appUrl: 'https://fireside.example.org', allowedOrigins: ['https://fireside.example.org'], nodeEnv: 'production' }, 'n'),
    );
    expect(d.get('connect-src')).toEqual(["'self'", 'wss://fireside.example.org']);
    expect(d.has('upgrade-insecure-requests')).toBe(true);
  });

  it("adds 'unsafe-eval' only for next dev", () => {
    expect(directives(contentSecurityPolicy({ ...loopback, nodeEnv: 'development' }, 'n')).get('script-src')).toContain("'unsafe-eval'");
    expect(directives(contentSecurityPolicy(loopback, 'n')).get('script-src')).not.toContain("'unsafe-eval'");
  });
});
