import { afterAll, beforeAll, describe } from 'vitest';
import { openPostgresStore } from '../../src/store/postgres.js';
import {
  findPostgresBin,
  notInstalledMessage,
  startPostgres,
  type TestPostgres,
} from '../support/postgres.js';
import { storeSuite } from './store-suite.js';

const installed = findPostgresBin() !== null;
if (!installed) console.warn(notInstalledMessage);

(installed ? describe : describe.skip)('PostgreSQL store', () => {
  let server: TestPostgres | null = null;
  beforeAll(async () => {
    server = await startPostgres();
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
  });

  // Each test gets its own database, so migrations always start from nothing.
  storeSuite(async () => {
    if (!server) throw new Error('PostgreSQL did not start');
    const url = await server.createDatabase();
    return { open: () => openPostgresStore({ url, poolSize: 4 }) };
  });
});
