// What chat asks of the Azure watcher: `/sla watch <subscription>` connects a subscription to the
// channel it was typed in; `/sla track <number>` follows one existing ticket as a case there, opened
// exactly as the watcher opens new ones. Answers are data; each chat platform words them.
import type { Platform } from '../../src/platform.js';
import type { SlaErrorInfo } from '../../src/sla/index.js';
import type { TicketSource } from './arm-client.js';
import { type CaseTarget, type Opening, openTicketCase } from './open-case.js';
import type { Watch } from './ports.js';
import { classify, type WatchProblem } from './problems.js';
import { isoInstant, type TicketFacts, ticketFacts } from './ticket-facts.js';

/** Where a chat request came from: the case's tenant, channel and card place, the person's language. */
export interface ChatPlace extends CaseTarget {}

export type WatchAnswer =
  | { readonly kind: 'notAllowed'; readonly tenant: string }
  | { readonly kind: 'usage' }
  /** Connected; `problem` when the subscription cannot be read yet (what to set or grant). */
  | { readonly kind: 'watching'; readonly subscription: string; readonly problem: WatchProblem | null };

export type TrackAnswer =
  | { readonly kind: 'notAllowed'; readonly tenant: string }
  | { readonly kind: 'usage' }
  | { readonly kind: 'noWatch' }
  | { readonly kind: 'notFound'; readonly number: string; readonly subscriptions: readonly string[] }
  | { readonly kind: 'closed'; readonly number: string }
  | { readonly kind: 'opened'; readonly number: string; readonly caseId: string }
  | { readonly kind: 'already'; readonly number: string }
  | { readonly kind: 'pending'; readonly number: string }
  /** The ticket cannot be a case: the core's reason when it is the mapping's, else the case code. */
  | {
      readonly kind: 'refused';
      readonly number: string;
      readonly error: SlaErrorInfo | null;
      readonly code: string;
    }
  | { readonly kind: 'unreadable'; readonly problem: WatchProblem };

export interface AzureDesk {
  watch(place: ChatPlace, subscription: string): Promise<WatchAnswer>;
  track(place: ChatPlace, number: string): Promise<TrackAnswer>;
}

export interface DeskDeps extends Opening {
  readonly source: TicketSource;
  /** Tenants allowed to use these commands (null: any). */
  readonly chatTenants: ReadonlySet<string> | null;
  /** Called after every read of Azure: the credential works (null) or why not. */
  readonly onProbe?: (problem: WatchProblem | null) => void;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NUMBER = /^[\w.-]{1,100}$/;
/**
 * A watch starts this long before it is set: Azure's clock and ours differ, and `createdDate` comes in
 * whole seconds, so a ticket opened in the same minute is not missed.
 */
export const WATCH_GRACE_MS = 60_000;
/** Pages of a subscription's open tickets searched for a number that is not a resource name. */
const MAX_SEARCH_PAGES = 20;

/** The chat side of a running Azure platform, if `platform` is one. */
export function azureDeskOf(platform: Platform | undefined): AzureDesk | null {
  const desk = (platform as { desk?: AzureDesk } | undefined)?.desk;
  return desk && typeof desk.watch === 'function' && typeof desk.track === 'function' ? desk : null;
}

export function createDesk(deps: DeskDeps): AzureDesk {
  const allowed = (tenant: string) => deps.chatTenants === null || deps.chatTenants.has(tenant);
  return {
    async watch(place, subscription) {
      if (!allowed(place.tenantId)) return { kind: 'notAllowed', tenant: place.tenantId };
      const id = subscription.trim().toLowerCase();
      if (!GUID.test(id)) return { kind: 'usage' };
      const now = deps.now();
      await deps.store.addWatch({ ...targetOf(place), subscriptionId: id, since: now - WATCH_GRACE_MS });
      return { kind: 'watching', subscription: id, problem: await probe(deps, id, now) };
    },

    async track(place, number) {
      if (!allowed(place.tenantId)) return { kind: 'notAllowed', tenant: place.tenantId };
      const wanted = number.trim();
      if (!NUMBER.test(wanted)) return { kind: 'usage' };
      const watches = (await deps.store.watches()).filter((watch) => watch.tenantId === place.tenantId);
      if (watches.length === 0) return { kind: 'noWatch' };
      let problem: WatchProblem | null = null;
      for (const watch of watches) {
        try {
          const found = await findTicket(deps.source, watch, wanted);
          deps.onProbe?.(null);
          if (found) return await follow(deps, place, found);
        } catch (error) {
          problem ??= classify(error, watch.subscriptionId);
        }
      }
      if (problem) {
        deps.onProbe?.(problem);
        return { kind: 'unreadable', problem };
      }
      return {
        kind: 'notFound',
        number: wanted,
        subscriptions: watches.map((watch) => watch.subscriptionId),
      };
    },
  };
}

function targetOf(place: ChatPlace): Omit<Watch, 'subscriptionId' | 'since'> {
  return {
    tenantId: place.tenantId,
    platform: place.platform,
    channelId: place.channelId,
    conversation: place.conversation,
    locale: place.locale,
  };
}

/** One small read of the subscription: whether the credential and the role let the watcher in. */
async function probe(deps: DeskDeps, subscription: string, now: number): Promise<WatchProblem | null> {
  try {
    for await (const _page of deps.source.listTickets(subscription, `createdDate ge ${isoInstant(now)}`))
      break;
    deps.onProbe?.(null);
    return null;
  } catch (error) {
    const problem = classify(error, subscription);
    deps.onProbe?.(problem);
    return problem;
  }
}

interface Found {
  readonly facts: TicketFacts;
  readonly resource: unknown;
}

/** By resource name first (usually the number), else among the subscription's open tickets. */
async function findTicket(source: TicketSource, watch: Watch, number: string): Promise<Found | null> {
  const resource = await source.getTicket(watch.subscriptionId, number);
  const direct = resource === null ? null : ticketFacts(watch.subscriptionId, resource);
  if (direct?.ok) return { facts: direct.facts, resource };
  let pages = 0;
  for await (const page of source.listTickets(watch.subscriptionId, "status eq 'Open'")) {
    for (const listed of page) {
      const read = ticketFacts(watch.subscriptionId, listed);
      if (read.ok && read.facts.ref.number === number) return { facts: read.facts, resource: listed };
    }
    if (++pages >= MAX_SEARCH_PAGES) break;
  }
  return null;
}

async function follow(deps: DeskDeps, place: ChatPlace, { facts, resource }: Found): Promise<TrackAnswer> {
  const number = facts.ref.number;
  if (facts.closed) return { kind: 'closed', number };
  const opened = await openTicketCase(deps, place, facts, resource);
  switch (opened.kind) {
    case 'opened':
      return { kind: 'opened', number, caseId: opened.caseId };
    case 'linked':
      return { kind: 'already', number };
    case 'pending':
      return { kind: 'pending', number };
    case 'refused':
      return { kind: 'refused', number, error: opened.error, code: opened.code };
  }
}
