/** The one interface every module uses to reach the database, whether embedded PGlite or a PostgreSQL server. */
export type DatabaseKind = 'pglite' | 'postgresql';

export type Row = Record<string, unknown>;

export interface Queryable {
  query<T = Row>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
  /**
   * Bulk-loads CSV text (no header; NULL as an empty unquoted field) into `table` with COPY, streaming the chunks
   * in bounded memory. Returns the number of rows loaded.
   */
  copyFrom(table: string, columns: readonly string[], csv: AsyncIterable<string> | Iterable<string>): Promise<number>;
  /**
   * Bulk-loads tuples in binary COPY format (see binary-copy.ts) into `table`; each chunk holds whole tuples, the
   * header and trailer are added here. Returns the number of rows loaded.
   */
  copyBinaryFrom(table: string, columns: readonly string[], tuples: AsyncIterable<Uint8Array> | Iterable<Uint8Array>): Promise<number>;
}

/** Quotes an SQL identifier; used for the table and column names of COPY, which cannot be bound parameters. */
export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export function copyStatement(table: string, columns: readonly string[], source: string, format: 'csv' | 'binary' = 'csv'): string {
  return `COPY ${quoteIdentifier(table)} (${columns.map(quoteIdentifier).join(', ')}) FROM ${source} WITH (FORMAT ${format})`;
}

export interface Database extends Queryable {
  readonly kind: DatabaseKind;
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * Type parsers shared by both drivers, so a query returns the same JavaScript values on each:
 * int8 as number (counts), numeric as an exact decimal string, date as 'YYYY-MM-DD'.
 */
export const INT8_OID = 20;
export const NUMERIC_OID = 1700;
export const DATE_OID = 1082;

export function parseInt8(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new RangeError(`int8 value ${text} exceeds the safe integer range; select it as numeric`);
  return value;
}

export const identity = (text: string): string => text;
