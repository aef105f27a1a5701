// The picture checks' own rules and the Slack preview's mrkdwn, without a browser: each rule is shown
// to catch what it claims to catch, and to leave alone what it should.
import { describe, expect, test } from 'vitest';
import {
  colourTone,
  deadlineTexts,
  emojiTone,
  judge,
  leakIn,
  type Probe,
  type ProbeElement,
} from '../support/render/checks.js';
import { triage } from '../support/render/known.js';
import type { Picture } from '../support/render/pictures.js';
import { startPageServer } from '../support/render/server.js';
import { dateToken, mrkdwnHtml, type SlackViewer } from '../support/render/slack/mrkdwn.js';
import { surfaceHtml } from '../support/render/slack/surface.js';

const element = (text: string, extra: Partial<ProbeElement> = {}): ProbeElement => ({
  text,
  tag: 'div',
  className: '',
  colour: 'rgb(37, 36, 36)',
  behind: [],
  emoji: false,
  action: false,
  cut: null,
  ...extra,
});
const probe = (elements: ProbeElement[], firstLine = ''): Probe => ({
  elements,
  text: elements.map((one) => one.text).join('\n'),
  firstLine,
  height: 200,
});
const RED = 'rgb(196, 49, 75)';
const GREEN = 'rgb(146, 195, 83)';

describe('colours', () => {
  test.each([
    ['rgb(146, 195, 83)', 'green'],
    ['rgb(204, 255, 204)', 'green'],
    ['rgb(196, 49, 75)', 'red'],
    ['rgb(224, 30, 90)', 'red'],
    ['rgb(248, 210, 42)', 'yellow'],
    ['rgb(98, 100, 167)', 'accent'],
    ['rgb(37, 36, 36)', 'neutral'],
    ['rgba(37, 36, 36, 0.75)', 'neutral'],
    ['rgba(29, 155, 209, 0.1)', 'neutral'],
    ['rgb(249, 248, 247)', 'neutral'],
    ['transparent', 'neutral'],
  ])('%s is %s', (css, tone) => {
    expect(colourTone(css)).toBe(tone);
  });

  test('emoji carry their colour', () => {
    expect(emojiTone('🚨 deadline passed')).toBe('red');
    expect(emojiTone('✅ met')).toBe('green');
    expect(emojiTone('⚠️ contact details')).toBe('yellow');
    expect(emojiTone('🔔 15 minutes left')).toBe('neutral');
  });
});

describe('the state colour', () => {
  test('a breached case in green, or with nothing red, is a finding; red text passes', () => {
    const green = judge(probe([element('breached, 25 minutes after', { colour: GREEN })]), {
      verdict: 'breached',
    });
    expect(green.map((f) => f.detail)).toEqual([
      'breached but green: "breached, 25 minutes after"',
      'breached but nothing red says so',
    ]);
    expect(judge(probe([element('breached', { colour: RED })]), { verdict: 'breached' })).toEqual([]);
    // A red emoji or a red attachment bar says it as well as red text.
    expect(judge(probe([element('🚨 breached', { emoji: true })]), { verdict: 'breached' })).toEqual([]);
    expect(
      judge(probe([element('breached', { behind: ['rgb(224, 30, 90)'] })]), { verdict: 'breached' }),
    ).toEqual([]);
  });

  test("a button's colour is its style, not the state", () => {
    const found = judge(probe([element('Close', { colour: RED, action: true })]), { verdict: 'met' });
    expect(found).toEqual([{ check: 'state-colour', detail: 'met but nothing green says so' }]);
  });

  test('a met case in red is a finding; a neutral case is not judged by colour', () => {
    expect(
      judge(probe([element('met', { colour: GREEN }), element('late?', { colour: RED })]), {
        verdict: 'met',
      }),
    ).toEqual([{ check: 'state-colour', detail: 'met but red: "late?"' }]);
    expect(judge(probe([element('anything', { colour: RED })]), { verdict: 'neutral' })).toEqual([]);
  });
});

describe('the deadline first', () => {
  const deadline = { instant: Date.parse('2026-03-24T09:00:00Z'), zone: 'America/New_York', locale: 'en-US' };

  test('in the hour forms of each viewer', () => {
    expect(deadlineTexts(deadline)).toContain('5:00 AM');
    expect(deadlineTexts(deadline)).toContain('05:00');
    expect(deadlineTexts({ ...deadline, zone: 'Europe/Berlin', locale: 'de-DE' })).toContain('10:00');
    expect(deadlineTexts({ ...deadline, zone: 'Asia/Tokyo', locale: 'ja-JP' })).toContain('18:00');
  });

  test('a first line without the viewer-local deadline is a finding', () => {
    const expectation = { verdict: 'neutral' as const, deadline };
    expect(judge(probe([element('x')], 'Breached · deadline Today 5:00\u202fAM'), expectation)).toEqual([]);
    // The customer's time (Berlin) is not what a New York viewer reads.
    const wrong = judge(probe([element('x')], 'Deadline 10:00 AM GMT+1'), expectation);
    expect(wrong).toHaveLength(1);
    expect(wrong[0]?.check).toBe('deadline-first');
  });
});

describe('cut text and leaks', () => {
  test('an ellipsis, a clip and text sticking out are findings', () => {
    const found = judge(
      probe([
        element('Clo…', { cut: 'ellipsis' }),
        element('a', { cut: 'clipped' }),
        element('b', { cut: 'overflow' }),
      ]),
      { verdict: 'neutral' },
    );
    expect(found.map((f) => f.check)).toEqual(['truncated', 'truncated', 'truncated']);
  });

  test('raw keys and placeholders are caught; ordinary dotted words are not', () => {
    expect(leakIn('First-response deadline: {{when}}')).toBe('{{when}}');
    expect(leakIn('{{DATE(2026-03-24T09:00:00Z, SHORT)}}')).toBe('{{DATE(2026-03-24T09:00:00Z, SHORT)}}');
    expect(leakIn('See teams:card.apply')).toBe('teams:card.apply');
    expect(leakIn('See card.apply here')).toBe('card.apply');
    expect(leakIn('e.g. docs.slack.dev, 10:00, Case 42: VMs')).toBeUndefined();
  });

  test('nothing drawn is a finding', () => {
    expect(judge({ ...probe([]), height: 0 }, { verdict: 'neutral' })).toEqual([
      { check: 'blank', detail: 'nothing was drawn' },
    ]);
  });
});

describe('known findings', () => {
  const picture = (id: string, check: 'truncated' | 'leak', detail: string): Picture => {
    const [platform, subject = '', variant = '', language = '', width] = id.split('/');
    return {
      id,
      platform: platform as 'teams',
      subject,
      variant,
      language,
      width: width as 'phone',
      about: '',
      file: '',
      findings: [{ check, detail }],
    };
  };

  test('a finding no entry covers is unexpected, and an entry nothing matches is stale', () => {
    const pictures = [
      picture('teams/case/open/de/phone', 'truncated', 'Clo…'),
      picture('teams/case/open/de/desktop', 'leak', 'x'),
    ];
    const known = [
      { where: 'teams/case/*/*/phone', check: 'truncated' as const, why: 'buttons' },
      { where: 'slack/*/*/*/*', check: 'truncated' as const, why: 'nothing matches' },
    ];
    const result = triage(pictures, known);
    expect(result.unexpected).toEqual(['teams/case/open/de/desktop: leak: x']);
    expect(result.stale.map((entry) => entry.why)).toEqual(['nothing matches']);
    // `*` never crosses a "/": a phone entry does not cover the desktop picture.
    expect(
      triage([picture('teams/case/open/de/desktop', 'truncated', 'x')], known.slice(0, 1)).unexpected,
    ).toHaveLength(1);
  });
});

describe('Slack mrkdwn in the preview', () => {
  const viewer: SlackViewer = {
    locale: 'en-US',
    zone: 'America/New_York',
    now: Date.parse('2026-03-24T09:20:00Z'),
    users: { U0ANN: 'Ann Example' },
  };
  const html = (text: string, who: SlackViewer = viewer) => {
    const problems: string[] = [];
    return { html: mrkdwnHtml(text, who, problems), problems };
  };

  test('emphasis, code, quotes, links and mentions', () => {
    expect(html('*Deadline:* _soon_ ~old~ `code`').html).toBe(
      '<b>Deadline:</b> <i>soon</i> <s>old</s> <code class="sk-code">code</code>',
    );
    expect(html('a*b*c and 2 * 3 * 4').html).toBe('a*b*c and 2 * 3 * 4');
    expect(html('<https://example.com/a?b=1&amp;c=2|the case> by <@U0ANN>').html).toBe(
      '<a class="sk-link" href="https://example.com/a?b=1&amp;amp;c=2">the case</a> by <span class="sk-mention">@Ann Example</span>',
    );
    expect(html('&gt; quoted\nnext').html).toBe('<blockquote class="sk-quote">quoted</blockquote>next');
    expect(html('&lt;script&gt;').html).toBe('&lt;script&gt;');
  });

  test('dates in the viewer’s zone and language, "Today" relative to when they look', () => {
    const seconds = Date.parse('2026-03-24T09:00:00Z') / 1000;
    const token = `<!date^${seconds}^{date_short_pretty} {time}|Tue 10:00 GMT+1>`;
    // ICU builds differ in the space before AM (U+202F or U+0020).
    expect(html(token).html.replace('\u202f', ' ')).toBe('Today 5:00 AM');
    expect(html(token, { ...viewer, locale: 'de-DE', zone: 'Europe/Berlin' }).html).toBe('Heute 10:00');
    expect(html(token, { ...viewer, locale: 'ja-JP', zone: 'Asia/Tokyo' }).html).toBe('今日 18:00');
    const tomorrow = { ...viewer, now: Date.parse('2026-03-23T12:00:00Z') };
    expect(dateToken('date_short_pretty', seconds * 1000, tomorrow)).toBe('Tomorrow');
    expect(dateToken('date_short', seconds * 1000, viewer)).toBe('Mar 24, 2026');
    expect(dateToken('date', seconds * 1000, viewer)).toBe('March 24th, 2026');
    const broken = html('<!date^soon^{time}|the fallback>');
    expect(broken.html).toBe('the fallback');
    expect(broken.problems).toHaveLength(1);
    expect(html(`<!date^${seconds}^{weekday}|x>`).problems).toEqual([
      '<!date> token the preview does not know: {weekday}',
    ]);
  });

  test('emoji shortcodes; an unknown one stays text and is reported', () => {
    expect(html(':warning: check').html).toBe('<span class="sk-emoji">⚠️</span> check');
    const unknown = html(':frobnicate: x');
    expect(unknown.html).toBe(':frobnicate: x');
    expect(unknown.problems).toEqual(['emoji shortcode the preview does not know: :frobnicate:']);
  });

  test('a block type the preview does not draw is shown as such and reported', () => {
    const problems: string[] = [];
    const page = surfaceHtml(
      { kind: 'message', message: { blocks: [{ type: 'rich_text_frob' }] } },
      viewer,
      'phone',
      problems,
    );
    expect(page).toContain('sk-unknown');
    expect(problems).toEqual(['block type the preview does not draw: rich_text_frob']);
  });

  test("a modal's inline errors show under their field", () => {
    const problems: string[] = [];
    const view = {
      type: 'modal',
      title: { type: 'plain_text', text: 'Track' },
      blocks: [
        {
          type: 'input',
          block_id: 'case_number',
          label: { type: 'plain_text', text: 'Case number' },
          element: { type: 'plain_text_input', action_id: 'value' },
        },
      ],
    };
    const page = surfaceHtml(
      { kind: 'modal', view, errors: { case_number: 'Give the number.' } },
      viewer,
      'desktop',
      problems,
    );
    expect(page).toContain('sk-has-error');
    expect(page).toContain('Give the number.');
    expect(problems).toEqual([]);
  });
});

describe('the page server', () => {
  test('serves the page and the renderer on loopback, and nothing outside its folders', async () => {
    const server = await startPageServer();
    try {
      expect(new URL(server.pageUrl).hostname).toBe('127.0.0.1');
      expect((await fetch(server.pageUrl)).status).toBe(200);
      const origin = new URL(server.pageUrl).origin;
      expect((await fetch(`${origin}/ac/adaptivecards.min.js`)).status).toBe(200);
      expect((await fetch(`${origin}/teams-host-config.json`)).status).toBe(200);
      for (const path of [
        '/assets/..%2F..%2Fpackage.json',
        '/constructor',
        '/__proto__/x.js',
        '/ac/',
        '/x/../package.json',
      ])
        expect((await fetch(`${origin}${path}`)).status, path).toBe(404);
    } finally {
      await server.close();
    }
  });
});
