import type { Queryable } from '../../db/database.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { DomainError } from '../../errors/domain-error.ts';
import type { Indicator, Qualifier } from './model.ts';
import { assertPeriod } from './period.ts';

export type NewIndicator = Omit<Indicator, 'id'>;

interface IndicatorRow {
  id: string;
  key: string;
  subject: string;
  metric: string;
  reporter: string | null;
  partner: string | null;
  period: string;
  value: string;
  unit: string;
  qualifier: Qualifier;
  base_period: string | null;
  source: string;
  quote: string;
}

const COLUMNS = 'id, key, subject, metric, reporter, partner, period, value::text AS value, unit, qualifier, base_period, source, quote';

const toIndicator = (row: IndicatorRow): Indicator => ({
  id: row.id,
  key: row.key,
  subject: row.subject,
  metric: row.metric,
  reporter: row.reporter,
  partner: row.partner,
  period: row.period,
  value: row.value,
  unit: row.unit,
  qualifier: row.qualifier,
  basePeriod: row.base_period,
  source: row.source,
  quote: row.quote,
});

export interface IndicatorFilter {
  metric?: string | undefined;
  reporter?: string | undefined;
  partner?: string | undefined;
  period?: string | undefined;
}

export async function listIndicators(db: Queryable, filter: IndicatorFilter = {}): Promise<Indicator[]> {
  const rows = await db.query<IndicatorRow>(
    `SELECT ${COLUMNS} FROM indicators
      WHERE ($1::text IS NULL OR metric = $1) AND ($2::text IS NULL OR reporter = $2)
        AND ($3::text IS NULL OR partner = $3) AND ($4::text IS NULL OR period = $4)
      ORDER BY key`,
    [filter.metric ?? null, filter.reporter ?? null, filter.partner ?? null, filter.period ?? null],
  );
  return rows.map(toIndicator);
}

export async function getIndicator(db: Queryable, id: string): Promise<Indicator> {
  const rows = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)
    ? await db.query<IndicatorRow>(`SELECT ${COLUMNS} FROM indicators WHERE id = $1`, [id])
    : [];
  if (!rows[0]) throw new DomainError('INDICATOR_NOT_FOUND', { id });
  return toIndicator(rows[0]);
}

function validate<T extends Partial<NewIndicator>>(indicator: T): T {
  if (indicator.period !== undefined) assertPeriod(indicator.period);
  if (indicator.basePeriod) assertPeriod(indicator.basePeriod);
  return indicator;
}

/** Adds a published figure; with `ifAbsent`, an indicator whose key exists is left as it is (and undefined returned). */
export async function addIndicator(
  db: Queryable,
  input: NewIndicator,
  options: { createdBy?: string | null; ifAbsent?: boolean } = {},
): Promise<Indicator | undefined> {
  const i = validate(input);
  try {
    const rows = await db.query<IndicatorRow>(
      `INSERT INTO indicators (key, subject, metric, reporter, partner, period, value, unit, qualifier, base_period, source, quote, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
       ${options.ifAbsent ? 'ON CONFLICT (key) DO NOTHING' : ''}
       RETURNING ${COLUMNS}`,
      [i.key, i.subject, i.metric, i.reporter, i.partner, i.period, i.value, i.unit, i.qualifier, i.basePeriod, i.source, i.quote, options.createdBy ?? null],
    );
    return rows[0] && toIndicator(rows[0]);
  } catch (error) {
    if (isUniqueViolation(error, 'indicators_key')) throw new DomainError('INDICATOR_KEY_TAKEN', { key: i.key });
    throw error;
  }
}

export async function updateIndicator(db: Queryable, id: string, changes: Partial<Omit<NewIndicator, 'key'>>): Promise<Indicator> {
  const merged = validate({ ...(await getIndicator(db, id)), ...changes });
  const rows = await db.query<IndicatorRow>(
    `UPDATE indicators SET subject = $2, metric = $3, reporter = $4, partner = $5, period = $6, value = $7, unit = $8,
            qualifier = $9, base_period = $10, source = $11, quote = $12, updated_at = now()
      WHERE id = $1 RETURNING ${COLUMNS}`,
    [id, merged.subject, merged.metric, merged.reporter, merged.partner, merged.period, merged.value, merged.unit, merged.qualifier, merged.basePeriod, merged.source, merged.quote],
  );
  return toIndicator(rows[0]!);
}
