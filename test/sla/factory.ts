// Test helpers for the SLA core: input defaults, ISO <-> epoch ms in a zone, and evaluate() wrappers
// that fail loudly with the whole answer when the outcome is not the expected kind.
import { DateTime } from 'luxon';
import { azurePolicy, evaluate } from '../../src/sla/index.js';
import type { Assessment, SlaErrorInfo, SlaInput } from '../../src/sla/types.js';

/** Defaults: Standard, C, Germany (Europe/Berlin), English, Monday 2026-03-30 10:00 Berlin (+02:00, after the spring change). */
export const DEFAULTS: SlaInput = {
  plan: 'standard',
  severity: 'C',
  country: 'DE',
  openedAt: '2026-03-30T10:00:00+02:00',
};

export function input(overrides: Partial<SlaInput> = {}): SlaInput {
  return { ...DEFAULTS, ...overrides };
}

/** Epoch ms -> ISO 8601 in `zone`, seconds kept, milliseconds only when non-zero: `2026-03-30T10:00:00+02:00`. */
export function iso(ms: number, zone: string): string {
  const dt = DateTime.fromMillis(ms, { zone });
  if (!dt.isValid) throw new Error(`iso(): bad zone ${zone}`);
  return dt.toISO({ suppressMilliseconds: true }) as string;
}

/** ISO 8601 with an offset -> epoch ms. */
export function ms(text: string): number {
  const dt = DateTime.fromISO(text, { setZone: true });
  if (!dt.isValid) throw new Error(`ms(): bad ISO ${text}`);
  return dt.toMillis();
}

function openedMs(i: SlaInput): number {
  return typeof i.openedAt === 'number' ? i.openedAt : ms(i.openedAt);
}

/** Evaluate and expect success; `at` defaults to openedAt (ISO string or epoch ms). */
export function assess(overrides: Partial<SlaInput> = {}, at?: string | number): Assessment {
  const i = input(overrides);
  const when = at === undefined ? openedMs(i) : typeof at === 'number' ? at : ms(at);
  const r = evaluate(i, when, azurePolicy);
  if (!r.ok) throw new Error(`expected ok, got error ${JSON.stringify(r.error)} for ${JSON.stringify(i)}`);
  return r.assessment;
}

/** Evaluate and expect an error. */
export function reject(overrides: Partial<SlaInput> = {}, at?: number): SlaErrorInfo {
  const i = input(overrides);
  let when = at;
  if (when === undefined) {
    try {
      when = openedMs(i);
    } catch {
      when = ms('2026-03-30T12:00:00+02:00');
    }
  }
  const r = evaluate(i, when, azurePolicy);
  if (r.ok)
    throw new Error(`expected an error, got ${JSON.stringify(r.assessment)} for ${JSON.stringify(i)}`);
  return r.error;
}

/** Every string found in an error's params (scalars and array members), for "the params name X" checks. */
export function paramStrings(e: SlaErrorInfo): string[] {
  const out: string[] = [];
  for (const v of Object.values(e.params)) {
    if (Array.isArray(v)) out.push(...v.map(String));
    else out.push(String(v));
  }
  return out;
}
