import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import type { Queryable } from '../../../db/database.ts';
import { isLocale } from '../../../i18n/locale.ts';
import type { LocalisedNames } from '../countries.ts';
import { addIndicator, type NewIndicator } from '../indicators.ts';
import { STATUSES, type Status } from '../model.ts';
import { addState, addStatusEntry } from '../states.ts';

const STATUS_HISTORY = new URL('../../../../reference/sco-status-history.csv', import.meta.url);
const SEED_INDICATORS = new URL('./seed-indicators.json', import.meta.url);
const NAME_OVERRIDES = new URL('../../../../reference/state-name-overrides.csv', import.meta.url);

interface StatusHistoryRow {
  iso3: string;
  status: string;
  since: string;
  event: string;
  source: string;
}

export class ReferenceDataError extends Error {
  override readonly name = 'ReferenceDataError';
}

/** A small reference CSV with a header row; each record keeps the line it ended on, for error messages. */
async function readCsv<T>(file: URL): Promise<{ record: T; line: number }[]> {
  const rows = parse<{ record: T; info: { lines: number } }>(await readFile(file, 'utf8'), {
    columns: true,
    skip_empty_lines: true,
    trim: true,
    info: true,
  });
  return rows.map(({ record, info }) => ({ record, line: info.lines }));
}

/** Reads the sourced status history (reference/sco-status-history.csv), checking every row. */
export async function readStatusHistory(file: URL = STATUS_HISTORY): Promise<(StatusHistoryRow & { status: Status })[]> {
  return (await readCsv<StatusHistoryRow>(file)).map(({ record, line }) => {
    if (!(STATUSES as readonly string[]).includes(record.status)) {
      throw new ReferenceDataError(`${fileURLToPath(file)}, line ${line}, field status: unknown status "${record.status}"`);
    }
    return record as StatusHistoryRow & { status: Status };
  });
}

/** Short names where the ISO data gives only a long form (e.g. КНР (Китайская Народная Республика) → Китай), with sources. */
export async function readNameOverrides(file: URL = NAME_OVERRIDES): Promise<Map<string, Partial<LocalisedNames>>> {
  const overrides = new Map<string, Partial<LocalisedNames>>();
  for (const { record, line } of await readCsv<{ iso3: string; locale: string; name: string; source: string }>(file)) {
    if (!isLocale(record.locale)) throw new ReferenceDataError(`${fileURLToPath(file)}, line ${line}, field locale: unknown locale "${record.locale}"`);
    overrides.set(record.iso3, { ...overrides.get(record.iso3), [record.locale]: record.name });
  }
  return overrides;
}

export async function readSeedIndicators(file: URL = SEED_INDICATORS): Promise<NewIndicator[]> {
  return JSON.parse(await readFile(file, 'utf8')) as NewIndicator[];
}

/**
 * Loads the organisation's reference data: states and their sourced status history, and the seed report's figures.
 * Idempotent: existing rows (including an admin's later edits) are left untouched.
 */
export async function loadOrgReference(tx: Queryable): Promise<{ states: number; statuses: number; indicators: number }> {
  const history = await readStatusHistory();
  const names = await readNameOverrides();
  const counts = { states: 0, statuses: 0, indicators: 0 };
  for (const iso3 of new Set(history.map((row) => row.iso3))) {
    const before = await tx.query('SELECT 1 FROM states WHERE iso3 = $1', [iso3]);
    await addState(tx, { iso3, names: names.get(iso3) }, true);
    if (before.length === 0) counts.states += 1;
  }
  for (const row of history) {
    if (await addStatusEntry(tx, row.iso3, row, { ifAbsent: true })) counts.statuses += 1;
  }
  for (const indicator of await readSeedIndicators()) {
    if (await addIndicator(tx, indicator, { ifAbsent: true })) counts.indicators += 1;
  }
  return counts;
}
