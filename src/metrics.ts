// Prometheus metrics through prom-client, one registry per server (tests run several in a process).
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { DispatcherStats } from './reminders/dispatcher.js';
import { NOTICE_KINDS, type NoticeKind } from './reminders/notices.js';
import type { StoreStats } from './store/store.js';

export interface MetricsSnapshot {
  readonly store: StoreStats;
  readonly dispatcher: DispatcherStats;
}

export interface ServerMetrics {
  readonly contentType: string;
  /** Time from a chat platform's request arriving to its answer (Slack's ack, Teams' reply). */
  observeAck(platform: string, seconds: number): void;
  /** How long after its due time a reminder was posted. */
  observeLateness(seconds: number): void;
  breachPosted(): void;
  /** The exposition text, with the store's and the dispatcher's figures as of now. */
  text(snapshot: MetricsSnapshot): Promise<string>;
}

export function createMetrics(): ServerMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const gauge = (name: string, help: string) => new Gauge({ name, help, registers: [registry] });
  const counter = (name: string, help: string) => new Counter({ name, help, registers: [registry] });
  const openCases = gauge('sla_bot_open_cases', 'Cases being tracked (state open).');
  const pending = gauge('sla_bot_reminders_pending', 'Reminders planned and not yet posted.');
  const lag = gauge('sla_bot_dispatcher_lag_seconds', 'How overdue the oldest due reminder is.');
  const sent = counter('sla_bot_reminders_sent_total', 'Reminders posted by this process.');
  const failed = counter('sla_bot_reminders_failed_total', 'Reminders given up by this process.');
  const retried = counter(
    'sla_bot_reminders_retried_total',
    'Reminder posts retried after a transient failure.',
  );
  const breaches = counter('sla_bot_breaches_total', 'Breach notices posted by this process.');
  const ack = new Histogram({
    name: 'sla_bot_ack_seconds',
    help: "Time from a chat platform's request arriving to the answer (Slack's ack, Teams' reply).",
    labelNames: ['platform'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const lateness = new Histogram({
    name: 'sla_bot_reminder_lateness_seconds',
    help: 'How long after its due time a reminder was posted.',
    buckets: [0.1, 0.5, 1, 2, 5, 10, 30, 60, 300, 900, 3600],
    registers: [registry],
  });
  // One labelled child per platform, found once: observing through it skips hashing the labels on
  // every request.
  const ackChildren = new Map<string, ReturnType<typeof ack.labels>>();
  const ackOf = (platform: string) => {
    let child = ackChildren.get(platform);
    if (!child) {
      child = ack.labels({ platform });
      ackChildren.set(platform, child);
    }
    return child;
  };
  /** The dispatcher counts for itself; the counters follow its totals. */
  const follow = (metric: Counter, total: number) => {
    metric.reset();
    metric.inc(total);
  };
  return {
    contentType: registry.contentType,
    observeAck: (platform, seconds) => ackOf(platform).observe(seconds),
    observeLateness: (seconds) => lateness.observe(Math.max(0, seconds)),
    breachPosted: () => breaches.inc(),
    async text({ store, dispatcher }) {
      openCases.set(store.openCases);
      pending.set(store.remindersPending);
      lag.set(store.oldestDueLagMs / 1000);
      follow(sent, threadNoticesSent(dispatcher));
      follow(failed, dispatcher.failed);
      follow(retried, dispatcher.retried);
      return registry.metrics();
    },
  };
}

/** Reminders and warnings posted in threads; the cards the dispatcher posts or renders again are not reminders. */
function threadNoticesSent(dispatcher: DispatcherStats): number {
  let total = 0;
  for (const [kind, count] of Object.entries(dispatcher.sentByKind))
    if (NOTICE_KINDS[kind as NoticeKind].target === 'thread') total += count;
  return total;
}
