import { importProblem, importProblemReason, isImportProblemCode, type ImportProblem, type ImportProblemArgs } from '../../../errors/import-problems.ts';
import type { Flow, TradeRecord } from '../model.ts';
import { areaFromAlpha, areaFromCode, areaFromNumeric } from './areas.ts';
import { decimalToCents } from './decimal.ts';

/**
 * A field of a row that cannot be read; the reader adds the file and line. Thrown with a problem code and its
 * params, `new RowError('Year', 'NOT_A_YEAR', { value })`, or with an English reason only, which becomes the
 * problem UNREADABLE.
 */
export class RowError extends Error {
  override readonly name = 'RowError';
  readonly problem: ImportProblem;
  /** In English, as the command line and the rejects file give it. */
  readonly reason: string;
  constructor(
    readonly column: string,
    ...problem: ImportProblemArgs | [reason: string]
  ) {
    const known = isImportProblemCode(problem[0]) ? importProblem(...(problem as ImportProblemArgs)) : importProblem('UNREADABLE', { detail: problem[0] });
    const reason = importProblemReason(known);
    super(`${column}: ${reason}`);
    this.problem = known;
    this.reason = reason;
  }
}

/** What a format makes of one row: records to load, or the reason the row is deliberately left out. */
export type RowOutcome = TradeRecord[] | { skipped: string };

export type RowMapper = (fields: readonly string[]) => RowOutcome;

/** Column positions by header name, with a clear error when a column the format needs is absent. */
export class Columns {
  private readonly index = new Map<string, number>();
  constructor(header: readonly string[]) {
    header.forEach((name, i) => this.index.set(name.trim().replace(/^\uFEFF/, ''), i));
  }
  has(name: string): boolean {
    return this.index.has(name);
  }
  require(name: string): number {
    const i = this.index.get(name);
    if (i === undefined) throw new RowError(name, 'COLUMN_MISSING');
    return i;
  }
  optional(name: string): number | undefined {
    return this.index.get(name);
  }
}

export const field = (fields: readonly string[], i: number | undefined): string => (i === undefined ? '' : (fields[i] ?? '').trim());

export function readYear(text: string, column: string): number {
  const year = Number(text);
  if (!/^\d{4}$/.test(text) || year < 1900 || year > 2200) throw new RowError(column, 'NOT_A_YEAR', { value: text });
  return year;
}

export function readMonth(text: string, column: string): number {
  const month = Number(text);
  if (!/^\d{1,2}$/.test(text) || month < 1 || month > 12) throw new RowError(column, 'NOT_A_MONTH', { value: text });
  return month;
}

export function readValue(text: string, column: string, scalePow10 = 0): bigint {
  const cents = decimalToCents(text, scalePow10);
  if (cents === undefined) throw new RowError(column, 'NOT_A_NUMBER', { value: text });
  if (cents < 0n) throw new RowError(column, 'NEGATIVE_VALUE', { value: text });
  return cents;
}

/** An optional measure (weight, quantity): empty is unknown, anything else must be a number. */
export function readMeasure(text: string, column: string, factor = 1): number | null {
  if (text === '') return null;
  const value = Number(text);
  if (!Number.isFinite(value)) throw new RowError(column, 'NOT_A_NUMBER', { value: text });
  return value * factor;
}

export function readArea(text: string, column: string, kind: 'numeric' | 'alpha' | 'any'): string {
  const area = kind === 'numeric' ? areaFromNumeric(text) : kind === 'alpha' ? areaFromAlpha(text) : areaFromCode(text);
  if (area === undefined) throw new RowError(column, 'UNKNOWN_AREA_CODE', { value: text });
  return area;
}

/** HS codes lose leading zeros in some files (BACI writes 10121 for 010121); the level says how many digits. */
export function readProduct(text: string, column: string): string {
  const code = text.toUpperCase();
  if (code === 'TOTAL' || code === 'ALL') return 'TOTAL';
  if (!/^\d{1,6}$/.test(code)) throw new RowError(column, 'NOT_AN_HS_CODE', { value: text });
  const width = code.length <= 2 ? 2 : code.length <= 4 ? 4 : 6;
  return code.padStart(width, '0');
}

const FLOW_WORDS: Record<string, Flow> = {
  x: 'X',
  export: 'X',
  exports: 'X',
  m: 'M',
  import: 'M',
  imports: 'M',
  rx: 'RX',
  're-export': 'RX',
  're-exports': 'RX',
  rm: 'RM',
  're-import': 'RM',
  're-imports': 'RM',
  // UN Comtrade legacy trade flow codes
  '1': 'M',
  '2': 'X',
  '3': 'RX',
  '4': 'RM',
};

/** Reads a flow; undefined for flows the platform does not analyse (e.g. Comtrade's DX domestic exports). */
export function readFlow(text: string): Flow | undefined {
  return FLOW_WORDS[text.trim().toLowerCase()];
}
