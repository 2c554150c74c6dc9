import { mkdtempSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config';
import { clientIp } from './client-ip';
import { isAllowedOrigin, isCrossSiteWrite, isLoopbackUrl, loopbackAliases } from './origin';

const allowed = ['https://fireside.example.org'];
const req = (method: string, headers: Record<string, string> = {}, remoteAddress = '10.0.0.1') =>
  ({ method, headers, socket: { remoteAddress } }) as unknown as IncomingMessage;
const config = (env: Record<string, string>) =>
  parseConfig({ DATA_DIR: mkdtempSync(path.join(tmpdir(), 'fireside-origin-')), AUTH_SECRET: 'x'.repeat(32), ...env });

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
});

describe('loopback aliases (issue 7 item 3)', () => {
  it('a loopback APP_URL allows localhost, 127.0.0.1 and [::1] on the same scheme and port', () => {
    for (const appUrl of ['http://localhost:3000', 'http://127.0.0.1:3000', 'http://[::1]:3000']) {
      const { allowedOrigins } = config({ APP_URL: appUrl });
      expect(new Set(allowedOrigins)).toEqual(new Set(['http://localhost:3000', 'http://127.0.0.1:3000', 'http://[::1]:3000']));
    }
    expect(config({}).allowedOrigins).toContain('http://[::1]:3000');
    expect(config({ APP_URL: 'https://localhost:8443' }).allowedOrigins).toEqual(['https://localhost:8443', 'https://127.0.0.1:8443', 'https://[::1]:8443']);
    expect(config({ APP_URL: 'http://localhost' }).allowedOrigins).toEqual(['http://localhost', 'http://127.0.0.1', 'http://[::1]']);
  });

  it('aliases never widen to another port, scheme or host', () => {
    const { allowedOrigins } = config({ APP_URL: 'http://localhost:3201' });
    for (const o of ['http://127.0.0.1:3000', 'https://127.0.0.1:3201', 'http://127.0.0.2:3201', 'http://localhost.evil.example:3201', 'http://0.0.0.0:3201']) {
      expect(isAllowedOrigin(o, allowedOrigins)).toBe(false);
    }
  });

  it('a non-loopback APP_URL gets no aliases', () => {
    expect(config({ APP_URL: 'https://fireside.example.org' }).allowedOrigins).toEqual(['https://fireside.example.org']);
    expect(config({ APP_URL: 'http://192.168.1.5:3000' }).allowedOrigins).toEqual(['http://192.168.1.5:3000']);
    expect(loopbackAliases('https://localhost.example.org')).toEqual([]);
    expect(isLoopbackUrl('http://127.0.0.1.nip.io:3000')).toBe(false);
  });
});

describe('client IP behind TRUST_PROXY=N proxies', () => {
  // The client wrote the first two entries (spoofed); proxy 1 (outermost) saw 203.0.113.9, proxy 2 saw proxy 1.
  const chain = { 'x-forwarded-for': '6.6.6.6, 7.7.7.7, 203.0.113.9, 10.0.0.9' };

  it('ignores X-Forwarded-For when TRUST_PROXY is 0', () => {
    expect(clientIp(req('GET', chain, '::ffff:10.0.0.1'), 0)).toBe('10.0.0.1');
  });

  it('takes the Nth entry from the right, never a spoofed left entry', () => {
    expect(clientIp(req('GET', chain), 1)).toBe('10.0.0.9');
    expect(clientIp(req('GET', chain), 2)).toBe('203.0.113.9');
    // One proxy: whatever the client prepends, the entry our proxy appended wins.
    for (const spoof of ['1.1.1.1', '1.1.1.1, 2.2.2.2', 'unknown', '127.0.0.1, ::1']) {
      expect(clientIp(req('GET', { 'x-forwarded-for': `${spoof}, 198.51.100.4` }), 1)).toBe('198.51.100.4');
    }
  });

  it('joins repeated headers and trims entries', () => {
    expect(clientIp(req('GET', { 'x-forwarded-for': ['6.6.6.6', ' 198.51.100.4 '] } as unknown as Record<string, string>), 1)).toBe('198.51.100.4');
    expect(clientIp(req('GET', { 'x-forwarded-for': '::ffff:198.51.100.4' }), 1)).toBe('198.51.100.4');
  });

  it('with fewer entries than proxies, uses the leftmost entry; with none, the socket address', () => {
    expect(clientIp(req('GET', { 'x-forwarded-for': '198.51.100.4' }), 2)).toBe('198.51.100.4');
    expect(clientIp(req('GET', {}, '10.0.0.1'), 1)).toBe('10.0.0.1');
    expect(clientIp(req('GET', { 'x-forwarded-for': ' , ' }, '10.0.0.1'), 1)).toBe('10.0.0.1');
  });

  it('TRUST_PROXY takes a count; true/false still mean 1/0', () => {
    expect(config({}).trustProxy).toBe(0);
    expect(config({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(config({ TRUST_PROXY: 'true' }).trustProxy).toBe(1);
    expect(config({ TRUST_PROXY: 'false' }).trustProxy).toBe(0);
    expect(config({ TRUST_PROXY: '0' }).trustProxy).toBe(0);
    for (const bad of ['-1', '1.5', 'maybe', '999']) expect(() => config({ TRUST_PROXY: bad })).toThrow(/TRUST_PROXY/);
  });
});
