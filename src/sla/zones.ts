import { ianaZone } from './time/zone.js';

/** A checked IANA zone, as the time module gives it. */
export type Zone = NonNullable<ReturnType<typeof ianaZone>>;

/**
 * The zone of a name already checked (policy data validated when built, an assessment's own zone).
 * A name that is not a zone here means the value did not come through the core: fail loudly.
 */
export function knownZone(name: string): Zone {
  const zone = ianaZone(name);
  if (!zone) throw new RangeError(`"${name}" is not an IANA zone: build policies with buildPolicy`);
  return zone;
}
