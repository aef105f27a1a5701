// One headless Chromium (Debian's) per test file, one browser context per viewer (their locale and
// time zone, so the page formats dates as that person's client does), and a few pages that take the
// pictures in parallel.
import { existsSync } from 'node:fs';
import { type Browser, type BrowserContext, type CDPSession, chromium, type Page } from 'playwright-core';

export const CHROMIUM = process.env.SLA_CHROMIUM ?? '/usr/bin/chromium';

/** Why the picture tests cannot run here, or null when they can. */
export function chromiumMissing(): string | null {
  return existsSync(CHROMIUM)
    ? null
    : `no Chromium at ${CHROMIUM}: install Debian's package (apt-get install chromium fonts-noto-cjk fonts-noto-color-emoji) to render the pictures`;
}

/** The person looking at a picture: the client's language and the zone it shows times in. */
export interface Viewer {
  readonly language: 'en' | 'de' | 'ja';
  readonly locale: string;
  readonly zone: string;
}

// The English reader sits in New York and the Japanese one in Tokyo, far from the customer's Berlin:
// a time shown in the customer's zone instead of the viewer's is then visibly wrong. The German reader
// shares the customer's zone.
export const VIEWERS: readonly Viewer[] = [
  { language: 'en', locale: 'en-US', zone: 'America/New_York' },
  { language: 'de', locale: 'de-DE', zone: 'Europe/Berlin' },
  { language: 'ja', locale: 'ja-JP', zone: 'Asia/Tokyo' },
];

export type Width = 'desktop' | 'phone';
/** Tall enough for the longest dialog: a screenshot inside the viewport is much cheaper than a full page. */
export const VIEWPORT_HEIGHT = 3200;
export const WIDTHS: readonly Width[] = ['desktop', 'phone'];
/** The page around a frame (which sets its own width): wide enough for the widest frame of each. */
export const PAGE_WIDTHS: Readonly<Record<Width, number>> = { desktop: 840, phone: 420 };

export interface PictureBrowser {
  /** Runs every job on a page of its viewer's context, `pagesPerViewer` at a time per viewer. */
  run<T>(jobs: ReadonlyArray<{ viewer: Viewer; work: (page: Page) => Promise<T> }>): Promise<T[]>;
  close(): Promise<void>;
}

export async function openBrowser(pageUrl: string, pagesPerViewer = 1): Promise<PictureBrowser> {
  // A fresh profile each launch (Playwright makes a temporary user data dir).
  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const scale = Number(process.env.SLA_PICTURES_SCALE) || 1;
  const contexts = new Map<string, BrowserContext>();
  const pages = new Map<string, Page[]>();
  try {
    for (const viewer of VIEWERS) {
      const context = await browser.newContext({
        locale: viewer.locale,
        timezoneId: viewer.zone,
        deviceScaleFactor: scale,
        viewport: { width: 800, height: VIEWPORT_HEIGHT },
      });
      contexts.set(viewer.language, context);
      const opened: Page[] = [];
      for (let i = 0; i < pagesPerViewer; i += 1) {
        const page = await context.newPage();
        await page.goto(pageUrl);
        opened.push(page);
      }
      pages.set(viewer.language, opened);
    }
  } catch (error) {
    await browser.close();
    throw error;
  }
  return {
    async run(jobs) {
      const results: unknown[] = new Array(jobs.length);
      const workers: Promise<void>[] = [];
      for (const [language, own] of pages) {
        const queue = jobs
          .map((job, index) => ({ job, index }))
          .filter(({ job }) => job.viewer.language === language);
        for (const page of own)
          workers.push(
            (async () => {
              for (let next = queue.shift(); next; next = queue.shift())
                results[next.index] = await next.job.work(page);
            })(),
          );
      }
      await Promise.all(workers);
      return results as never;
    },
    close: () => browser.close(),
  };
}

const widths = new WeakMap<Page, number>();

/** Sets the page's width; a resize lays the whole page out again, so only when it changes. */
export async function sizePage(page: Page, width: Width): Promise<void> {
  if (widths.get(page) === PAGE_WIDTHS[width]) return;
  await page.setViewportSize({ width: PAGE_WIDTHS[width], height: VIEWPORT_HEIGHT });
  // The page's resize event lands a little later; a popup opened before it (Teams' "…" menu) would
  // close at it. Wait until the page has the width and a frame has passed.
  await page.waitForFunction((wanted) => {
    const view = globalThis as unknown as {
      innerWidth: number;
      requestAnimationFrame(next: () => void): void;
    };
    return (
      view.innerWidth === wanted && new Promise((resolve) => view.requestAnimationFrame(() => resolve(true)))
    );
  }, PAGE_WIDTHS[width]);
  widths.set(page, PAGE_WIDTHS[width]);
}

export interface Clip {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

const sessions = new WeakMap<Page, CDPSession>();

/**
 * A PNG of part of the page, straight from Chromium's DevTools protocol: about twice as fast as
 * Playwright's screenshot (no waiting for animations the pages do not have, encoding for speed).
 */
export async function capture(page: Page, clip: Clip): Promise<Buffer> {
  let session = sessions.get(page);
  if (!session) {
    session = await page.context().newCDPSession(page);
    sessions.set(page, session);
  }
  const shot = await session.send('Page.captureScreenshot', {
    format: 'png',
    clip: { x: clip.x, y: clip.y, width: Math.ceil(clip.width), height: Math.ceil(clip.height), scale: 1 },
    optimizeForSpeed: true,
  });
  return Buffer.from(shot.data, 'base64');
}
