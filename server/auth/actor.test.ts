import { describe, expect, it } from 'vitest';
import { sessionCookieName, sessionTokenFrom } from './actor';

describe('session cookie', () => {
  it('uses the __Secure- prefix under https only', () => {
    expect(sessionCookieName('http://localhost:3000')).toBe('next-auth.session-token');
    expect(sessionCookieName('https://fireside.example.org')).toBe('__Secure-next-auth.session-token');
  });

  const name = 'next-auth.session-token';
  it('reads a plain cookie', () => {
    expect(sessionTokenFrom({ [name]: 'abc' }, name)).toBe('abc');
  });

  it('reassembles chunked cookies in numeric order', () => {
    expect(sessionTokenFrom({ [`${name}.1`]: 'b', [`${name}.0`]: 'a', [`${name}.2`]: 'c' }, name)).toBe('abc');
    expect(sessionTokenFrom({ [`${name}.10`]: 'k', ...Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`${name}.${i}`, String(i)])) }, name)).toBe(
      '0123456789k',
    );
  });

  it('F07 a chunked cookie with a chunk missing yields no token', () => {
    expect(sessionTokenFrom({ [`${name}.0`]: 'a', [`${name}.2`]: 'c' }, name)).toBeNull();
    expect(sessionTokenFrom({ [`${name}.1`]: 'b' }, name)).toBeNull();
  });

  it('ignores look-alike cookie names', () => {
    expect(sessionTokenFrom({ [`${name}.x`]: 'a', [`evil.${name}`]: 'b' }, name)).toBeNull();
  });
});
