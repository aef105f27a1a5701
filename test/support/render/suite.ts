// The picture tests of one platform: photograph every shot of its catalogue (one browser for the
// file), then check each subject, then hold the known findings to what the pictures still show.
// Without Chromium the suite is skipped, saying why; `npm run pictures` (SLA_PICTURES_ONLY=1) only
// writes the pictures.
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { chromiumMissing, VIEWERS, type Viewer, WIDTHS } from './browser.js';
import { concerns, type KnownFinding, triage } from './known.js';
import { PICTURES_DIR, type PicturePlatform, type Shot } from './pictures.js';
import { type Photographs, photograph, type Renderer } from './run.js';

const TAKING_PICTURES_MS = 300_000;

export function pictureSuite<P>(
  platform: PicturePlatform,
  title: string,
  shotsFor: (viewer: Viewer) => Shot<P>[],
  render: Renderer<P>,
  known: readonly KnownFinding[],
): void {
  const missing = chromiumMissing();
  if (missing) {
    test.skip(`${title}: skipped, ${missing}`, () => {});
    return;
  }
  const checking = process.env.SLA_PICTURES_ONLY !== '1';
  const subjects = [
    ...new Set(shotsFor(VIEWERS[0] as Viewer).map((shot) => `${shot.subject}/${shot.variant}`)),
  ];

  describe(title, () => {
    let taken: Photographs;
    beforeAll(async () => {
      taken = await photograph(platform, shotsFor, render);
    }, TAKING_PICTURES_MS);

    test('every card, form and notice is drawn in en, de and ja, at desktop and phone width', () => {
      const expected = VIEWERS.reduce((sum, viewer) => sum + shotsFor(viewer).length, 0) * WIDTHS.length;
      expect(taken.pictures).toHaveLength(expected);
      for (const picture of taken.pictures) {
        const file = join(PICTURES_DIR, picture.file);
        expect(existsSync(file), picture.file).toBe(true);
        expect(statSync(file).size, picture.file).toBeGreaterThan(1000);
      }
      expect(existsSync(taken.index)).toBe(true);
    });

    describe.skipIf(!checking)('checks', () => {
      test.each(subjects)(
        '%s: nothing cut, no raw key, the state in its colour, the deadline first',
        (subject) => {
          const pictures = taken.pictures.filter(
            (picture) => `${picture.subject}/${picture.variant}` === subject,
          );
          expect(pictures.length).toBeGreaterThan(0);
          expect(triage(pictures, known).unexpected).toEqual([]);
        },
      );

      test('every known finding still shows (delete the entries a change fixed)', () => {
        const mine = known.filter((entry) => concerns(entry, taken.pictures));
        const stale = triage(taken.pictures, mine).stale.map(
          (entry) => `${entry.where} ${entry.check}: ${entry.why}`,
        );
        expect(stale).toEqual([]);
      });
    });
  });
}
