import type { Queryable } from '../../../db/database.ts';
import { decimalToCents } from '../formats/decimal.ts';
import type { Flow } from '../model.ts';

/** One rollup row: a value of a flow in a year (month 0) or month, for a key such as a partner or a product. */
export interface FlowPoint {
  key: string;
  flow: Flow;
  year: number;
  month: number;
  value: bigint;
}

interface PointRow {
  key: string;
  flow: Flow;
  year: number;
  month: number;
  value: string;
}

const toPoints = (rows: PointRow[]): FlowPoint[] =>
  rows.map((r) => ({ key: r.key, flow: r.flow, year: r.year, month: r.month, value: decimalToCents(r.value)! }));

export interface Scope {
  datasetId: string;
  reporter: string;
  /** Partner codes to sum over; one of them may be 'WLD'. */
  partners: readonly string[];
  /** Only these years; all years when undefined. */
  years?: readonly number[] | undefined;
}

/** The reporter's values with the partners, summed over them, per flow and period (key ''). Reads the rollup. */
export async function groupTotals(db: Queryable, scope: Scope): Promise<FlowPoint[]> {
  const rows = await db.query<PointRow>(
    `SELECT '' AS key, flow, year, month, sum(value)::text AS value FROM trade_totals
      WHERE dataset_id = $1 AND reporter = $2 AND partner = ANY($3::text[]) AND ($4::int[] IS NULL OR year = ANY($4::int[]))
      GROUP BY flow, year, month`,
    [scope.datasetId, scope.reporter, scope.partners, scope.years ?? null],
  );
  return toPoints(rows);
}

/**
 * The reporter's values with each year's partners, summed over them, per flow and period (key ''), in one query
 * over (year, partner) pairs. Reads the rollup; a partner listed twice in a year still counts once.
 */
export async function groupTotalsByYear(
  db: Queryable,
  scope: { datasetId: string; reporter: string; partnersByYear: ReadonlyMap<number, readonly string[]> },
): Promise<FlowPoint[]> {
  const years: number[] = [];
  const partners: string[] = [];
  for (const [year, members] of scope.partnersByYear) {
    for (const partner of members) {
      years.push(year);
      partners.push(partner);
    }
  }
  if (years.length === 0) return [];
  const rows = await db.query<PointRow>(
    `SELECT '' AS key, flow, year, month, sum(value)::text AS value FROM trade_totals
      WHERE dataset_id = $1 AND reporter = $2
        AND (year, partner) IN (SELECT year, partner FROM unnest($3::int[], $4::text[]) AS member (year, partner))
      GROUP BY flow, year, month`,
    [scope.datasetId, scope.reporter, years, partners],
  );
  return toPoints(rows);
}

/** The reporter's values with every partner in the given years (key = partner). Reads the rollup. */
export async function partnerTotals(db: Queryable, scope: Omit<Scope, 'partners'>): Promise<FlowPoint[]> {
  const rows = await db.query<PointRow>(
    `SELECT partner AS key, flow, year, month, value::text AS value FROM trade_totals
      WHERE dataset_id = $1 AND reporter = $2 AND ($3::int[] IS NULL OR year = ANY($3::int[]))`,
    [scope.datasetId, scope.reporter, scope.years ?? null],
  );
  return toPoints(rows);
}

/** Where each product level is held: subheadings among the lines, headings and chapters in their rollups. */
const PRODUCT_COLUMNS = { 6: ['products', 'value_cents'], 4: ['heading_products', 'heading_cents'], 2: ['chapter_products', 'chapter_cents'] } as const;

/**
 * Values by product (key = HS code) with the partners. Chapters and headings come from the rollup rows, subheadings
 * from the lines themselves; a reconciled dataset's imports are its partners' exports.
 */
export async function productTotals(
  db: Queryable,
  scope: Scope & { level: 2 | 4 | 6; reconciled: boolean },
): Promise<FlowPoint[]> {
  const params = [scope.datasetId, scope.reporter, scope.partners, scope.years ?? null];
  const years = '($4::int[] IS NULL OR year = ANY($4::int[]))';
  const [codes, cents] = PRODUCT_COLUMNS[scope.level];
  const own = `SELECT flow, year, month, ${codes} AS products, ${cents} AS value_cents FROM trade_lines
    WHERE dataset_id = $1 AND reporter = $2 AND partner = ANY($3::text[]) AND ${years}`;
  const mirrored = `SELECT 'M', year, month, ${codes}, ${cents} FROM trade_lines
    WHERE dataset_id = $1 AND partner = $2 AND reporter = ANY($3::text[]) AND flow = 'X' AND ${years}`;
  const rows = await db.query<PointRow>(
    `SELECT line.product AS key, flow, year, month, sum(line.cents)::text AS value
       FROM (${own}${scope.reconciled ? ` UNION ALL ${mirrored}` : ''}) packed, unnest(products, value_cents) AS line (product, cents)
      ${scope.level === 6 ? 'WHERE length(line.product) = 6' : ''}
      GROUP BY line.product, flow, year, month`,
    params,
  );
  return rows.map((r) => ({ key: r.key, flow: r.flow, year: r.year, month: r.month, value: BigInt(r.value) }));
}
