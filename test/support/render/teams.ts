// A Teams card photographed: Microsoft's renderer draws it in the page (assets/teams.js), probe.js
// measures it, and the screenshot covers the frame and any open overflow menu.
import type { Page } from 'playwright-core';
import { type Clip, capture, sizePage, type Viewer, type Width } from './browser.js';
import type { Finding, Probe } from './checks.js';
import type { Rendered, Shot } from './pictures.js';

/** A card in a channel message, or in a dialog (a task module) with its title. */
export interface TeamsPayload {
  readonly card: unknown;
  readonly frame: 'message' | 'dialog';
  readonly title?: string;
  /** Open the "…" menu of `mode: 'secondary'` actions in the picture. */
  readonly openOverflow?: boolean;
  /**
   * Buttons pressed, in order, before the picture (by their title): a shown card ("More…", a
   * confirmation) or a toggled container ("More options") opens as Teams opens it.
   */
  readonly open?: readonly string[];
}

/** The card column: Teams' message pane on a desktop, and on a phone; a dialog is wider on a desktop. */
export const TEAMS_WIDTHS: Readonly<Record<TeamsPayload['frame'], Record<Width, number>>> = {
  message: { desktop: 500, phone: 320 },
  dialog: { desktop: 600, phone: 340 },
};

export async function renderTeams(
  page: Page,
  shot: Shot<TeamsPayload>,
  viewer: Viewer,
  width: Width,
): Promise<Rendered> {
  const { card, frame, title, openOverflow, open } = shot.payload;
  const pixels = TEAMS_WIDTHS[frame][width];
  await sizePage(page, width);
  const drawn = await page.evaluate(
    (args) =>
      (
        globalThis as unknown as {
          renderTeams(a: typeof args): Promise<{ problems: string[]; clip: Clip }>;
        }
      ).renderTeams(args),
    {
      card,
      width: pixels,
      kind: frame,
      title: title ?? '',
      lang: viewer.language,
      at: shot.at,
      openOverflow: openOverflow ?? true,
      open: open ?? [],
    },
  );
  const probe = await page.evaluate(
    (wantFirstLine) =>
      (globalThis as unknown as { probeLayout(a: string, b: string, c: boolean): Probe }).probeLayout(
        '[data-probe], .ac-ctrl-popup-container',
        '[data-content]',
        wantFirstLine,
      ),
    shot.deadline !== undefined,
  );
  const png = await capture(page, drawn.clip);
  const problems: Finding[] = drawn.problems.map((detail) => ({ check: 'renderer', detail }));
  return { png, probe, problems };
}
