import { openPostgresStore } from '../../src/store/postgres.js';
import { describeWithPostgres } from '../support/postgres.js';
import { postgresRaw } from './raw-sql.js';
import { storeSuite } from './store-suite.js';

describeWithPostgres('PostgreSQL store', (database) => {
  // Each test gets its own database, so migrations always start from nothing.
  storeSuite(async () => {
    const url = await database();
    return { open: () => openPostgresStore({ url, poolSize: 4 }), sql: postgresRaw(url) };
  });
});
