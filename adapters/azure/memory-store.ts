// The watcher's store in memory: one process, or several watchers sharing one instance in tests.
// Each method completes without awaiting anything in between, so each is atomic like a SQL row.
import { type Claim, type TicketLink, type Watch, type WatchStore, watchKey } from './ports.js';

interface Lease {
  holder: string;
  until: number;
}

export class MemoryWatchStore implements WatchStore {
  private readonly watchList = new Map<string, Watch>();
  private readonly cursors = new Map<string, number>();
  private readonly pollLeases = new Map<string, Lease>();
  private readonly ticketClaims = new Map<string, Lease>();
  private readonly links = new Map<string, TicketLink>();

  constructor(watches: readonly Watch[] = []) {
    for (const watch of watches) this.watchList.set(watchKey(watch.tenantId, watch.subscriptionId), watch);
  }

  async watches(): Promise<Watch[]> {
    return [...this.watchList.values()];
  }

  async addWatch(watch: Watch): Promise<Watch> {
    const key = watchKey(watch.tenantId, watch.subscriptionId);
    const stored = this.watchList.get(key);
    const next = stored ? { ...watch, since: stored.since } : watch;
    this.watchList.set(key, next);
    return next;
  }

  async cursor(tenantId: string, subscriptionId: string): Promise<number | null> {
    return this.cursors.get(watchKey(tenantId, subscriptionId)) ?? null;
  }

  async advanceCursor(tenantId: string, subscriptionId: string, createdAt: number): Promise<void> {
    const key = watchKey(tenantId, subscriptionId);
    this.cursors.set(key, Math.max(this.cursors.get(key) ?? Number.NEGATIVE_INFINITY, createdAt));
  }

  async leasePoll(key: string, holder: string, now: number, leaseMs: number): Promise<boolean> {
    return takeLease(this.pollLeases, key, holder, now, leaseMs);
  }

  async releasePoll(key: string, holder: string): Promise<void> {
    if (this.pollLeases.get(key)?.holder === holder) this.pollLeases.delete(key);
  }

  async claimTicket(
    tenantId: string,
    resourceId: string,
    holder: string,
    now: number,
    leaseMs: number,
  ): Promise<Claim> {
    const key = ticketKey(tenantId, resourceId);
    if (this.links.has(key)) return 'linked';
    return takeLease(this.ticketClaims, key, holder, now, leaseMs) ? 'claimed' : 'busy';
  }

  async link(tenantId: string, resourceId: string): Promise<TicketLink | null> {
    return this.links.get(ticketKey(tenantId, resourceId)) ?? null;
  }

  async saveLink(link: TicketLink, expectedVersion: number | null): Promise<boolean> {
    const key = ticketKey(link.tenantId, link.ticket.resourceId);
    const stored = this.links.get(key);
    if ((stored?.version ?? null) !== expectedVersion) return false;
    this.links.set(key, { ...link, version: (expectedVersion ?? 0) + 1 });
    this.ticketClaims.delete(key);
    return true;
  }

  async openLinks(tenantId: string, subscriptionId: string): Promise<TicketLink[]> {
    return [...this.links.values()].filter(
      (link) =>
        link.tenantId === tenantId &&
        link.ticket.subscriptionId === subscriptionId &&
        link.caseId !== null &&
        !link.closed,
    );
  }
}

function takeLease(
  leases: Map<string, Lease>,
  key: string,
  holder: string,
  now: number,
  ms: number,
): boolean {
  const current = leases.get(key);
  if (current && current.holder !== holder && current.until > now) return false;
  leases.set(key, { holder, until: now + ms });
  return true;
}

function ticketKey(tenantId: string, resourceId: string): string {
  return `${tenantId}:${resourceId.toLowerCase()}`;
}
