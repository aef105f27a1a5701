import { expect, test } from 'vitest';

// Proves each project really runs under the zone it names, so "same results" means something.
test('the process time zone is the one the project asked for', () => {
  const zone = process.env.TZ;
  const januaryOffset = new Date(Date.UTC(2026, 0, 15)).getTimezoneOffset();
  if (zone === 'Pacific/Auckland') expect(januaryOffset).toBe(-780);
  else expect(januaryOffset).toBe(0);
  expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(zone === 'UTC' ? 'UTC' : zone);
});
