import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { isAllowedOrigin, isCrossSiteWrite } from './origin';
import { clientIp } from './client-ip';

const allowed = ['https://fireside.example.org'];
const req = (method: string, headers: Record<string, string> = {}, remoteAddress = '10.0.0.1') =>
  ({ method, headers, socket: { remoteAddress } }) as unknown as IncomingMessage;

describe('origin checks', () => {
  it('F06 only an exact allowed origin passes', () => {
    expect(isAllowedOrigin('https://fireside.example.org', allowed)).toBe(true);
    for (const o of [undefined, '', 'null', 'https://evil.example', 'https://fireside.example.org.evil.example', 'http://fireside.example.org']) {
      expect(isAllowedOrigin(o, allowed)).toBe(false);
    }
  });

  it('F14 unsafe methods need an allowed Origin; safe methods do not', () => {
    expect(isCrossSiteWrite(req('GET'), allowed)).toBe(false);
    expect(isCrossSiteWrite(req('POST', { origin: 'https://fireside.example.org' }), allowed)).toBe(false);
    expect(isCrossSiteWrite(req('POST'), allowed)).toBe(true);
    expect(isCrossSiteWrite(req('POST', { origin: 'null' }), allowed)).toBe(true);
    expect(isCrossSiteWrite(req('DELETE', { origin: 'https://evil.example' }), allowed)).toBe(true);
  });

  it('client IP ignores X-Forwarded-For unless TRUST_PROXY is on', () => {
    const r = req('GET', { 'x-forwarded-for': '1.2.3.4, 10.0.0.9' }, '::ffff:10.0.0.1');
    expect(clientIp(r, false)).toBe('10.0.0.1');
    expect(clientIp(r, true)).toBe('1.2.3.4');
  });
});
