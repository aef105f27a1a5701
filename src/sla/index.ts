// The SLA core's public face: evaluate a case, read its clock, read an Azure ticket and compare its
// clock with ours, and the vocabulary around them.

export { compareWithMicrosoft } from './agreement.js';
export type { Schedule } from './calendar/schedule.js';
export { SlaFailure } from './errors.js';
export { evaluate, scheduleOf } from './evaluate.js';
export { readInstant } from './input/instant.js';
export { severityChangedAt, type TicketTimes } from './input/ticket/change.js';
export { readTicket } from './input/ticket/read.js';
export type {
  Agreement,
  AgreementReason,
  MicrosoftClock,
  TicketFacts,
  TicketReading,
} from './input/ticket/types.js';
export { azurePolicy } from './policy/azure.js';
export { buildPolicy, type PolicyBuild, type PolicyProblem } from './policy/build.js';
export type { Policy } from './policy/types.js';
export { ianaZone } from './time/zone.js';
export type * from './types.js';
