import { SlaFailure } from '../errors.js';
import type { SlaErrorCode } from '../types.js';
import { jsonType, TEXT_LIMIT } from './limits.js';

/** An input object as it arrives: only its own properties are ever read. */
export type RawInput = Readonly<Record<string, unknown>>;

/** The input must be a JSON object (not a list, text or null). */
export function inputObject(value: unknown): RawInput {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new SlaFailure('invalid_field', { field: 'input', expected: 'object', got: jsonType(value) });
  }
  return value as RawInput;
}

/** A field of the input; inherited properties (`constructor`, `__proto__`) are never read. */
export function field(input: RawInput, name: string): unknown {
  return Object.hasOwn(input, name) ? input[name] : undefined;
}

/** Absent, null and empty text all mean "not given". */
export function isAbsent(value: unknown): value is undefined | null | '' {
  return value === undefined || value === null || value === '';
}

/**
 * A text field, trimmed: undefined when not given; otherwise it must be text of a bounded length.
 * The error carries the field's own code, so callers can put it beside the right form field.
 */
export function textField(value: unknown, name: string, code: SlaErrorCode): string | undefined {
  if (isAbsent(value)) return undefined;
  if (typeof value !== 'string') {
    throw new SlaFailure(code, { field: name, expected: 'text', got: jsonType(value) });
  }
  if (value.length > TEXT_LIMIT) {
    throw new SlaFailure(code, { field: name, length: value.length, max: TEXT_LIMIT });
  }
  const text = value.trim();
  return text === '' ? undefined : text;
}

/** A true/false field; absent or null takes the fallback. */
export function flagField(value: unknown, name: string, fallback: boolean): boolean {
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'boolean') {
    throw new SlaFailure('invalid_field', { field: name, expected: 'true or false', got: jsonType(value) });
  }
  return value;
}
