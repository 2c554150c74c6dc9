import { describe, expect, it } from 'vitest';
import { safeCallbackPath, safeCallbackUrl } from './safe-callback';

const origin = 'http://localhost:3000';

describe('safe callback URLs (issue 7 item 3)', () => {
  it('keeps paths on this site, with their query and hash', () => {
    expect(safeCallbackPath('/profile', origin)).toBe('/profile');
    expect(safeCallbackPath('/discussions/abc?tab=q#top', origin)).toBe('/discussions/abc?tab=q#top');
    expect(safeCallbackPath('http://localhost:3000/library', origin)).toBe('/library');
    expect(safeCallbackUrl('/profile', origin)).toBe('http://localhost:3000/profile');
  });

  it.each([
    '/\\evil.example',
    '/\\\\evil.example',
    '/\t/evil.example',
    '//evil.example',
    '///evil.example',
    '\\\\evil.example',
    'https://evil.example',
    'http://localhost:3000.evil.example/',
    'http://localhost:3001/profile',
    'https://localhost:3000/profile',
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    ' //evil.example',
    '',
    undefined,
    null,
    42,
  ])('%o goes to /', (cb) => {
    expect(safeCallbackPath(cb, origin)).toBe('/');
    expect(safeCallbackUrl(cb, origin)).toBe('http://localhost:3000/');
  });

  it('a same-origin URL whose path starts with // cannot become a host', () => {
    expect(safeCallbackPath('http://localhost:3000//evil.example/x', origin)).toBe('/evil.example/x');
    // Percent-encoded backslashes stay encoded in the path: they never become a separator.
    expect(safeCallbackPath('/%5Cevil.example', origin)).toBe('/%5Cevil.example');
    expect(new URL(safeCallbackPath('/%5C%5Cevil', origin), origin).origin).toBe(origin);
  });
});
