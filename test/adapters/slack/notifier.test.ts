import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { slackClients } from '../../../adapters/slack/clients.js';
import type { SlackConfig } from '../../../adapters/slack/config.js';
import { slackNotifier } from '../../../adapters/slack/notifier.js';
import { NotifierError, type ThreadPost } from '../../../src/reminders/notifier.js';
import { azurePolicy, evaluate } from '../../../src/sla/index.js';
import type { CaseRecord, ReminderRow } from '../../../src/store/records.js';
import type { Store } from '../../../src/store/store.js';
import { type SlackStandIn, startSlackStandIn } from '../../support/slack-stand-in.js';

const AT = Date.parse('2026-03-25T09:00:00+01:00');
let slack: SlackStandIn;
beforeAll(async () => {
  slack = await startSlackStandIn();
});
afterAll(() => slack.close());
beforeEach(() => {
  slack.calls.length = 0;
  slack.clear();
});

const config = (overrides: Partial<SlackConfig> = {}): SlackConfig => ({
  signingSecret: 's',
  botToken: 'xoxb-one',
  appToken: undefined,
  clientId: undefined,
  clientSecret: undefined,
  stateSecret: undefined,
  apiUrl: slack.apiUrl,
  ...overrides,
});
const noStore = { getInstallation: async () => null } as unknown as Store;

const record: CaseRecord = {
  id: 'case-1',
  tenantId: 'T1',
  platform: 'slack',
  channelId: 'C1',
  conversation: { channel: 'C1', ts: '1774600000.000001' },
  caseNumber: '1',
  title: 't',
  input: { plan: 'premier', severity: 'A', country: 'NL', openedAt: AT },
  openedBy: 'U1',
  openedByLocale: 'en',
  state: 'open',
  respondedAt: null,
  deadline: AT + 3_600_000,
  flag: null,
  createdAt: AT,
  updatedAt: AT,
  version: 1,
};
const notice = { kind: 'breach', deadline: AT + 3_600_000 } as const;
const reminder: ReminderRow = {
  id: 'r1',
  caseId: 'case-1',
  tenantId: 'T1',
  notice,
  dueAt: AT + 3_600_000,
  key: 'k',
  state: 'pending',
  attempts: 1,
  nextAttemptAt: null,
  claimedBy: null,
  leaseUntil: null,
  lastError: null,
  sentAt: null,
  uncertain: false,
};

/** The breach notice of `caseRecord`, as the dispatcher hands it over. */
function breachPost(caseRecord: CaseRecord = record): ThreadPost {
  return { record: caseRecord, reminder, notice, timeZone: 'Europe/Amsterdam' };
}

async function failure(promise: Promise<void>): Promise<NotifierError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof NotifierError) return error;
    throw error;
  }
  throw new Error('expected a NotifierError');
}

describe('the Slack notifier', () => {
  it("posts a reminder as a reply in the card's thread, with the deadline token", async () => {
    await slackNotifier(slackClients(config(), noStore), azurePolicy).post(breachPost());
    const [post] = slack.callsTo('chat.postMessage');
    expect(post?.body).toMatchObject({ channel: 'C1', thread_ts: '1774600000.000001' });
    expect(String(post?.body.text)).toMatch(/<!date\^\d+\^\{date_short_pretty\} \{time\}\|[^>]+>/);
    expect(post?.token).toBe('xoxb-one');
  });

  // Changed on purpose (issue 9): a notice never goes top-level; without a thread it waits.
  it('never posts in the channel when the card was never posted: the notice waits for its thread', async () => {
    const thrown = await failure(
      slackNotifier(slackClients(config(), noStore), azurePolicy).post(
        breachPost({ ...record, conversation: { channel: 'C1' } }),
      ),
    );
    expect(thrown).toMatchObject({ kind: 'transient', reason: 'thread_missing', maybePosted: false });
    expect(slack.callsTo('chat.postMessage')).toHaveLength(0);
  });

  for (const error of [
    'channel_not_found',
    'not_in_channel',
    'is_archived',
    'account_inactive',
    'invalid_auth',
  ]) {
    it(`${error} is permanent`, async () => {
      slack.fail('chat.postMessage', { error });
      const thrown = await failure(
        slackNotifier(slackClients(config(), noStore), azurePolicy).post(breachPost()),
      );
      expect(thrown.kind).toBe('permanent');
      expect(thrown.reason).toBe(error);
    });
  }

  it('429 is transient with Retry-After, reported at once instead of waited out', async () => {
    slack.fail('chat.postMessage', { status: 429, retryAfter: 7 });
    const started = Date.now();
    const thrown = await failure(
      slackNotifier(slackClients(config(), noStore), azurePolicy).post(breachPost()),
    );
    expect(Date.now() - started).toBeLessThan(2000);
    expect(thrown).toMatchObject({ kind: 'transient', reason: 'rate_limited', retryAfterMs: 7000 });
    expect(slack.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('a server error is transient', async () => {
    slack.fail('chat.postMessage', { status: 503 });
    const thrown = await failure(
      slackNotifier(slackClients(config(), noStore), azurePolicy).post(breachPost()),
    );
    expect(thrown.kind).toBe('transient');
  });

  it("with OAuth, uses the workspace's installed bot token, and gives up where the app is not installed", async () => {
    const installed = {
      getInstallation: async (_platform: string, key: string) =>
        key === 'team:T1' ? { team: { id: 'T1' }, bot: { token: 'xoxb-installed' } } : null,
    } as unknown as Store;
    const oauth = config({ botToken: undefined, clientId: 'c', clientSecret: 's', stateSecret: 'x' });
    await slackNotifier(slackClients(oauth, installed), azurePolicy).post(breachPost());
    expect(slack.callsTo('chat.postMessage')[0]?.token).toBe('xoxb-installed');
    const thrown = await failure(
      slackNotifier(slackClients(oauth, installed), azurePolicy).post(
        breachPost({ ...record, tenantId: 'T2' }),
      ),
    );
    expect(thrown).toMatchObject({ kind: 'permanent', reason: 'bot_removed' });
  });

  it("keeps the notice's key in the message metadata, and finds it in the thread before posting again", async () => {
    const notifier = slackNotifier(slackClients(config(), noStore), azurePolicy);
    slack.messages.push({ channel: 'CMETA', ts: '1800000000.000001', text: 'card' });
    const inThread = {
      ...record,
      channelId: 'CMETA',
      conversation: { channel: 'CMETA', ts: '1800000000.000001' },
    };
    const post = { ...breachPost(inThread), reminder: { ...reminder, key: 'case-1:breach:meta' } };
    expect(await notifier.findPost?.(post)).toBe(false);
    await notifier.post(post);
    expect(slack.callsTo('chat.postMessage')[0]?.body.metadata).toEqual({
      event_type: 'sla_bot_notice',
      event_payload: { case_id: 'case-1', key: 'case-1:breach:meta' },
    });
    expect(await notifier.findPost?.(post)).toBe(true);
    expect(slack.callsTo('conversations.replies').at(-1)?.body).toMatchObject({
      channel: 'CMETA',
      ts: '1800000000.000001',
    });
    expect(String(slack.callsTo('conversations.replies').at(-1)?.body.include_all_metadata)).toBe('true');
  });

  it('without the history scopes it cannot tell, and says "not there" instead of failing', async () => {
    slack.fail('conversations.replies', { error: 'missing_scope' });
    expect(await slackNotifier(slackClients(config(), noStore), azurePolicy).findPost?.(breachPost())).toBe(
      false,
    );
    slack.fail('conversations.replies', { status: 503 });
    const thrown = await failure(
      slackNotifier(slackClients(config(), noStore), azurePolicy)
        .findPost?.(breachPost())
        .then(() => {}) ?? Promise.resolve(),
    );
    expect(thrown).toMatchObject({ kind: 'transient', reason: 'server_error', maybePosted: true });
  });

  it('posts a case card with its metadata, finds it again, and updates it in place', async () => {
    const notifier = slackNotifier(slackClients(config(), noStore), azurePolicy);
    const unposted = { ...record, id: 'case-card', channelId: 'CCARD', conversation: { channel: 'CCARD' } };
    const view = {
      record: unposted,
      assessment: (() => {
        const evaluation = evaluate(unposted.input, AT, azurePolicy);
        if (!evaluation.ok) throw new Error(evaluation.error.code);
        return evaluation.assessment;
      })(),
      outcome: null,
    };
    expect(notifier.hasThread(unposted)).toBe(false);
    expect(await notifier.findCard?.({ record: unposted, view })).toBeNull();
    const where = (await notifier.postCard({ record: unposted, view })) as { channel: string; ts: string };
    expect(where.channel).toBe('CCARD');
    const [posted] = slack.callsTo('chat.postMessage');
    expect(posted?.body.metadata).toEqual({
      event_type: 'sla_bot_case',
      event_payload: { case_id: 'case-card' },
    });
    expect(String(posted?.body.text)).toMatch(/Case 1: t/);
    expect(await notifier.findCard?.({ record: unposted, view })).toEqual(where);
    const attached = { ...unposted, conversation: where };
    expect(notifier.hasThread(attached)).toBe(true);
    await notifier.updateCard({ record: attached, view });
    expect(slack.callsTo('chat.update')[0]?.body).toMatchObject({ channel: 'CCARD', ts: where.ts });
    slack.fail('chat.update', { error: 'message_not_found' });
    expect(await failure(notifier.updateCard({ record: attached, view }))).toMatchObject({
      kind: 'permanent',
      reason: 'message_not_found',
    });
  });
});
