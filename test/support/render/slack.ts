// A Slack surface photographed: the Block Kit preview (slack/surface.ts) in the viewer's language,
// zone and width, measured by probe.js, and Slack's published limits checked on the payload.
import type { Page } from 'playwright-core';
import { blockKitProblems, confirmProblems, type Surface } from '../slack-limits.js';
import { type Clip, capture, sizePage, type Viewer, type Width } from './browser.js';
import type { Finding, Probe } from './checks.js';
import type { Rendered, Shot } from './pictures.js';
import type { SlackViewer } from './slack/mrkdwn.js';
import { SLACK_WIDTHS, type SlackSurface, surfaceHtml } from './slack/surface.js';

export type SlackPayload = SlackSurface;

/** Display names for the user ids the messages mention. */
export type SlackUsers = Readonly<Record<string, string>>;

export async function renderSlack(
  page: Page,
  shot: Shot<SlackPayload>,
  viewer: Viewer,
  width: Width,
  users: SlackUsers,
): Promise<Rendered> {
  const surface = shot.payload;
  const slackViewer: SlackViewer = { locale: viewer.locale, zone: viewer.zone, now: shot.at, users };
  const notes: string[] = [];
  const html = surfaceHtml(surface, slackViewer, width, notes);
  const pixels = SLACK_WIDTHS[surface.kind][width];
  await sizePage(page, width);
  const drawn = await page.evaluate(
    (args) =>
      (globalThis as unknown as { renderSlack(a: typeof args): Promise<{ clip: Clip }> }).renderSlack(args),
    { html, lang: viewer.language, width: pixels },
  );
  const probe = await page.evaluate(
    (wantFirstLine) =>
      (globalThis as unknown as { probeLayout(a: string, b: string, c: boolean): Probe }).probeLayout(
        '[data-probe]',
        '[data-content]',
        wantFirstLine,
      ),
    shot.deadline !== undefined,
  );
  const png = await capture(page, drawn.clip);
  const problems: Finding[] = [
    ...[...new Set(notes)].map((detail) => ({ check: 'preview' as const, detail })),
    ...limitProblems(surface).map((detail) => ({ check: 'slack-limits' as const, detail })),
  ];
  return { png, probe, problems };
}

function limitProblems(surface: SlackSurface): string[] {
  if (surface.kind === 'confirm') return confirmProblems(surface.confirm);
  const [payload, kind]: [Parameters<typeof blockKitProblems>[0], Surface] =
    surface.kind === 'message'
      ? [surface.message, 'message']
      : [surface.view as Parameters<typeof blockKitProblems>[0], surface.kind];
  return blockKitProblems(payload, kind);
}
