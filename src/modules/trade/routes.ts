import type { Database } from '../../db/database.ts';
import { sendCsv } from '../../http/csv.ts';
import type { App } from '../../http/app-types.ts';
import { errorResponses } from '../../http/schemas.ts';
import { Type } from 'typebox';
import { DomainError } from '../../errors/domain-error.ts';
import { checkClaims, mirrorOf, partnerRanking, productsOf, seriesFor, summaryOf, type MoneyFigure } from './analysis.ts';
import type { Computed } from './engine/index.ts';
import {
  ClaimsQuery,
  ClaimsResponse,
  DatasetSchema,
  MirrorQuery,
  MirrorResponse,
  PartnersQuery,
  PartnersResponse,
  ProductsQuery,
  ProductsResponse,
  SeriesQuery,
  SeriesResponse,
  SummaryQuery,
  SummaryResponse,
} from './schemas.ts';
import { deleteDataset, listDatasets } from './store/datasets.ts';
import { groupRoutes } from './groups.ts';
import { importRoutes } from './upload.ts';

const cellOf = (figure: MoneyFigure | Computed<number> | undefined) => (figure === undefined ? '' : figure.ok ? figure.value : `not computable: ${figure.reason}`);

/** `period` wins; `year` is shorthand for a whole year. */
function periodOf(query: { period?: string | undefined; year?: number | undefined }): string {
  const period = query.period ?? (query.year === undefined ? undefined : String(query.year));
  if (period === undefined) throw new DomainError('VALIDATION_FAILED', { problem: 'give period or year' }, [{ path: 'querystring.period', keyword: 'required', message: 'give period or year' }]);
  return period;
}

export function tradeRoutes(db: Database) {
  return async (app: App) => {
    await app.register(importRoutes(db));
    await app.register(groupRoutes(db));

    app.get(
      '/summary',
      {
        config: { access: 'public' },
        schema: {
          tags: ['trade'],
          summary: 'Value of a flow with a partner or group in a period, growth on a year earlier, and multiple of a base period',
          querystring: SummaryQuery,
          response: { 200: SummaryResponse, ...errorResponses(400, 404) },
        },
      },
      async (request, reply) => {
        const q = request.query;
        const answer = await summaryOf(db, { ...q, period: periodOf(q), flow: q.flow ?? 'total' });
        if (q.format !== 'csv') return answer;
        return sendCsv(reply, `summary-${answer.reporter}-${answer.partners.code}-${answer.period}.csv`, ['reporter', 'partners', 'flow', 'period', 'value_usd', 'previous_period', 'previous_usd', 'growth_percent', 'base_period', 'multiple', 'dataset'], [
          [answer.reporter, answer.partners.code, answer.flow, answer.period, cellOf(answer.value), answer.previousPeriod, cellOf(answer.previous), cellOf(answer.growthPercent), answer.basePeriod, cellOf(answer.multiple), `${answer.dataset.name} ${answer.dataset.release}`],
        ]);
      },
    );

    app.get(
      '/series',
      {
        config: { access: 'public' },
        schema: { tags: ['trade'], summary: 'Time series of a flow with a partner or group, annual or monthly', querystring: SeriesQuery, response: { 200: SeriesResponse, ...errorResponses(400, 404) } },
      },
      async (request, reply) => {
        const q = request.query;
        const answer = await seriesFor(db, { ...q, flow: q.flow ?? 'total', frequency: q.frequency ?? 'annual' });
        if (q.format !== 'csv') return answer;
        return sendCsv(reply, `series-${answer.reporter}-${answer.partners.code}.csv`, ['period', 'value_usd'], answer.points.map((p) => [p.period, p.value]));
      },
    );

    app.get(
      '/partners',
      {
        config: { access: 'public' },
        schema: { tags: ['trade'], summary: "The reporter's partners ranked by value, with shares of its trade with the world", querystring: PartnersQuery, response: { 200: PartnersResponse, ...errorResponses(400, 404) } },
      },
      async (request, reply) => {
        const q = request.query;
        const answer = await partnerRanking(db, { ...q, period: periodOf(q), flow: q.flow ?? 'total' });
        if (q.format !== 'csv') return answer;
        return sendCsv(reply, `partners-${answer.reporter}-${answer.period}.csv`, ['rank', 'partner', 'value_usd', 'share_percent'], answer.partners.map((p) => [p.rank, p.partner, p.value, cellOf(p.sharePercent)]));
      },
    );

    app.get(
      '/products',
      {
        config: { access: 'public' },
        schema: { tags: ['trade'], summary: 'Product mix by HS chapter, heading or subheading, largest first', querystring: ProductsQuery, response: { 200: ProductsResponse, ...errorResponses(400, 404) } },
      },
      async (request, reply) => {
        const q = request.query;
        const answer = await productsOf(db, { ...q, period: periodOf(q), flow: q.flow ?? 'total', level: q.level ?? 2 });
        if (q.format !== 'csv') return answer;
        return sendCsv(reply, `products-${answer.reporter}-${answer.partners.code}-${answer.period}.csv`, ['product', 'value_usd', 'share_percent'], answer.products.map((p) => [p.product, p.value, cellOf(p.sharePercent)]));
      },
    );

    app.get(
      '/mirror',
      {
        config: { access: 'public' },
        schema: { tags: ['trade'], summary: "A flow as the exporter and as the importer report it, with the gap", querystring: MirrorQuery, response: { 200: MirrorResponse, ...errorResponses(400, 404) } },
      },
      async (request, reply) => {
        const q = request.query;
        const answer = await mirrorOf(db, { ...q, period: periodOf(q), side: q.side ?? 'importer_else_exporter' });
        if (q.format !== 'csv') return answer;
        return sendCsv(reply, `mirror-${answer.exporter}-${answer.importer}-${answer.period}.csv`, ['exporter', 'importer', 'period', 'exporter_reported_usd', 'importer_reported_usd', 'gap_usd', 'gap_percent', 'side', 'chosen_usd'], [
          [answer.exporter, answer.importer, answer.period, cellOf(answer.exporterReported), cellOf(answer.importerReported), cellOf(answer.gap), cellOf(answer.gapPercent), answer.side, cellOf(answer.chosen)],
        ]);
      },
    );

    app.get(
      '/claims',
      {
        config: { access: 'public' },
        schema: { tags: ['trade'], summary: 'Published figures recomputed from the trade data: consistent, inconsistent or not computable', querystring: ClaimsQuery, response: { 200: ClaimsResponse, ...errorResponses(400, 404) } },
      },
      async (request, reply) => {
        const tolerancePercent = request.query.tolerance ?? 1;
        const claims = await checkClaims(db, { dataset: request.query.dataset, tolerancePercent });
        if (request.query.format !== 'csv') return { tolerancePercent, claims };
        return sendCsv(reply, 'claims.csv', ['indicator', 'metric', 'reporter', 'partner', 'period', 'unit', 'reported', 'computed', 'difference', 'difference_percent', 'status', 'dataset', 'source'], claims.map((c) => [
          c.indicator.key, c.indicator.metric, c.indicator.reporter, c.indicator.partner, c.indicator.period, c.check.unit, c.check.reported, c.check.computed, c.check.difference, c.check.differencePercent, c.check.status, c.dataset ? `${c.dataset.name} ${c.dataset.release}` : '', c.indicator.source,
        ]));
      },
    );

    app.get(
      '/datasets',
      {
        config: { access: 'public' },
        schema: { tags: ['trade'], summary: 'Imported datasets with their release, source file and summary', response: { 200: Type.Object({ datasets: Type.Array(DatasetSchema) }) } },
      },
      async () => ({ datasets: await listDatasets(db) }),
    );

    app.delete(
      '/datasets/:id',
      {
        config: { access: ['admin'] },
        schema: {
          tags: ['trade'],
          summary: 'Delete a dataset with its records and rollups',
          params: Type.Object({ id: Type.String({ maxLength: 64 }) }, { additionalProperties: false }),
          response: { 204: Type.Null(), ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request, reply) => {
        await deleteDataset(db, request.params.id);
        return reply.status(204).send(null);
      },
    );
  };
}
