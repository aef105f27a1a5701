// A throwaway PostgreSQL cluster for tests: initdb into a temp dir, start on a free loopback port,
// stop with `pg_ctl -m immediate` and remove the dir. Root cannot run postgres, so as root every
// server command runs as the `postgres` user.
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';

export interface TestPostgres {
  /** postgres:// URL of the database created at start. */
  url: string;
  /** A new empty database on the same cluster. */
  createDatabase(): Promise<string>;
  stop(): Promise<void>;
}

export const notInstalledMessage =
  'PostgreSQL not installed: skipping Postgres store tests (apt-get install postgresql)';

/** The newest installed server's bin dir (PG_BIN overrides), or null. */
export function findPostgresBin(): string | null {
  const candidates = process.env.PG_BIN ? [process.env.PG_BIN] : [];
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((v) => join(root, v, 'bin')));
  }
  return candidates.find((dir) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl'))) ?? null;
}

const running = new Set<() => void>();
// A worker that exits without afterAll (a crash, a timeout) still stops its clusters.
process.on('exit', () => {
  for (const stop of running) stop();
});

export async function startPostgres(): Promise<TestPostgres | null> {
  const bin = findPostgresBin();
  if (!bin) return null;
  const asRoot = process.getuid?.() === 0;
  const run = (tool: string, args: string[]) => {
    const [cmd, argv] = asRoot
      ? ['runuser', ['-u', 'postgres', '--', join(bin, tool), ...args]]
      : [join(bin, tool), args];
    const result = spawnSync(cmd, argv, { encoding: 'utf8' });
    if (result.status !== 0)
      throw new Error(`${tool} failed (${result.status}): ${result.stderr || result.stdout}`);
  };

  const dir = mkdtempSync(join(tmpdir(), 'sla-bot-pg-'));
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
  }
  const data = join(dir, 'data');
  const port = await freePort();
  const stopSync = () => {
    running.delete(stopSync);
    spawnSync(asRoot ? 'runuser' : join(bin, 'pg_ctl'), [
      ...(asRoot ? ['-u', 'postgres', '--', join(bin, 'pg_ctl')] : []),
      'stop',
      '-D',
      data,
      '-m',
      'immediate',
      '-w',
    ]);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C', '--no-sync']);
    running.add(stopSync);
    // Durability is pointless for a throwaway cluster: turning it off makes the suite much faster.
    const serverOptions = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
    run('pg_ctl', [
      'start',
      '-D',
      data,
      '-l',
      join(dir, 'server.log'),
      '-w',
      '-t',
      '60',
      '-o',
      serverOptions,
    ]);
  } catch (error) {
    stopSync();
    throw error;
  }

  const base = `postgres://postgres@127.0.0.1:${port}`;
  let counter = 0;
  const createDatabase = async () => {
    const name = `sla_test_${++counter}`;
    const admin = new pg.Client({ connectionString: `${base}/postgres` });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${name}`);
    } finally {
      await admin.end();
    }
    return `${base}/${name}`;
  };
  const url = await createDatabase();
  return { url, createDatabase, stop: async () => stopSync() };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * A describe block whose tests share one throwaway cluster; `database()` makes a fresh database and
 * returns its URL. Skipped, with the message saying why, only when PostgreSQL is not installed.
 */
export function describeWithPostgres(title: string, body: (database: () => Promise<string>) => void): void {
  if (findPostgresBin() === null) {
    console.warn(notInstalledMessage);
    describe.skip(title, () => body(async () => ''));
    return;
  }
  describe(title, () => {
    let server: TestPostgres | null = null;
    beforeAll(async () => {
      server = await startPostgres();
    }, 120_000);
    afterAll(async () => {
      await server?.stop();
    });
    body(async () => {
      if (!server) throw new Error('PostgreSQL did not start');
      return server.createDatabase();
    });
  });
}
