import { buildApp } from './app.ts';
import { ConfigError, loadConfig } from './config/env.ts';
import type { Database } from './db/database.ts';
import { migrate } from './db/migrate.ts';
import { DatabaseUnavailableError, openDatabase } from './db/open.ts';
import { loadReferenceData } from './db/reference.ts';
import { keepReadingWorkersReady } from './modules/trade/import/reading.ts';

function fail(message: string): never {
  console.error(`SCO Hub cannot start: ${message}`);
  process.exit(1);
}

let db: Database | undefined;
try {
  const config = loadConfig();
  db = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  const { applied, version } = await migrate(db);
  const reference = await loadReferenceData(db);
  const app = await buildApp({ db, trustProxy: config.trustProxy, logger: { level: config.logLevel }, routeSearch: config.routeSearch });
  app.addHook('onClose', keepReadingWorkersReady());
  const address = await app.listen({ port: config.port, host: config.host });
  const where = db.kind === 'pglite' ? `embedded PGlite in ${config.dataDir}` : 'PostgreSQL';
  console.log(`SCO Hub is running at ${address.replace('127.0.0.1', 'localhost')}  (database: ${where}, migration ${version}, ${applied.length} applied now)`);
  app.log.info({ reference }, 'reference data loaded');
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void app.close().then(() => db?.close()).then(() => process.exit(0));
    });
  }
} catch (error) {
  await db?.close().catch(() => undefined);
  if (error instanceof ConfigError || error instanceof DatabaseUnavailableError) fail(error.message);
  fail(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
}
