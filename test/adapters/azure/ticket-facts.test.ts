// The watcher's own reading of a ticket's envelope and of communications: hostile wire input gets a
// coded refusal naming the field, and nothing else is affected.
import { describe, expect, test } from 'vitest';
import { firstMicrosoftResponse, instant, ticketFacts } from '../../../adapters/azure/ticket-facts.js';
import { ticketResource } from '../../support/arm-tickets.js';

const SUB = '6c2d2a5e-2c5b-4c1e-9f0e-3a1d4b5c6d7e';
const good = () => ticketResource(SUB, { name: '2603020010000001', createdDate: '2026-03-02T09:00:00Z' });

describe('ticketFacts', () => {
  test('reads identity, times and status; the resource id is built from the watched subscription', () => {
    const ticket = good();
    ticket.properties.modifiedDate = '2026-03-02T09:30:00.1234567Z';
    ticket.properties.status = 'closed';
    expect(ticketFacts(SUB, ticket)).toEqual({
      ok: true,
      facts: {
        ref: {
          subscriptionId: SUB,
          name: '2603020010000001',
          resourceId: `/subscriptions/${SUB}/providers/microsoft.support/supporttickets/2603020010000001`,
          number: '2603020010000001',
        },
        title: 'Ticket 2603020010000001',
        closed: true,
        createdAt: Date.parse('2026-03-02T09:00:00Z'),
        modifiedAt: Date.parse('2026-03-02T09:30:00.123Z'),
      },
    });
  });

  test.each([
    ['no object at all', null, 'name'],
    ['an array', [], 'name'],
    ['a name with a path in it', { ...good(), name: '../../other' }, 'name'],
    ['a numeric name', { ...good(), name: 42 }, 'name'],
    ['a huge name', { ...good(), name: 'x'.repeat(10_000) }, 'name'],
    [
      'a date without a zone',
      { ...good(), properties: { ...good().properties, createdDate: '2026-03-02T09:00:00' } },
      'properties.createdDate',
    ],
    [
      'a far date',
      { ...good(), properties: { ...good().properties, createdDate: '9999-12-31T00:00:00Z' } },
      'properties.createdDate',
    ],
    [
      'epoch milliseconds',
      { ...good(), properties: { ...good().properties, createdDate: 1772442000000 } },
      'properties.createdDate',
    ],
    [
      'a bad modifiedDate',
      { ...good(), properties: { ...good().properties, modifiedDate: 'yesterday' } },
      'properties.modifiedDate',
    ],
    [
      'a status that is not text',
      { ...good(), properties: { ...good().properties, status: { open: true } } },
      'properties.status',
    ],
  ])('refuses %s, naming the field', (_, resource, field) => {
    expect(ticketFacts(SUB, resource)).toEqual({ ok: false, code: 'invalid_ticket', field });
  });

  test('reads only own properties: inherited or prototype keys are not the ticket', () => {
    const inherited = Object.create({ name: '2603020010000001', properties: good().properties });
    expect(ticketFacts(SUB, inherited)).toMatchObject({ ok: false, field: 'name' });
    const prototypeKeys = JSON.parse(
      '{"name":"t1","__proto__":{"properties":{"createdDate":"2026-03-02T09:00:00Z","status":"Open"}},"constructor":{}}',
    );
    expect(ticketFacts(SUB, prototypeKeys)).toMatchObject({ ok: false, field: 'properties.createdDate' });
    expect(({} as Record<string, unknown>).properties).toBeUndefined();
  });

  test('a support ticket number that is not a plain number falls back to the resource name', () => {
    const ticket = good();
    ticket.properties.supportTicketId = { toString: 'x' };
    expect(ticketFacts(SUB, ticket)).toMatchObject({
      ok: true,
      facts: { ref: { number: '2603020010000001' } },
    });
  });
});

describe('firstMicrosoftResponse', () => {
  const message = (direction: unknown, createdDate: unknown, name: unknown = 'm') => ({
    name,
    properties: { communicationDirection: direction, createdDate, sender: 'x' },
  });

  test('the earliest outbound communication, whatever the order or the case of the word', () => {
    expect(
      firstMicrosoftResponse([
        message('Inbound', '2026-03-02T09:01:00Z', 'customer'),
        message('Outbound', '2026-03-02T10:00:00Z', 'later'),
        message('outbound', '2026-03-02T09:45:00Z', 'first'),
      ]),
    ).toEqual({ name: 'first', at: Date.parse('2026-03-02T09:45:00Z') });
  });

  test('none while only the customer and the automatic acknowledgement wrote; malformed entries are skipped', () => {
    expect(
      firstMicrosoftResponse([
        message('Inbound', '2026-03-02T09:01:00Z'),
        message('Outbound', 'not a date'),
        message(['Outbound'], '2026-03-02T09:02:00Z'),
        message('Outbound', '2026-03-02T09:03:00Z', 7),
        null,
        'Outbound',
      ]),
    ).toBeNull();
  });
});

test('instant accepts ARM forms and refuses the rest', () => {
  expect(instant('2026-03-02T09:00:00Z')).toBe(Date.parse('2026-03-02T09:00:00Z'));
  expect(instant('2023-08-11T19:19:33.0000000Z')).toBe(Date.parse('2023-08-11T19:19:33Z'));
  expect(instant('2026-03-02T10:00:00+01:00')).toBe(Date.parse('2026-03-02T09:00:00Z'));
  for (const bad of [
    '',
    '2026-03-02',
    'Mon, 02 Mar 2026 09:00:00 GMT',
    '1999-12-31T23:59:59Z',
    `${'9'.repeat(50)}Z`,
  ])
    expect(instant(bad)).toBeNull();
});
