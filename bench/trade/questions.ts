import type { Queryable } from '../../src/db/database.ts';
import { partnerRanking, productsOf, seriesFor, summaryOf, type MoneyFigure } from '../../src/modules/trade/analysis.ts';

/** The dashboard's four questions, asked the same way of every engine. */
export interface Questions {
  reporter: string;
  /** A partner group code as the dashboard sends it; DuckDB gets the members the reference data gives it. */
  partners: string;
  period: string;
  top: number;
}

export const QUERY_NAMES = ['summary', 'series', 'partners', 'products'] as const;
export type QueryName = (typeof QUERY_NAMES)[number];

/** Answers reduced to what both engines must agree on, money as exact dollars with cents ('123.45'). */
export interface Answers {
  summary: { value: string | null; previous: string | null };
  series: { period: string; value: string }[];
  partners: { world: string | null; top: { partner: string; value: string }[] };
  products: { total: string; top: { product: string; value: string }[] };
}

const figure = (m: MoneyFigure): string | null => (m.ok ? m.value : null);

/** Our analysis functions, exactly as the API calls them, each reduced to its comparable part. */
export function ourQueries(db: Queryable, q: Questions): Record<QueryName, () => Promise<unknown>> & { reduce: Record<QueryName, (answer: unknown) => unknown> } {
  const question = { reporter: q.reporter, partners: q.partners, flow: 'total' as const };
  return {
    summary: () => summaryOf(db, { ...question, period: q.period }),
    series: () => seriesFor(db, { ...question, frequency: 'annual' }),
    partners: () => partnerRanking(db, { reporter: q.reporter, flow: 'total', period: q.period, limit: q.top }),
    products: () => productsOf(db, { ...question, period: q.period, level: 2, top: q.top }),
    reduce: {
      summary: (a) => {
        const s = a as Awaited<ReturnType<typeof summaryOf>>;
        return { value: figure(s.value), previous: figure(s.previous) };
      },
      series: (a) => (a as Awaited<ReturnType<typeof seriesFor>>).points,
      partners: (a) => {
        const r = a as Awaited<ReturnType<typeof partnerRanking>>;
        return { world: figure(r.world), top: r.partners.map((p) => ({ partner: p.partner, value: p.value })) };
      },
      products: (a) => {
        const p = a as Awaited<ReturnType<typeof productsOf>>;
        return { total: p.total, top: p.products.map((x) => ({ product: x.product, value: x.value })) };
      },
    },
  };
}

/** Differences between two answers, as readable lines; empty when they agree to the cent. */
export function compareAnswers(ours: Answers, reference: Answers): string[] {
  const problems: string[] = [];
  for (const name of QUERY_NAMES) {
    const a = JSON.stringify(ours[name]);
    const b = JSON.stringify(reference[name]);
    if (a !== b) problems.push(`${name}: ours ${a.slice(0, 600)}\n${' '.repeat(name.length)}  DuckDB ${b.slice(0, 600)}`);
  }
  return problems;
}
