import { describe, expect, it } from 'vitest';
import { failureDelaySeconds } from './throttle';

describe('F15 progressive sign-in delay', () => {
  it('F15 the first 5 failures cost nothing, then the delay doubles', () => {
    expect([1, 2, 3, 4].map(failureDelaySeconds)).toEqual([0, 0, 0, 0]);
    expect([5, 6, 7, 8].map(failureDelaySeconds)).toEqual([1, 2, 4, 8]);
  });

  it('F15 an attacker who tries the moment the account opens gets at most ~100 failures an hour', () => {
    let failures = 0;
    for (let t = 0; t < 3600; t += failureDelaySeconds(failures)) {
      failures += 1;
      if (failures > 1000) break; // a schedule that never delays would loop forever
    }
    expect(failures).toBeLessThanOrEqual(100);
  });

  it('F15 the delay is capped, so the owner waits seconds, not an hour', () => {
    const longest = Math.max(...Array.from({ length: 1000 }, (_, i) => failureDelaySeconds(i + 1)));
    expect(longest).toBeGreaterThan(0);
    expect(longest).toBeLessThanOrEqual(60);
  });
});
