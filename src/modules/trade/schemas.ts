import { Type, type TSchema } from 'typebox';
import { literalUnion } from '../../http/schemas.ts';

const reasonFields = { ok: Type.Literal(false), reason: Type.String(), missing: Type.Optional(Type.Array(Type.String())) };

/** A figure or the reason it cannot be computed (missing period, zero base…), never NaN or Infinity. */
export const ComputedNumber = Type.Union([Type.Object({ ok: Type.Literal(true), value: Type.Number() }), Type.Object(reasonFields)]);
export const MoneyFigure = Type.Union([
  Type.Object({ ok: Type.Literal(true), value: Type.String({ description: 'Exact US dollars' }) }),
  Type.Object(reasonFields),
]);

const FlowSelector = literalUnion(['total', 'export', 'import', 're-export', 're-import'] as const, 'total = exports + imports');
const Format = Type.Optional(literalUnion(['json', 'csv'] as const, 'csv downloads the answer as a file'));
const Area = Type.String({ pattern: '^[A-Za-z0-9]{3}$', description: 'ISO alpha-3 code (or WLD for the world)' });
const Partners = Type.String({
  pattern: '^[A-Za-z0-9_,]{3,200}$',
  description: 'ISO alpha-3 code, comma-separated list, WLD, an SCO group (SCO, SCO_MEMBERS, SCO_OBSERVERS, SCO_DIALOGUE_PARTNERS, SCO_PARTNERS, SCO_FAMILY) or a custom group; the reporter itself is never counted',
});
const Period = Type.String({ pattern: '^\\d{4}(-(0[1-9]|1[0-2])(/\\d{4}-(0[1-9]|1[0-2]))?)?$', description: 'YYYY, YYYY-MM, or YYYY-MM/YYYY-MM within one year (year to date)' });
const DatasetName = Type.Optional(Type.String({ pattern: '^[a-z0-9][a-z0-9._-]*$', description: 'Dataset to answer from; default: the latest with data for the reporter' }));

const query = <P extends Record<string, TSchema>>(properties: P) => Type.Object(properties, { additionalProperties: false });

export const SummaryQuery = query({
  reporter: Area,
  partners: Partners,
  period: Type.Optional(Period),
  year: Type.Optional(Type.Integer({ minimum: 1900, maximum: 2200, description: 'Shorthand for period=YYYY' })),
  base: Type.Optional(Period),
  flow: Type.Optional(FlowSelector),
  dataset: DatasetName,
  format: Format,
});

export const SeriesQuery = query({
  reporter: Area,
  partners: Partners,
  flow: Type.Optional(FlowSelector),
  frequency: Type.Optional(literalUnion(['annual', 'monthly'] as const)),
  from: Type.Optional(Type.Integer({ minimum: 1900, maximum: 2200 })),
  to: Type.Optional(Type.Integer({ minimum: 1900, maximum: 2200 })),
  dataset: DatasetName,
  format: Format,
});

export const PartnersQuery = query({
  reporter: Area,
  period: Type.Optional(Period),
  year: Type.Optional(Type.Integer({ minimum: 1900, maximum: 2200 })),
  flow: Type.Optional(FlowSelector),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
  dataset: DatasetName,
  format: Format,
});

export const ProductsQuery = query({
  reporter: Area,
  partners: Partners,
  period: Type.Optional(Period),
  year: Type.Optional(Type.Integer({ minimum: 1900, maximum: 2200 })),
  flow: Type.Optional(FlowSelector),
  level: Type.Optional(Type.Union([Type.Literal(2), Type.Literal(4), Type.Literal(6)], { description: 'HS digits: chapter, heading or subheading' })),
  top: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
  dataset: DatasetName,
  format: Format,
});

export const MirrorQuery = query({
  exporter: Area,
  importer: Area,
  period: Type.Optional(Period),
  year: Type.Optional(Type.Integer({ minimum: 1900, maximum: 2200 })),
  side: Type.Optional(literalUnion(['exporter', 'importer', 'max', 'importer_else_exporter'] as const, 'which report the chosen figure uses')),
  dataset: DatasetName,
  format: Format,
});

export const ClaimsQuery = query({
  tolerance: Type.Optional(Type.Number({ minimum: 0, maximum: 100, description: 'Percent; default 1' })),
  dataset: DatasetName,
  format: Format,
});

const DatasetRef = Type.Object({ name: Type.String(), release: Type.String(), synthetic: Type.Boolean() });
const Group = Type.Object({ code: Type.String(), members: Type.Array(Type.String()), asOf: Type.String() });

export const SummaryResponse = Type.Object({
  dataset: DatasetRef,
  reporter: Type.String(),
  partners: Group,
  flow: Type.String(),
  period: Type.String(),
  value: MoneyFigure,
  previousPeriod: Type.String(),
  previous: MoneyFigure,
  growthPercent: ComputedNumber,
  basePeriod: Type.Optional(Type.String()),
  basePartners: Type.Optional(Group),
  multiple: Type.Optional(ComputedNumber),
});

export const SeriesResponse = Type.Object({
  dataset: DatasetRef,
  reporter: Type.String(),
  partners: Group,
  flow: Type.String(),
  frequency: Type.String(),
  points: Type.Array(Type.Object({ period: Type.String(), value: Type.String() })),
});

export const PartnersResponse = Type.Object({
  dataset: DatasetRef,
  reporter: Type.String(),
  flow: Type.String(),
  period: Type.String(),
  world: MoneyFigure,
  partners: Type.Array(Type.Object({ partner: Type.String(), rank: Type.Integer(), value: Type.String(), sharePercent: ComputedNumber })),
});

export const ProductsResponse = Type.Object({
  dataset: DatasetRef,
  reporter: Type.String(),
  partners: Group,
  flow: Type.String(),
  period: Type.String(),
  level: Type.Integer(),
  total: Type.String(),
  products: Type.Array(Type.Object({ product: Type.String(), value: Type.String(), sharePercent: ComputedNumber })),
});

export const MirrorResponse = Type.Object({
  dataset: DatasetRef,
  exporter: Type.String(),
  importer: Type.String(),
  period: Type.String(),
  exporterReported: MoneyFigure,
  importerReported: MoneyFigure,
  gap: MoneyFigure,
  gapPercent: ComputedNumber,
  side: Type.String(),
  chosen: MoneyFigure,
});

export const ClaimsResponse = Type.Object({
  tolerancePercent: Type.Number(),
  claims: Type.Array(
    Type.Object({
      indicator: Type.Ref('Indicator'),
      query: Type.Object({
        kind: Type.String(),
        reporter: Type.String(),
        partner: Type.String(),
        period: Type.String(),
        basePeriod: Type.Optional(Type.String()),
        flow: Type.String(),
      }),
      dataset: Type.Union([DatasetRef, Type.Null()]),
      check: Type.Object({
        status: literalUnion(['consistent', 'inconsistent', 'not_computable'] as const),
        unit: Type.String(),
        reported: Type.String(),
        computed: Type.Union([Type.String(), Type.Null()]),
        difference: Type.Union([Type.String(), Type.Null()]),
        differencePercent: Type.Union([Type.Number(), Type.Null()]),
        allowedDifference: Type.Union([Type.String(), Type.Null()]),
        reason: Type.Optional(Type.String()),
      }),
    }),
  ),
});

export const DatasetSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  release: Type.String(),
  layout: Type.String(),
  reconciled: Type.Boolean(),
  synthetic: Type.Boolean(),
  sourceFile: Type.String(),
  rowsRead: Type.Integer(),
  records: Type.Integer(),
  rejected: Type.Integer(),
  skipped: Type.Record(Type.String(), Type.Integer()),
  firstYear: Type.Union([Type.Integer(), Type.Null()]),
  lastYear: Type.Union([Type.Integer(), Type.Null()]),
  reporters: Type.Integer(),
  totalValue: Type.String(),
  importedAt: Type.String({ format: 'date-time' }),
});
