// Validates Adaptive Cards with Microsoft's own `adaptivecards` library: no parse events, no
// validation events. Its ESM build imports without file extensions, which Node refuses, so the
// self-contained UMD build is loaded; it needs no DOM to parse and validate.
import { createRequire } from 'node:module';

type AdaptiveCardsModule = typeof import('adaptivecards');

const load = createRequire(import.meta.url);
const AC = load('adaptivecards/dist/adaptivecards.js') as AdaptiveCardsModule;

/** Every parse and validation message for the card; empty means the card is valid. */
export function cardProblems(json: unknown): string[] {
  const card = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  card.parse(json as object, context);
  const problems: string[] = [];
  for (let i = 0; i < context.eventCount; i += 1) problems.push(`parse: ${context.getEventAt(i).message}`);
  for (const event of card.validateProperties().validationEvents) problems.push(`validate: ${event.message}`);
  if ((json as { version?: unknown }).version !== '1.5') problems.push('version: not 1.5');
  return problems;
}

/** The Adaptive Cards inside an activity's or task module's attachments. */
export function cardsIn(value: unknown): unknown[] {
  const found: unknown[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    const record = node as Record<string, unknown>;
    if (record.contentType === 'application/vnd.microsoft.card.adaptive') {
      found.push(record.content);
      return;
    }
    for (const child of Object.values(record)) visit(child);
  };
  visit(value);
  return found;
}

/** All the text a card shows (TextBlocks, facts, labels, action titles), for assertions. */
export function cardText(card: unknown): string {
  const parts: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    for (const [key, value] of Object.entries(node)) {
      if (typeof value === 'string' && ['text', 'title', 'value', 'label'].includes(key)) parts.push(value);
      else visit(value);
    }
  };
  visit(card);
  return parts.join('\n');
}
