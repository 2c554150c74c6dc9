import { describe, expect, it } from 'vitest';
import { setBounded } from './bounded-map';

describe('setBounded', () => {
  it('keeps the most recently set entries, the oldest going first', () => {
    const m = new Map<string, number>();
    setBounded(m, 'a', 1, 2);
    setBounded(m, 'b', 2, 2);
    setBounded(m, 'a', 3, 2); // set again: now the newest
    setBounded(m, 'c', 4, 2);
    expect([...m]).toEqual([
      ['a', 3],
      ['c', 4],
    ]);
  });
});
