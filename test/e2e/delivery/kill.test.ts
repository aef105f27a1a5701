// kill -9 while posts are in flight: what is posted twice, and what is lost. Real server processes
// (compiled), Slack answering chat.postMessage in 1.5 s and the Bot Connector answering in 1.2 s,
// a lease of 2 s kept alive by the heartbeat. Slack posts are checked in the thread before they are
// repeated; the Bot Connector cannot be asked, so a Teams post in flight at a kill is posted again.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOTICE_EVENT } from '../../../adapters/slack/notifier.js';
import type { Notice } from '../../../src/reminders/notices.js';
import { openStore } from '../../../src/store/open.js';
import { type CaseRecord, pendingReminder, reminderKey } from '../../../src/store/records.js';
import type { Store } from '../../../src/store/store.js';
import { cardsIn, cardText } from '../../support/adaptive-cards.js';
import { describeWithPostgres } from '../../support/postgres.js';
import { SIGNING_SECRET } from '../../support/slack-requests.js';
import { type SlackStandIn, startSlackStandIn } from '../../support/slack-stand-in.js';
import { type ConnectorStandIn, startConnector } from '../../support/teams-connector.js';
import { eventually } from './harness.js';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..', '..', '..');
const compiled = join(repo, 'node_modules', '.cache', 'sla-bot-kill-test');
const SLACK_POST_MS = 1500;
const TEAMS_POST_MS = 1200;

beforeAll(() => {
  const tsc = spawnSync(
    process.execPath,
    [join(repo, 'node_modules/typescript/bin/tsc'), '-p', join(here, 'tsconfig.kill.json')],
    { encoding: 'utf8' },
  );
  if (tsc.status !== 0) throw new Error(`compiling the server failed:\n${tsc.stdout}${tsc.stderr}`);
  writeFileSync(join(compiled, 'package.json'), '{ "type": "module" }\n');
}, 120_000);

const children = new Set<ChildProcess>();
afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
});

interface Seeded {
  /** Every notice's identity: Slack by its key (in the message metadata), Teams by its words. */
  readonly slack: Set<string>;
  readonly teams: Set<string>;
  readonly caseIds: string[];
}

/** Cases with posted cards and `perCase` notes due now: two thirds Slack (8 channels), a third Teams. */
async function seed(
  store: Store,
  slack: SlackStandIn,
  connector: ConnectorStandIn,
  cases: number,
  perCase: number,
) {
  const seeded: Seeded = { slack: new Set(), teams: new Set(), caseIds: [] };
  const now = Date.now();
  for (let i = 0; i < cases; i++) {
    const teams = i % 3 === 2;
    const channel = teams ? `19:kill-${i % 4}@thread.tacv2` : `CKILL${i % 8}`;
    const card = `${i + 1}`;
    if (!teams)
      slack.messages.push({ channel, ts: `1700000000.${card.padStart(6, '0')}`, text: 'card', blocks: [] });
    const conversation = teams
      ? {
          reference: {
            serviceUrl: connector.url,
            channelId: 'msteams',
            conversation: { id: `${channel};messageid=${card}`, isGroup: true, conversationType: 'channel' },
            bot: { id: '28:bot', name: 'sla-bot' },
          },
          activityId: card,
          openedByName: 'Ann',
        }
      : { channel, ts: `1700000000.${card.padStart(6, '0')}` };
    const record: CaseRecord = {
      id: randomUUID(),
      tenantId: teams ? 'tenant-kill' : 'T1',
      platform: teams ? 'teams' : 'slack',
      channelId: channel,
      conversation,
      caseNumber: `KILL-${i}`,
      title: 'kill -9',
      input: { plan: 'premier', severity: 'C', country: 'NL', openedAt: now },
      openedBy: 'U1',
      openedByLocale: 'en',
      state: 'open',
      respondedAt: null,
      deadline: now + 240 * 60_000,
      flag: null,
      createdAt: now,
      updatedAt: now,
      version: 1,
    };
    const notices = Array.from({ length: perCase }, (_, j) => {
      const actor = `n${i}-${j}`;
      const notice: Notice = { kind: 'note', event: 'opened', actor, data: {} };
      const row = pendingReminder(
        record,
        notice,
        now - 1000 + j,
        reminderKey(record.id, actor, now - 1000 + j),
      );
      (teams ? seeded.teams : seeded.slack).add(teams ? `${actor} opened this case.` : row.key);
      return row;
    });
    await store.saveCase({ record, expectedVersion: null, event: null, plan: [], notices }, now);
    seeded.caseIds.push(record.id);
  }
  return seeded;
}

function startChild(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, [join(here, 'kill-child.mjs'), compiled], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`no READY in 60 s: ${out}${err}`)), 60_000);
    child.stderr?.on('data', (d: Buffer) => {
      err += d.toString();
    });
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('READY')) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.once('exit', (code) => reject(new Error(`child exited (${code}) before READY: ${out}${err}`)));
  });
}

async function kill(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

interface Outcome {
  readonly kills: number;
  readonly slackDuplicates: number;
  readonly teamsDuplicates: number;
  readonly lost: string[];
  readonly notSent: number;
  /** Posts that had reached a stand-in but not been answered when their process was killed. */
  readonly inFlightAtKills: number;
}

/**
 * Runs `replicas` servers on one database; `kills` times, once a server has posts on the way, kills
 * it with SIGKILL and starts it again; then lets them finish and counts.
 */
async function killWhilePosting(options: {
  databaseUrl: string;
  replicas: number;
  kills: number;
  cases: number;
  perCase: number;
}): Promise<Outcome> {
  const slack = await startSlackStandIn();
  const connector = await startConnector();
  slack.latency('chat.postMessage', SLACK_POST_MS);
  connector.latency('sendActivity', TEAMS_POST_MS);
  const store = openStore(options.databaseUrl);
  await store.migrate();
  const seeded = await seed(store, slack, connector, options.cases, options.perCase);
  const env = {
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: options.databaseUrl,
    LOG_LEVEL: 'silent',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_BOT_TOKEN: 'xoxb-test',
    SLACK_API_URL: slack.apiUrl,
    DISPATCH_LEASE_MS: '2000',
    DISPATCH_POLL_MS: '100',
    DISPATCH_BATCH_SIZE: '20',
    TEAMS_EMULATOR: '1',
  };
  const posts = () => slack.callsTo('chat.postMessage').length + connector.posts().length;
  const inFlight = () => {
    const now = Date.now();
    const slackOpen = slack
      .callsTo('chat.postMessage')
      .filter((c) => now - (c.at ?? 0) < SLACK_POST_MS).length;
    const teamsOpen = connector.posts().filter((c) => now - (c.at ?? 0) < TEAMS_POST_MS).length;
    return slackOpen + teamsOpen;
  };
  try {
    const servers = await Promise.all(Array.from({ length: options.replicas }, () => startChild(env)));
    let inFlightAtKills = 0;
    for (let k = 0; k < options.kills; k++) {
      const slot = k % servers.length;
      const victim = servers[slot] as ChildProcess;
      const seen = posts();
      await eventually(() => expect(posts()).toBeGreaterThan(seen), 30_000);
      await new Promise((resolve) => setTimeout(resolve, 300 + Math.random() * 700));
      inFlightAtKills += inFlight();
      await kill(victim);
      servers[slot] = await startChild(env);
    }
    await eventually(async () => {
      const stats = await store.stats(Date.now());
      expect(stats.remindersPending).toBe(0);
    }, 120_000);
    await Promise.all(servers.map(kill));

    const slackPosts = slack.messages
      .filter((m) => m.metadata?.event_type === NOTICE_EVENT)
      .map((m) => String(m.metadata?.event_payload?.key));
    const teamsPosts = connector.posts().map((call) => cardText(cardsIn(call.body)[0]));
    const stats = await store.stats(Date.now());
    return {
      kills: options.kills,
      slackDuplicates: slackPosts.length - new Set(slackPosts).size,
      teamsDuplicates: teamsPosts.length - new Set(teamsPosts).size,
      lost: [
        ...[...seeded.slack].filter((key) => !slackPosts.includes(key)),
        ...[...seeded.teams].filter((text) => !teamsPosts.includes(text)),
      ],
      notSent: options.cases * options.perCase - stats.remindersSent,
      inFlightAtKills,
    };
  } finally {
    await store.close();
    await slack.close();
    await connector.close();
  }
}

function report(name: string, outcome: Outcome): void {
  const per = (n: number) => (n / outcome.kills).toFixed(2);
  console.info(
    `${name}: ${outcome.kills} kills, ${outcome.inFlightAtKills} posts in flight at the kills; ` +
      `posted twice: Slack ${outcome.slackDuplicates} (${per(outcome.slackDuplicates)} per kill), ` +
      `Teams ${outcome.teamsDuplicates} (${per(outcome.teamsDuplicates)} per kill); lost ${outcome.lost.length}`,
  );
}

describe('kill -9 on SQLite, one server', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'sla-kill-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('loses nothing; Slack posts nothing twice; a Teams post is repeated only if it was in flight', async () => {
    const outcome = await killWhilePosting({
      databaseUrl: `sqlite:${join(dir, 'sla.db')}`,
      replicas: 1,
      kills: 6,
      cases: 24,
      perCase: 8,
    });
    report('SQLite', outcome);
    expect(outcome.lost).toEqual([]);
    expect(outcome.notSent).toBe(0);
    expect(outcome.slackDuplicates).toBe(0);
    expect(outcome.teamsDuplicates).toBeLessThanOrEqual(outcome.inFlightAtKills);
  }, 300_000);
});

describeWithPostgres('kill -9 with three replicas on PostgreSQL', (database) => {
  it('loses nothing; Slack posts nothing twice; a Teams post is repeated only if it was in flight', async () => {
    const outcome = await killWhilePosting({
      databaseUrl: await database(),
      replicas: 3,
      kills: 3,
      cases: 24,
      perCase: 8,
    });
    report('PostgreSQL, three replicas', outcome);
    expect(outcome.lost).toEqual([]);
    expect(outcome.notSent).toBe(0);
    expect(outcome.slackDuplicates).toBe(0);
    expect(outcome.teamsDuplicates).toBeLessThanOrEqual(outcome.inFlightAtKills);
  }, 300_000);
});
