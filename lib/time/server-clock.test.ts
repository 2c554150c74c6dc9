// F23: "starts in" and lobby gating use the server's clock, whatever the device's clock says.
import { describe, expect, it } from 'vitest';
import { roomPhase } from '../live/phase';
import { clockOffset, relativeTo, serverNow } from './server-clock';

describe('F23 server clock in the browser', () => {
  const server = Date.parse('2026-11-19T18:50:00Z');
  const startsAt = new Date('2026-11-19T19:00:00Z');
  const d = { status: 'SCHEDULED' as const, startsAt };

  for (const skewMin of [-10, 10]) {
    it(`a device clock ${skewMin > 0 ? '+' : ''}${skewMin} min off still gates and counts down by the server's time`, () => {
      const device = server + skewMin * 60_000;
      // One round trip of 200 ms: sent 100 ms before the server read its clock, received 100 ms after.
      const offset = clockOffset(server, device - 100, device + 100);
      const now = serverNow(device + 100, offset);
      expect(Math.abs(now.getTime() - (server + 100))).toBeLessThan(2);
      expect(roomPhase(d, now)).toBe('lobby');
      expect(relativeTo(startsAt, now)).toBe('in 9 minutes');
      // What a naive client would have shown:
      const naive = new Date(device);
      expect(roomPhase(d, naive)).toBe(skewMin > 0 ? 'lobby' : 'scheduled');
      expect(relativeTo(startsAt, naive)).not.toBe('in 9 minutes');
    });
  }

  it('relative labels', () => {
    const now = new Date('2026-11-19T12:00:00Z');
    expect(relativeTo(new Date('2026-11-22T13:00:00Z'), now)).toBe('in 3 days');
    expect(relativeTo(new Date('2026-11-19T14:30:00Z'), now)).toBe('in 2 hours');
    expect(relativeTo(new Date('2026-11-19T12:00:30Z'), now)).toBe('now');
    expect(relativeTo(new Date('2026-11-19T10:00:00Z'), now)).toBe('2 hours ago');
    expect(relativeTo(new Date('2026-11-20T12:00:00Z'), now)).toBe('tomorrow');
  });
});
