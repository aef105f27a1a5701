// The I/O floor of `sla-bot evaluate` (issue 13): a process that reads each NDJSON line, parses it and
// writes a typical answer with JSON.stringify, chunked like the command, and does nothing else. The
// command's time is measured against this one in the same run.

import { createInterface } from 'node:readline';

const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
let pending = [];
for await (const line of lines) {
  const input = JSON.parse(line);
  pending.push(JSON.stringify(typicalAnswer(input)));
  if (pending.length >= 256) {
    await write(`${pending.join('\n')}\n`);
    pending = [];
  }
}
if (pending.length) await write(`${pending.join('\n')}\n`);

/** An answer of the contract's shape and size, built from the line's own fields. */
function typicalAnswer(input) {
  return {
    id: input.id ?? null,
    ok: true,
    plan: input.plan,
    severity: input.severity,
    targetMinutes: 240,
    responseLanguage: 'en',
    coverage: 'business-hours',
    timeZone: input.timeZone,
    deadline: '2025-07-21T13:00:00+02:00',
    alternative: null,
    status: {
      at: '2027-01-04T11:00:00+01:00',
      elapsedMinutes: 177240,
      remainingMinutes: 0,
      fractionUsed: 738.5,
      running: true,
      resumesAt: null,
      breached: true,
    },
    warnings: [
      { code: 'contact_details', message: 'Make sure Microsoft has correct contact details.' },
      {
        code: 'business_hours_contact_only',
        message: 'Microsoft will contact you during business hours only.',
      },
    ],
  };
}

function write(text) {
  return new Promise((resolve, reject) =>
    process.stdout.write(text, (error) => (error ? reject(error) : resolve())),
  );
}
