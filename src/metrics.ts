import type { DispatcherStats } from './reminders/dispatcher.js';
import type { StoreStats } from './store/store.js';

export interface MetricsSnapshot {
  readonly store: StoreStats;
  readonly dispatcher: DispatcherStats;
  readonly breachesPosted: number;
}

/** Prometheus text exposition (version 0.0.4). */
export function prometheusText({ store, dispatcher, breachesPosted }: MetricsSnapshot): string {
  const metric = (name: string, type: 'gauge' | 'counter', help: string, value: number) =>
    `# HELP ${name} ${help}\n# TYPE ${name} ${type}\n${name} ${value}\n`;
  return [
    metric('sla_bot_open_cases', 'gauge', 'Cases being tracked (state open).', store.openCases),
    metric(
      'sla_bot_reminders_pending',
      'gauge',
      'Reminders planned and not yet posted.',
      store.remindersPending,
    ),
    metric('sla_bot_reminders_sent_total', 'counter', 'Reminders posted by this process.', dispatcher.sent),
    metric(
      'sla_bot_reminders_failed_total',
      'counter',
      'Reminders given up by this process.',
      dispatcher.failed,
    ),
    metric(
      'sla_bot_reminders_retried_total',
      'counter',
      'Reminder posts retried after a transient failure.',
      dispatcher.retried,
    ),
    metric('sla_bot_breaches_total', 'counter', 'Breach notices posted by this process.', breachesPosted),
    metric(
      'sla_bot_dispatcher_lag_seconds',
      'gauge',
      'How overdue the oldest due reminder is.',
      store.oldestDueLagMs / 1000,
    ),
  ].join('');
}
