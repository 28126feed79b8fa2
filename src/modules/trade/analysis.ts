import type { Queryable } from '../../db/database.ts';
import { listIndicators } from '../org/indicators.ts';
import type { Indicator } from '../org/model.ts';
import {
  answerClaim,
  buildSeries,
  checkClaim,
  claimQuery,
  formatPeriod,
  mirror,
  parsePeriod,
  periodTotal,
  pickMirrorValue,
  productMix,
  rankPartners,
  selectFlow,
  seriesPoints,
  summarise,
  topProducts,
  type ClaimCheck,
  type ClaimQuery,
  type Computed,
  type MirrorSide,
  type Period,
  type TradeSeries,
} from './engine/index.ts';
import { centsToDecimal } from './formats/decimal.ts';
import { resolvePartnerGroupOn } from './groups.ts';
import type { Flow, FlowSelector } from './model.ts';
import { resolveDataset, type Dataset } from './store/datasets.ts';
import { resolvePartnerGroup, type PartnerGroup } from './store/partner-groups.ts';
import { groupTotals, groupTotalsByYear, partnerTotals, productTotals, type FlowPoint } from './store/queries.ts';

/** A money figure as the API gives it: exact dollars as text, or why it cannot be computed. */
export type MoneyFigure = { ok: true; value: string } | { ok: false; reason: string; missing?: string[] };

export const money = (figure: Computed<bigint>): MoneyFigure => (figure.ok ? { ok: true, value: centsToDecimal(figure.value) } : figure);

export interface DatasetRef {
  name: string;
  release: string;
  synthetic: boolean;
}

const refOf = (d: Dataset): DatasetRef => ({ name: d.name, release: d.release, synthetic: d.synthetic });

/** The last day of a period: partner groups are taken as they stood then. */
export function periodEnd(period: Period): string {
  const month = period.kind === 'year' ? 12 : period.last;
  const day = new Date(Date.UTC(period.year, month, 0)).getUTCDate();
  return `${period.year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Combines per-flow rows into the series of one flow selector; a total needs exports and imports in each period. */
export function seriesOf(
  points: readonly FlowPoint[],
  selector: FlowSelector,
  reportedFlows?: ReadonlyMap<number, ReadonlySet<Flow>>,
): TradeSeries {
  const byPeriod = new Map<number, { year: number; month: number; values: Partial<Record<Flow, bigint>> }>();
  for (const p of points) {
    const key = p.year * 100 + p.month;
    let entry = byPeriod.get(key);
    if (!entry) {
      entry = { year: p.year, month: p.month, values: {} };
      // A flow reported in this period, but not for this key, is a zero (nothing imported from that partner).
      for (const flow of reportedFlows?.get(key) ?? []) entry.values[flow] = 0n;
      byPeriod.set(key, entry);
    }
    entry.values[p.flow] = (entry.values[p.flow] ?? 0n) + p.value;
  }
  const rows = [];
  for (const { year, month, values } of byPeriod.values()) {
    const value = selectFlow(values, selector);
    if (value.ok) rows.push({ year, month, value: value.value });
  }
  return buildSeries(rows);
}

function byKey(points: readonly FlowPoint[]): Map<string, FlowPoint[]> {
  const grouped = new Map<string, FlowPoint[]>();
  for (const p of points) {
    const list = grouped.get(p.key) ?? [];
    list.push(p);
    grouped.set(p.key, list);
  }
  return grouped;
}

/** Values per key (partner, product) over a period, for keys whose data covers the whole period. */
/** Flows reported in each period (year × 100 + month) by any key: the flows a key without a row is known to lack. */
function flowsReported(points: readonly FlowPoint[]): Map<number, Set<Flow>> {
  const reported = new Map<number, Set<Flow>>();
  for (const p of points) {
    const key = p.year * 100 + p.month;
    const flows = reported.get(key) ?? new Set<Flow>();
    flows.add(p.flow);
    reported.set(key, flows);
  }
  return reported;
}

function totalsOverPeriod(points: readonly FlowPoint[], selector: FlowSelector, period: Period): Map<string, bigint> {
  const totals = new Map<string, bigint>();
  const reported = flowsReported(points);
  for (const [key, keyPoints] of byKey(points)) {
    const total = periodTotal(seriesOf(keyPoints, selector, reported), period);
    // A key with nothing of the selected flow (a product only imported, in an export mix) is no part of the answer.
    if (total.ok && total.value !== 0n) totals.set(key, total.value);
  }
  return totals;
}

export interface Question {
  dataset?: string | undefined;
  reporter: string;
  partners: string;
  flow: FlowSelector;
}

async function scopeOf(db: Queryable, question: Question, asOfPeriod: Period, data: { years?: number[]; monthly?: boolean } = {}) {
  const reporter = question.reporter.toUpperCase();
  // Two independent lookups at once (one round trip less on a pool); a dataset problem is reported first, as before.
  const [dataset, group] = await Promise.allSettled([
    resolveDataset(db, { reporter, name: question.dataset, ...data }),
    resolvePartnerGroup(db, question.partners, reporter, periodEnd(asOfPeriod)),
  ]);
  if (dataset.status === 'rejected') throw dataset.reason;
  if (group.status === 'rejected') throw group.reason;
  return { reporter, dataset: dataset.value, group: group.value };
}

export interface SummaryAnswer {
  dataset: DatasetRef;
  reporter: string;
  partners: PartnerGroup;
  flow: FlowSelector;
  period: string;
  value: MoneyFigure;
  previousPeriod: string;
  previous: MoneyFigure;
  growthPercent: Computed<number>;
  basePeriod?: string;
  /** The group as it stood in the base period, when that lies outside the period and the year before. */
  basePartners?: PartnerGroup;
  multiple?: Computed<number>;
}

/**
 * The series a comparison reads. Growth compares like with like: the group as it stood at the end of the period, in
 * both years. A multiple of a base period compares with the group as it stood then (the SCO at its founding), as
 * official statements such as "28 times 2001" do.
 */
async function comparisonSeries(
  db: Queryable,
  scope: { datasetId: string; reporter: string; partners: string; group: PartnerGroup; period: Period; base?: Period | undefined; flow: FlowSelector },
): Promise<{ series: TradeSeries; baseGroup?: PartnerGroup }> {
  const { datasetId, reporter, period, base } = scope;
  const years = [period.year, period.year - 1];
  const points = await groupTotals(db, { datasetId, reporter, partners: scope.group.members, years });
  if (!base || years.includes(base.year)) return { series: seriesOf(points, scope.flow) };
  const baseGroup = await resolvePartnerGroup(db, scope.partners, reporter, periodEnd(base));
  points.push(...(await groupTotals(db, { datasetId, reporter, partners: baseGroup.members, years: [base.year] })));
  return { series: seriesOf(points, scope.flow), baseGroup };
}

/** A figure for a period with its change on the same period a year earlier and, optionally, its multiple of a base. */
export async function summaryOf(db: Queryable, question: Question & { period: string; base?: string | undefined }): Promise<SummaryAnswer> {
  const period = parsePeriod(question.period);
  const base = question.base === undefined ? undefined : parsePeriod(question.base);
  const { reporter, dataset, group } = await scopeOf(db, question, period, { years: [period.year], monthly: period.kind === 'months' });
  const { series, baseGroup } = await comparisonSeries(db, { datasetId: dataset.id, reporter, partners: question.partners, group, period, base, flow: question.flow });
  const s = summarise({ series, period, basePeriod: base });
  return {
    dataset: refOf(dataset),
    reporter,
    partners: group,
    ...(baseGroup ? { basePartners: baseGroup } : {}),
    flow: question.flow,
    period: s.period,
    value: money(s.value),
    previousPeriod: s.previousPeriod,
    previous: money(s.previous),
    growthPercent: s.growth,
    ...(s.basePeriod === undefined ? {} : { basePeriod: s.basePeriod, multiple: s.multiple! }),
  };
}

export interface SeriesAnswer {
  dataset: DatasetRef;
  reporter: string;
  partners: PartnerGroup;
  flow: FlowSelector;
  frequency: 'annual' | 'monthly';
  points: { period: string; value: string }[];
}

/** The years of the dataset a series covers, from `from` to `to` when given. */
function seriesYears(dataset: Dataset, from: number | undefined, to: number | undefined): number[] {
  if (dataset.firstYear === null || dataset.lastYear === null) return [];
  const first = Math.max(dataset.firstYear, from ?? dataset.firstYear);
  const last = Math.min(dataset.lastYear, to ?? dataset.lastYear);
  return Array.from({ length: Math.max(0, last - first + 1) }, (_, i) => first + i);
}

function answerPoints(series: TradeSeries, frequency: 'annual' | 'monthly'): { period: string; value: string }[] {
  const points = seriesPoints(series);
  if (frequency === 'monthly') {
    return points
      .filter((p) => p.month > 0)
      .map((p) => ({ period: formatPeriod({ kind: 'months', year: p.year, first: p.month, last: p.month }), value: centsToDecimal(p.value) }));
  }
  const out: { period: string; value: string }[] = [];
  for (const year of [...new Set(points.map((p) => p.year))].sort((a, b) => a - b)) {
    const total = periodTotal(series, { kind: 'year', year });
    if (total.ok) out.push({ period: String(year), value: centsToDecimal(total.value) });
  }
  return out;
}

/** The time series of a flow with a partner group: annual values (summed from months where only months exist) or monthly. */
export async function seriesFor(
  db: Queryable,
  question: Question & { frequency: 'annual' | 'monthly'; from?: number | undefined; to?: number | undefined },
): Promise<SeriesAnswer> {
  const asOf = parsePeriod(String(question.to ?? new Date().getUTCFullYear()));
  const reporter = question.reporter.toUpperCase();
  const dataset = await resolveDataset(db, { reporter, name: question.dataset, monthly: question.frequency === 'monthly' });
  const years = seriesYears(dataset, question.from, question.to);
  // Each year counts the partners the group had at that year's end: SCO trade in 2010 is trade with the members of 2010.
  const groups = await resolvePartnerGroupOn(db, question.partners, reporter, [periodEnd(asOf), ...years.map((year) => periodEnd({ kind: 'year', year }))]);
  const partnersByYear = new Map(years.map((year, i) => [year, groups[i + 1]!.members]));
  const points = await groupTotalsByYear(db, { datasetId: dataset.id, reporter, partnersByYear });
  const series = seriesOf(points, question.flow);
  return { dataset: refOf(dataset), reporter, partners: groups[0]!, flow: question.flow, frequency: question.frequency, points: answerPoints(series, question.frequency) };
}

/** Partners ranked by value; areas not elsewhere specified (X###) are residuals, not partners, so never ranked. */
function rankingOf(values: ReadonlyMap<string, bigint>) {
  return rankPartners(values, { aggregates: [...values.keys()].filter((k) => /^X\d{3}$/.test(k)) });
}

export interface PartnerRanking {
  dataset: DatasetRef;
  reporter: string;
  flow: FlowSelector;
  period: string;
  /** The reporter's value with the world, the denominator of shares; absent when the data has no world total. */
  world: MoneyFigure;
  partners: { partner: string; rank: number; value: string; sharePercent: Computed<number> }[];
}

/** The reporter's partners ranked by value in a period: "largest trading partner" and the like. */
export async function partnerRanking(
  db: Queryable,
  question: { dataset?: string | undefined; reporter: string; flow: FlowSelector; period: string; limit?: number | undefined },
): Promise<PartnerRanking> {
  const period = parsePeriod(question.period);
  const reporter = question.reporter.toUpperCase();
  const dataset = await resolveDataset(db, { reporter, name: question.dataset, years: [period.year], monthly: period.kind === 'months' });
  const values = totalsOverPeriod(await partnerTotals(db, { datasetId: dataset.id, reporter, years: [period.year] }), question.flow, period);
  const ranking = rankingOf(values);
  const world = values.get('WLD');
  return {
    dataset: refOf(dataset),
    reporter,
    flow: question.flow,
    period: formatPeriod(period),
    world: world === undefined ? { ok: false, reason: 'no_data' } : { ok: true, value: centsToDecimal(world) },
    partners: ranking.slice(0, question.limit ?? ranking.length).map((r) => ({ ...r, value: centsToDecimal(r.value) })),
  };
}

export interface ProductAnswer {
  dataset: DatasetRef;
  reporter: string;
  partners: PartnerGroup;
  flow: FlowSelector;
  period: string;
  level: 2 | 4 | 6;
  total: string;
  products: { product: string; value: string; sharePercent: Computed<number> }[];
}

/** Product mix of the reporter's trade with the partners, largest first, the rest as OTHER so parts sum to the total. */
export async function productsOf(
  db: Queryable,
  question: Question & { period: string; level: 2 | 4 | 6; top?: number | undefined },
): Promise<ProductAnswer> {
  const period = parsePeriod(question.period);
  const { reporter, dataset, group } = await scopeOf(db, question, period, { years: [period.year], monthly: period.kind === 'months' });
  const points = await productTotals(db, {
    datasetId: dataset.id,
    reporter,
    partners: group.members,
    years: [period.year],
    level: question.level,
    reconciled: dataset.reconciled,
  });
  const mix = productMix(totalsOverPeriod(points, question.flow, period), question.level);
  const shown = question.top === undefined ? mix : topProducts(mix, question.top);
  return {
    dataset: refOf(dataset),
    reporter,
    partners: group,
    flow: question.flow,
    period: formatPeriod(period),
    level: question.level,
    total: centsToDecimal(shown.total),
    products: shown.products.map((p) => ({ ...p, value: centsToDecimal(p.value) })),
  };
}

export interface MirrorAnswer {
  dataset: DatasetRef;
  exporter: string;
  importer: string;
  period: string;
  exporterReported: MoneyFigure;
  importerReported: MoneyFigure;
  gap: MoneyFigure;
  gapPercent: Computed<number>;
  side: MirrorSide;
  chosen: MoneyFigure;
}

/** One flow as its exporter and its importer report it, with the gap (imports are valued CIF, exports FOB). */
export async function mirrorOf(
  db: Queryable,
  question: { dataset?: string | undefined; exporter: string; importer: string; period: string; side: MirrorSide },
): Promise<MirrorAnswer> {
  const period = parsePeriod(question.period);
  const exporter = question.exporter.toUpperCase();
  const importer = question.importer.toUpperCase();
  const dataset = await resolveDataset(db, { reporter: exporter, name: question.dataset, years: [period.year], monthly: period.kind === 'months' });
  const side = async (reporter: string, partner: string, flow: FlowSelector) => {
    const total = periodTotal(seriesOf(await groupTotals(db, { datasetId: dataset.id, reporter, partners: [partner], years: [period.year] }), flow), period);
    return total.ok ? total.value : undefined;
  };
  const pair = mirror({ exporterReported: await side(exporter, importer, 'export'), importerReported: await side(importer, exporter, 'import') });
  const optional = (v: bigint | undefined): MoneyFigure => (v === undefined ? { ok: false, reason: 'no_data' } : { ok: true, value: centsToDecimal(v) });
  return {
    dataset: refOf(dataset),
    exporter,
    importer,
    period: formatPeriod(period),
    exporterReported: optional(pair.exporterReported),
    importerReported: optional(pair.importerReported),
    gap: money(pair.gap),
    gapPercent: pair.gapPercent,
    side: question.side,
    chosen: money(pickMirrorValue(pair, question.side)),
  };
}

export interface ClaimRow {
  indicator: Indicator;
  query: ClaimQuery;
  dataset: DatasetRef | null;
  check: ClaimCheck;
}

async function evidenceFor(db: Queryable, query: ClaimQuery, datasetName: string | undefined) {
  const period = parsePeriod(query.period);
  if (query.kind === 'rank') {
    const dataset = await resolveDataset(db, { reporter: query.reporter, name: datasetName, years: [period.year], monthly: period.kind === 'months' });
    const values = totalsOverPeriod(await partnerTotals(db, { datasetId: dataset.id, reporter: query.reporter, years: [period.year] }), 'total', period);
    return { dataset, evidence: { ranking: rankingOf(values) } };
  }
  const { dataset, group } = await scopeOf(db, { dataset: datasetName, reporter: query.reporter, partners: query.partner, flow: 'total' }, period, {
    years: [period.year],
    monthly: period.kind === 'months',
  });
  const base = query.kind === 'multiple' && query.basePeriod ? parsePeriod(query.basePeriod) : undefined;
  const { series } = await comparisonSeries(db, { datasetId: dataset.id, reporter: query.reporter, partners: query.partner, group, period, base, flow: 'total' });
  return { dataset, evidence: { series } };
}

/**
 * Every published figure the trade data can answer, recomputed from the data and compared: consistent within the
 * tolerance, inconsistent, or not computable (with the reason, e.g. no dataset covers the reporter).
 */
export async function checkClaims(db: Queryable, options: { dataset?: string | undefined; tolerancePercent: number }): Promise<ClaimRow[]> {
  // A dataset named but absent is the caller's mistake, not ten claims without data.
  if (options.dataset !== undefined) await resolveDataset(db, { reporter: '', name: options.dataset });
  const rows: ClaimRow[] = [];
  for (const indicator of await listIndicators(db)) {
    const query = claimQuery(indicator);
    if (!query) continue;
    let dataset: Dataset | null = null;
    let answer: Computed<bigint | number>;
    try {
      const found = await evidenceFor(db, query, options.dataset);
      dataset = found.dataset;
      answer = answerClaim(query, found.evidence);
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code !== 'TRADE_NO_DATA' && code !== 'DATASET_NOT_FOUND') throw error;
      answer = { ok: false, reason: 'no_data' };
    }
    rows.push({ indicator, query, dataset: dataset && refOf(dataset), check: checkClaim(indicator, answer, options.tolerancePercent) });
  }
  return rows;
}

