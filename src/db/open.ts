import { join } from 'node:path';
import type { Database } from './database.ts';
import { openPglite } from './pglite.ts';
import { openPostgres } from './postgres.ts';

export interface DatabaseTarget {
  /** A postgres:// URL; when absent the embedded database under `dataDir` is used. */
  url?: string | undefined;
  dataDir: string;
}

export class DatabaseUnavailableError extends Error {
  override readonly name = 'DatabaseUnavailableError';
}

/** Opens the configured database, turning driver failures into one message that says where it tried. */
export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if (!target.url) return openPglite(join(target.dataDir, 'pglite'));
  try {
    return await openPostgres(target.url);
  } catch (error) {
    throw new DatabaseUnavailableError(
      `Cannot connect to the PostgreSQL server given by DATABASE_URL (${redactUrl(target.url)}): ${describeError(error)}`,
    );
  }
}

export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable URL)';
  }
}

export function describeError(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return describeError(error.errors[0]);
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === 'string' && !error.message.includes(code) ? `${error.message} (${code})` : error.message;
  }
  return String(error);
}
