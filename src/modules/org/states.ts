import type { Queryable } from '../../db/database.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { DomainError } from '../../errors/domain-error.ts';
import { countryCodes, countryNames, type LocalisedNames } from './countries.ts';
import type { DatePrecision, State, Status, StatusEntry } from './model.ts';
import { parseSourceDate, sortHistory, statusAsOf } from './status-history.ts';

interface StateRow {
  iso3: string;
  iso2: string;
  m49: string;
  name_en: string;
  name_ru: string;
  name_zh_hans: string;
  name_zh_hant: string;
}

interface StatusRow {
  id: string;
  iso3: string;
  status: Status;
  since: string | null;
  since_precision: DatePrecision;
  event: string;
  source: string;
}

const toEntry = (row: StatusRow): StatusEntry => ({
  id: row.id,
  status: row.status,
  since: row.since,
  sincePrecision: row.since_precision,
  event: row.event,
  source: row.source,
});

async function loadStates(db: Queryable, iso3?: string): Promise<State[]> {
  const where = iso3 === undefined ? '' : 'WHERE iso3 = $1';
  const params = iso3 === undefined ? [] : [iso3];
  const [stateRows, statusRows] = await Promise.all([
    db.query<StateRow>(`SELECT iso3, iso2, m49, name_en, name_ru, name_zh_hans, name_zh_hant FROM states ${where} ORDER BY iso3`, params),
    db.query<StatusRow>(`SELECT id, iso3, status, since::text AS since, since_precision, event, source FROM state_statuses ${where} ORDER BY since NULLS FIRST, seq`, params),
  ]);
  const histories = new Map<string, StatusEntry[]>();
  for (const row of statusRows) {
    const list = histories.get(row.iso3) ?? [];
    list.push(toEntry(row));
    histories.set(row.iso3, list);
  }
  return stateRows.map((row) => ({
    iso3: row.iso3,
    iso2: row.iso2,
    m49: row.m49,
    names: { en: row.name_en, ru: row.name_ru, 'zh-Hans': row.name_zh_hans, 'zh-Hant': row.name_zh_hant },
    history: sortHistory(histories.get(row.iso3) ?? []),
  }));
}

/** Every state in the registry; with `status`, only those holding it on `asOf`. */
export async function listStates(db: Queryable, filter: { asOf: string; status?: Status | undefined }): Promise<State[]> {
  const states = await loadStates(db);
  return filter.status === undefined ? states : states.filter((state) => statusAsOf(state.history, filter.asOf) === filter.status);
}

export async function getState(db: Queryable, iso3Input: string): Promise<State> {
  const iso3 = iso3Input.trim().toUpperCase();
  const [state] = await loadStates(db, iso3);
  if (!state) throw new DomainError('STATE_NOT_FOUND', { iso3 });
  return state;
}

/** Adds a state by ISO code, with names from ISO 3166 data unless given; does nothing if present and `ifAbsent`. */
export async function addState(db: Queryable, input: { iso3: string; names?: Partial<LocalisedNames> | undefined }, ifAbsent = false): Promise<void> {
  const codes = countryCodes(input.iso3);
  const names = { ...countryNames(codes.iso3), ...input.names };
  try {
    await db.query(
      `INSERT INTO states (iso3, iso2, m49, name_en, name_ru, name_zh_hans, name_zh_hant) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ${ifAbsent ? 'ON CONFLICT (iso3) DO NOTHING' : ''}`,
      [codes.iso3, codes.iso2, codes.m49, names.en, names.ru, names['zh-Hans'], names['zh-Hant']],
    );
  } catch (error) {
    if (isUniqueViolation(error, 'states_pkey')) throw new DomainError('STATE_EXISTS', { iso3: codes.iso3 });
    throw error;
  }
}

export async function renameState(db: Queryable, iso3Input: string, names: Partial<LocalisedNames>): Promise<State> {
  const state = await getState(db, iso3Input);
  const merged = { ...state.names, ...names };
  await db.query(
    `UPDATE states SET name_en = $2, name_ru = $3, name_zh_hans = $4, name_zh_hant = $5, updated_at = now() WHERE iso3 = $1`,
    [state.iso3, merged.en, merged.ru, merged['zh-Hans'], merged['zh-Hant']],
  );
  return { ...state, names: merged };
}

export interface NewStatusEntry {
  status: Status;
  /** 'YYYY-MM-DD', 'YYYY', or null when the source gives no date. */
  since: string | null;
  event: string;
  source: string;
}

/** Records a change of status with its source; `ifAbsent` makes re-loading reference data a no-op. */
export async function addStatusEntry(
  db: Queryable,
  iso3Input: string,
  entry: NewStatusEntry,
  options: { createdBy?: string | null; ifAbsent?: boolean } = {},
): Promise<StatusEntry | undefined> {
  const iso3 = iso3Input.trim().toUpperCase();
  const { since, sincePrecision } = parseSourceDate(entry.since);
  const [exists] = await db.query('SELECT 1 FROM states WHERE iso3 = $1', [iso3]);
  if (!exists) throw new DomainError('STATE_NOT_FOUND', { iso3 });
  try {
    const rows = await db.query<StatusRow>(
      `INSERT INTO state_statuses (iso3, status, since, since_precision, event, source, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ${options.ifAbsent ? `ON CONFLICT (iso3, status, coalesce(since, '-infinity'::date)) DO NOTHING` : ''}
       RETURNING id, iso3, status, since::text AS since, since_precision, event, source`,
      [iso3, entry.status, since, sincePrecision, entry.event.trim(), entry.source.trim(), options.createdBy ?? null],
    );
    return rows[0] && toEntry(rows[0]);
  } catch (error) {
    if (isUniqueViolation(error, 'state_statuses_entry_key')) {
      throw new DomainError('STATUS_ENTRY_EXISTS', { iso3, status: entry.status, since: since ?? '?' });
    }
    throw error;
  }
}
