// Takes every picture of one platform: each shot of its catalogue, for each viewer, at each width, on
// one browser with a few pages in parallel; writes the PNGs and the index.
import type { Page } from 'playwright-core';
import { openBrowser, VIEWERS, type Viewer, WIDTHS, type Width } from './browser.js';
import {
  type Picture,
  type PicturePlatform,
  picture,
  type Rendered,
  type Shot,
  writeIndex,
} from './pictures.js';
import { startPageServer } from './server.js';

export type Renderer<P> = (page: Page, shot: Shot<P>, viewer: Viewer, width: Width) => Promise<Rendered>;

export interface Photographs {
  readonly pictures: readonly Picture[];
  /** The reviewer's page over every platform's pictures so far. */
  readonly index: string;
}

export async function photograph<P>(
  platform: PicturePlatform,
  shotsFor: (viewer: Viewer) => Shot<P>[],
  render: Renderer<P>,
): Promise<Photographs> {
  const server = await startPageServer();
  try {
    const browser = await openBrowser(server.pageUrl, Number(process.env.SLA_PICTURES_PAGES) || 1);
    try {
      // All of one width together: a page changes its width as seldom as possible.
      const jobs = VIEWERS.flatMap((viewer) =>
        WIDTHS.flatMap((width) =>
          shotsFor(viewer).map((shot) => ({
            viewer,
            work: async (page: Page) =>
              picture(platform, shot, viewer, width, await render(page, shot, viewer, width)),
          })),
        ),
      );
      const pictures = await browser.run(jobs);
      return { pictures, index: writeIndex(platform, pictures) };
    } finally {
      await browser.close();
    }
  } finally {
    await server.close();
  }
}
