import { expect, test } from 'vitest';
import { Lru } from '../../src/sla/calendar/lru.js';

test('keeps what is used and forgets what is not, within twice its capacity', () => {
  const cache = new Lru<number, string>(2);
  cache.set(1, 'one');
  cache.set(2, 'two');
  cache.set(3, 'three'); // generation full: 1 and 2 move to the old generation
  expect(cache.get(1)).toBe('one'); // promoted back into the new generation
  cache.set(4, 'four'); // new generation (3, 1) full again: the old one (2) is dropped
  expect(cache.get(2)).toBeUndefined();
  expect(cache.get(1)).toBe('one');
  expect(cache.get(4)).toBe('four');
  for (let i = 10; i < 1000; i += 1) cache.set(i, String(i));
  expect(cache.size).toBeLessThanOrEqual(4);
});
