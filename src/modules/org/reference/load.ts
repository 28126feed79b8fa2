import { readFile } from 'node:fs/promises';
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

/** Reads the sourced status history (reference/sco-status-history.csv), checking every row. */
export async function readStatusHistory(file: URL = STATUS_HISTORY): Promise<(StatusHistoryRow & { status: Status })[]> {
  const rows = parse<StatusHistoryRow>(await readFile(file, 'utf8'), { columns: true, skip_empty_lines: true, trim: true });
  return rows.map((row, index) => {
    if (!(STATUSES as readonly string[]).includes(row.status)) {
      throw new ReferenceDataError(`${file.pathname}, line ${index + 2}, field status: unknown status "${row.status}"`);
    }
    return row as StatusHistoryRow & { status: Status };
  });
}

/** Short names where the ISO data gives only a long form (e.g. КНР (Китайская Народная Республика) → Китай), with sources. */
export async function readNameOverrides(file: URL = NAME_OVERRIDES): Promise<Map<string, Partial<LocalisedNames>>> {
  const rows = parse<{ iso3: string; locale: string; name: string; source: string }>(await readFile(file, 'utf8'), { columns: true, trim: true });
  const overrides = new Map<string, Partial<LocalisedNames>>();
  rows.forEach((row, index) => {
    if (!isLocale(row.locale)) throw new ReferenceDataError(`${file.pathname}, line ${index + 2}, field locale: unknown locale "${row.locale}"`);
    overrides.set(row.iso3, { ...overrides.get(row.iso3), [row.locale]: row.name });
  });
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
