// The 100k realistic NDJSON mix for `npm run bench:cli` (issue 13): the core benchmark's cases
// (bench/cases.mjs: 30 countries, every plan and severity, opened over 2025–2026, fixed seed), each
// written as a line a tool would send, with ISO instants and one fixed `at` so the output is
// reproducible byte for byte.

import { makeCases } from './cases.mjs';

export const MIX_AT = '2027-01-04T10:00:00Z';

/** The mix as NDJSON text, one case per line. */
export function mixLines(count = 100_000) {
  return makeCases(count)
    .map(({ input }, id) =>
      JSON.stringify({ id, ...input, openedAt: new Date(input.openedAt).toISOString(), at: MIX_AT }),
    )
    .join('\n')
    .concat('\n');
}

if (import.meta.url === `file://${process.argv[1]}`)
  process.stdout.write(mixLines(Number(process.argv[2] ?? 100_000)));
