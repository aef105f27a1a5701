// The picture harness itself, on made-up cards: Teams' {{DATE()}}/{{TIME()}} expand for each viewer
// as Teams expands them, Teams cuts long button titles and keeps secondary actions behind "…", and the
// checks see cut text, colours and the renderer's complaints in the real page.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  chromiumMissing,
  openBrowser,
  type PictureBrowser,
  VIEWERS,
  type Viewer,
  type Width,
} from '../support/render/browser.js';
import { judge } from '../support/render/checks.js';
import type { Rendered, Shot } from '../support/render/pictures.js';
import { type PageServer, startPageServer } from '../support/render/server.js';
import { renderSlack, type SlackPayload } from '../support/render/slack.js';
import { renderTeams, type TeamsPayload } from '../support/render/teams.js';

const missing = chromiumMissing();
const DEADLINE = '2026-03-24T09:00:00Z';
const card = (body: unknown[], actions: unknown[] = []) => ({
  type: 'AdaptiveCard',
  version: '1.5',
  body,
  ...(actions.length ? { actions } : {}),
});
const shot = <P>(payload: P, deadline?: number): Shot<P> => ({
  subject: 'test',
  variant: 'test',
  about: '',
  verdict: 'neutral',
  at: Date.parse(DEADLINE),
  ...(deadline === undefined ? {} : { deadline }),
  payload,
});
const viewer = (language: Viewer['language']) => VIEWERS.find((one) => one.language === language) as Viewer;

describe.skipIf(missing !== null)('the picture harness in Chromium', () => {
  let server: PageServer;
  let browser: PictureBrowser;
  beforeAll(async () => {
    server = await startPageServer();
    browser = await openBrowser(server.pageUrl);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const teams = (payload: TeamsPayload, who: Viewer, width: Width = 'desktop', deadline?: number) =>
    browser
      .run([{ viewer: who, work: (page) => renderTeams(page, shot(payload, deadline), who, width) }])
      .then(([rendered]) => rendered as Rendered);
  const slack = (payload: SlackPayload, who: Viewer, width: Width = 'desktop') =>
    browser
      .run([{ viewer: who, work: (page) => renderSlack(page, shot(payload), who, width, {}) }])
      .then(([rendered]) => rendered as Rendered);

  test('Teams expands DATE() and TIME() in each viewer’s zone and language, and the deadline check reads it', async () => {
    const deadlineCard = card([
      { type: 'TextBlock', text: `Deadline {{DATE(${DEADLINE}, SHORT)}} {{TIME(${DEADLINE})}}`, wrap: true },
    ]);
    const expected = {
      en: ['Tue, Mar 24, 2026', '5:00'],
      de: ['Di., 24. März 2026', '10:00'],
      ja: ['2026年3月24日(火)', '18:00'],
    };
    for (const language of ['en', 'de', 'ja'] as const) {
      const rendered = await teams(
        { card: deadlineCard, frame: 'message' },
        viewer(language),
        'desktop',
        Date.parse(DEADLINE),
      );
      for (const part of expected[language]) expect(rendered.probe.text).toContain(part);
      expect(rendered.problems).toEqual([]);
      expect(
        judge(rendered.probe, {
          verdict: 'neutral',
          deadline: {
            instant: Date.parse(DEADLINE),
            zone: viewer(language).zone,
            locale: viewer(language).locale,
          },
        }),
      ).toEqual([]);
      expect(rendered.png.subarray(1, 4).toString()).toBe('PNG');
    }
  });

  test("Teams' markdown is drawn, not shown as asterisks", async () => {
    const rendered = await teams(
      { card: card([{ type: 'TextBlock', text: '**Deadline** soon', wrap: true }]), frame: 'message' },
      viewer('en'),
    );
    expect(rendered.probe.text).toContain('Deadline soon');
    expect(rendered.probe.elements.some((one) => one.tag === 'strong' && one.text === 'Deadline')).toBe(true);
  });

  test('Teams cuts long button titles on a phone; short ones fit', async () => {
    const buttons = (titles: string[]) =>
      card(
        [{ type: 'TextBlock', text: 'x' }],
        titles.map((title) => ({ type: 'Action.Submit', title })),
      );
    const long = await teams(
      { card: buttons(['Microsoft responded', 'Responded at…', 'Change severity']), frame: 'message' },
      viewer('en'),
      'phone',
    );
    const cut = judge(long.probe, { verdict: 'neutral' }).filter((one) => one.check === 'truncated');
    expect(cut.length).toBeGreaterThanOrEqual(2);
    const short = await teams({ card: buttons(['Done', 'More']), frame: 'message' }, viewer('en'), 'phone');
    expect(judge(short.probe, { verdict: 'neutral' })).toEqual([]);
  });

  test('Teams keeps mode: \'secondary\' actions behind its "…" button, and the picture shows the open menu', async () => {
    const menu = card(
      [{ type: 'TextBlock', text: 'x' }],
      [
        { type: 'Action.Submit', title: 'Microsoft responded', style: 'positive' },
        { type: 'Action.Submit', title: 'Close case', mode: 'secondary' },
        { type: 'Action.Submit', title: 'Change severity', mode: 'secondary' },
      ],
    );
    const rendered = await teams({ card: menu, frame: 'message' }, viewer('en'));
    const texts = rendered.probe.elements.map((one) => one.text);
    expect(texts).toContain('...');
    expect(texts).toContain('Close case');
    expect(texts).toContain('Change severity');
  });

  test('the state colour is read from the rendered card: attention is red, good is green', async () => {
    const coloured = (color: string) =>
      card([{ type: 'TextBlock', text: 'Breached by 25 minutes', color, wrap: true }]);
    const red = await teams({ card: coloured('attention'), frame: 'message' }, viewer('de'));
    expect(judge(red.probe, { verdict: 'breached' })).toEqual([]);
    const green = await teams({ card: coloured('good'), frame: 'message' }, viewer('de'));
    expect(judge(green.probe, { verdict: 'breached' }).map((one) => one.check)).toEqual([
      'state-colour',
      'state-colour',
    ]);
  });

  test("the renderer's own complaints become findings", async () => {
    const rendered = await teams(
      { card: card([{ type: 'Frobnicate' }, { type: 'TextBlock', text: 'x' }]), frame: 'message' },
      viewer('en'),
    );
    expect(rendered.problems.map((one) => one.check)).toContain('renderer');
  });

  test('Slack: a long button is cut on a phone, a red attachment bar reads as red, dates read in the viewer’s zone', async () => {
    const seconds = Date.parse(DEADLINE) / 1000;
    const payload: SlackPayload = {
      kind: 'message',
      message: {
        text: 'x',
        blocks: [
          {
            type: 'section',
            text: { type: 'mrkdwn', text: `*Deadline* <!date^${seconds}^{time}|fallback>` },
          },
          {
            type: 'actions',
            elements: [
              {
                type: 'button',
                text: { type: 'plain_text', text: 'A button label far too long for a phone screen to hold' },
              },
            ],
          },
        ],
        attachments: [
          { color: 'danger', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'Breached' } }] },
        ],
      },
    };
    const phone = await slack(payload, viewer('ja'), 'phone');
    expect(phone.probe.text).toContain('18:00');
    const found = judge(phone.probe, { verdict: 'breached' });
    expect(found.map((one) => one.check)).toEqual(['truncated']);
    const desktop = await slack(payload, viewer('ja'), 'desktop');
    expect(judge(desktop.probe, { verdict: 'breached' })).toEqual([]);
  });
});

if (missing) test.skip(`picture harness: skipped, ${missing}`, () => {});
