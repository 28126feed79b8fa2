import type { Database, Queryable } from '../../../db/database.ts';
import { DomainError } from '../../../errors/domain-error.ts';
import { dropDataset } from '../import/import-dataset.ts';

export interface Dataset {
  id: string;
  name: string;
  release: string;
  layout: string;
  reconciled: boolean;
  synthetic: boolean;
  sourceFile: string;
  rowsRead: number;
  records: number;
  rejected: number;
  skipped: Record<string, number>;
  firstYear: number | null;
  lastYear: number | null;
  reporters: number;
  totalValue: string;
  importedAt: string;
}

interface DatasetRow {
  id: string;
  name: string;
  release: string;
  layout: string;
  reconciled: boolean;
  synthetic: boolean;
  source_file: string;
  rows_read: number;
  records: number;
  rejected: number;
  skipped: Record<string, number> | string;
  first_year: number | null;
  last_year: number | null;
  reporters: number;
  total_value: string;
  imported_at: Date;
}

const toDataset = (row: DatasetRow): Dataset => ({
  id: row.id,
  name: row.name,
  release: row.release,
  layout: row.layout,
  reconciled: row.reconciled,
  synthetic: row.synthetic,
  sourceFile: row.source_file,
  rowsRead: row.rows_read,
  records: row.records,
  rejected: row.rejected,
  skipped: typeof row.skipped === 'string' ? (JSON.parse(row.skipped) as Record<string, number>) : row.skipped,
  firstYear: row.first_year,
  lastYear: row.last_year,
  reporters: row.reporters,
  totalValue: row.total_value,
  importedAt: row.imported_at.toISOString(),
});

const COLUMNS = `id, name, release, layout, reconciled, synthetic, source_file, rows_read, records, rejected, skipped,
  first_year, last_year, reporters, total_value::text AS total_value, imported_at`;

export async function listDatasets(db: Queryable): Promise<Dataset[]> {
  return (await db.query<DatasetRow>(`SELECT ${COLUMNS} FROM trade_datasets ORDER BY imported_at DESC, name`)).map(toDataset);
}

export async function deleteDataset(db: Database, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [found] = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)
      ? await tx.query('SELECT id FROM trade_datasets WHERE id = $1 FOR UPDATE', [id])
      : [];
    if (!found) throw new DomainError('DATASET_NOT_FOUND', { dataset: id });
    await dropDataset(tx, id);
  });
}

/**
 * The dataset a question is answered from: the one named, or else the most recently imported official dataset with
 * data for the reporter in the years asked (and with monthly data when months are asked). Answers always say which
 * dataset they used, so sources are never mixed silently.
 */
export async function resolveDataset(
  db: Queryable,
  question: { reporter: string; name?: string | undefined; years?: readonly number[] | undefined; monthly?: boolean | undefined },
): Promise<Dataset> {
  const { reporter, name } = question;
  const latestFor = async (years: readonly number[] | null, monthly: boolean) =>
    (
      await db.query<DatasetRow>(
        `SELECT ${COLUMNS} FROM trade_datasets d
          WHERE EXISTS (SELECT 1 FROM trade_totals t WHERE t.dataset_id = d.id AND t.reporter = $1
                          AND ($2::int[] IS NULL OR t.year = ANY($2::int[])) AND (NOT $3 OR t.month > 0))
          ORDER BY synthetic, imported_at DESC LIMIT 1`,
        [reporter, years, monthly],
      )
    )[0];
  const row = name
    ? (await db.query<DatasetRow>(`SELECT ${COLUMNS} FROM trade_datasets WHERE name = $1`, [name]))[0]
    : // Without data for the period, the reporter's latest dataset answers, and the figures say what is missing.
      ((await latestFor(question.years ?? null, question.monthly ?? false)) ?? (await latestFor(null, false)));
  if (!row) throw new DomainError(name ? 'DATASET_NOT_FOUND' : 'TRADE_NO_DATA', { dataset: name ?? '', reporter });
  return toDataset(row);
}
