// The pictures' page, Microsoft's Adaptive Cards bundle, Teams' host config and the fonts, served on
// loopback for the browser the test starts. Only the listed folders, only plain file names.
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const load = createRequire(import.meta.url);
const packageDir = (name: string) => dirname(load.resolve(`${name}/package.json`));

/** URL folder → folder on disk. */
const FOLDERS: Readonly<Record<string, string>> = {
  assets: join(here, 'assets'),
  ac: join(packageDir('adaptivecards'), 'dist'),
  'fonts/noto': join(packageDir('@fontsource-variable/noto-sans'), 'files'),
  'fonts/lato': join(packageDir('@fontsource/lato'), 'files'),
};
const FILES: Readonly<Record<string, string>> = {
  'teams-host-config.json': join(here, 'teams-host-config.json'),
};
const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

export interface PageServer {
  /** The page that renders both platforms. */
  readonly pageUrl: string;
  close(): Promise<void>;
}

export async function startPageServer(): Promise<PageServer> {
  const server: Server = createServer(async (request, response) => {
    const file = fileFor(new URL(request.url ?? '/', 'http://localhost').pathname);
    const type = file ? TYPES[extname(file)] : undefined;
    if (!file || !type) {
      response.writeHead(404).end();
      return;
    }
    try {
      const body = await readFile(file);
      response.writeHead(200, { 'content-type': type, 'cache-control': 'max-age=3600' }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    pageUrl: `http://127.0.0.1:${port}/assets/page.html`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function fileFor(path: string): string | undefined {
  const own = (table: Readonly<Record<string, string>>, key: string) =>
    Object.hasOwn(table, key) ? table[key] : undefined;
  const named = own(FILES, path.slice(1));
  if (named) return named;
  const slash = path.lastIndexOf('/');
  const folder = own(FOLDERS, path.slice(1, slash));
  const name = path.slice(slash + 1);
  return folder && /^\w[\w.-]*$/.test(name) ? join(folder, name) : undefined;
}
