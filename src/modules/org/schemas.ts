import { Type } from 'typebox';
import { Iso3, IsoDate, literalUnion } from '../../http/schemas.ts';
import { QUALIFIERS, STATUSES } from './model.ts';

const Status = literalUnion(STATUSES);

export const Names = Type.Object({
  en: Type.String(),
  ru: Type.String(),
  'zh-Hans': Type.String(),
  'zh-Hant': Type.String(),
});

const NamesPatch = Type.Object(
  {
    en: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    ru: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    'zh-Hans': Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    'zh-Hant': Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  },
  { additionalProperties: false },
);

export const StatusEntrySchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    status: Status,
    since: Type.Union([IsoDate, Type.Null()], { description: 'null when no source dates the change' }),
    sincePrecision: literalUnion(['day', 'year', 'unknown'] as const),
    event: Type.String(),
    source: Type.String(),
  },
  { $id: 'StatusEntry' },
);

export const StateSchema = Type.Object(
  {
    iso3: Type.String(),
    iso2: Type.String(),
    m49: Type.String({ description: 'UN M49 numeric code' }),
    name: Type.String({ description: "Name in the request's language" }),
    names: Names,
    status: Type.Union([Status, Type.Null()], { description: 'Status in effect on asOf' }),
    statusSince: Type.Union([IsoDate, Type.Null()]),
    history: Type.Array(Type.Ref('StatusEntry')),
  },
  { $id: 'State' },
);

export const StatesQuery = Type.Object(
  {
    status: Type.Optional(Status),
    asOf: Type.Optional({ ...IsoDate, description: 'Statuses as in effect on this date; default today' }),
  },
  { additionalProperties: false },
);

export const Iso3Params = Type.Object({ iso3: Iso3 }, { additionalProperties: false });

export const NewStateBody = Type.Object({ iso3: Iso3, names: Type.Optional(NamesPatch) }, { additionalProperties: false });
export const StatePatchBody = Type.Object({ names: NamesPatch }, { additionalProperties: false });

export const NewStatusBody = Type.Object(
  {
    status: Status,
    since: Type.Union([Type.String({ pattern: '^\\d{4}(-\\d{2}-\\d{2})?$' }), Type.Null()], {
      description: 'YYYY-MM-DD, or YYYY when the source gives only the year, or null when it gives no date',
    }),
    event: Type.String({ pattern: '\\S', maxLength: 500 }),
    source: Type.String({ pattern: '\\S', maxLength: 1000, description: 'Where the fact was published: a URL or a document' }),
  },
  { additionalProperties: false },
);

const Code = Type.String({ pattern: '^[A-Z][A-Z0-9_]{1,40}$', description: 'ISO alpha-3 code or a group code such as SCO_MEMBERS' });
const Decimal = Type.String({ pattern: '^-?\\d+(\\.\\d+)?$', description: 'Exact decimal in base units' });

const indicatorFields = {
  subject: Type.String({ pattern: '\\S', maxLength: 300 }),
  metric: Type.String({ pattern: '^[a-z][a-z0-9_]*$', maxLength: 60 }),
  reporter: Type.Union([Code, Type.Null()]),
  partner: Type.Union([Code, Type.Null()]),
  period: Type.String({ maxLength: 21, description: 'YYYY, YYYY-MM, YYYY-MM-DD, or START/END' }),
  value: Decimal,
  unit: Type.String({ pattern: '^[A-Za-z][A-Za-z0-9_]*$', maxLength: 30 }),
  qualifier: literalUnion(QUALIFIERS, 'exact as published, about (approximately) or over (more than)'),
  basePeriod: Type.Union([Type.Null(), Type.String({ maxLength: 21 })]),
  source: Type.String({ pattern: '\\S', maxLength: 1000 }),
  quote: Type.String({ maxLength: 4000, description: 'The words of the source that state the figure' }),
};

export const IndicatorSchema = Type.Object(
  { id: Type.String({ format: 'uuid' }), key: Type.String(), ...indicatorFields },
  { $id: 'Indicator' },
);

export const NewIndicatorBody = Type.Object(
  { key: Type.String({ pattern: '^[a-z0-9][a-z0-9.-]*$', maxLength: 120 }), ...indicatorFields },
  { additionalProperties: false },
);

export const IndicatorPatchBody = Type.Partial(Type.Object(indicatorFields), { additionalProperties: false, minProperties: 1 });

export const IndicatorsQuery = Type.Object(
  {
    metric: Type.Optional(Type.String({ maxLength: 60 })),
    reporter: Type.Optional(Type.String({ maxLength: 40 })),
    partner: Type.Optional(Type.String({ maxLength: 40 })),
    period: Type.Optional(Type.String({ maxLength: 21 })),
  },
  { additionalProperties: false },
);

export const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) }, { additionalProperties: false });

export const OverviewSchema = Type.Object({
  asOf: IsoDate,
  founded: Type.Union([Type.Object({ date: IsoDate, source: Type.String() }), Type.Null()]),
  counts: Type.Record(Type.String(), Type.Integer()),
  headline: Type.Array(Type.Ref('Indicator')),
});
