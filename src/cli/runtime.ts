import { loadConfig } from '../config/env.ts';
import type { Database } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';
import { openDatabase } from '../db/open.ts';
import { loadReferenceData } from '../db/reference.ts';
import { errorMessage } from '../errors/messages.ts';
import { DomainError } from '../errors/domain-error.ts';

/** A failure the command line reports as one plain sentence. */
export class CliError extends Error {
  override readonly name = 'CliError';
}

/** Opens the configured database, brings its schema up to date, runs `work`, and always closes it. */
export async function withDatabase<T>(work: (db: Database) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const db = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrate(db);
    await loadReferenceData(db);
    return await work(db);
  } catch (error) {
    if (error instanceof DomainError) throw new CliError(errorMessage(error.code, 'en', error.params));
    throw error;
  } finally {
    await db.close();
  }
}
