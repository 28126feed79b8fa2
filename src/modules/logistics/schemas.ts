import { Type, type Static } from 'typebox';
import { Iso3, literalUnion } from '../../http/schemas.ts';
import { CORRIDOR_KINDS } from './network-geojson.ts';
import { LINK_STATUSES, MODES, NODE_KINDS } from './engine/types.ts';

const NodeId = Type.String({ pattern: '^[A-Z0-9][A-Z0-9-]*$', maxLength: 64, description: 'Node id, e.g. CN-ALASHANKOU' });
const LinkId = Type.String({ pattern: '^[a-z0-9][a-z0-9-]*$', maxLength: 96, description: 'Link id, e.g. rail-alashankou-dostyk' });
const Money = Type.Number({ minimum: 0, maximum: 1e9, description: 'US dollars' });
const Minutes = Type.Integer({ minimum: 0, maximum: 1e7 });
/**
 * A number or null as one JSON type list rather than a union: the response serialiser would otherwise read 0 as
 * null or null as 0, whichever branch came first.
 */
const NullableNumber = (options: { minimum?: number; maximum?: number } = {}) => Type.Unsafe<number | null>({ ...options, type: ['number', 'null'] });
const Texts = Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: 50 });

export const NamesBody = Type.Object(
  { en: Type.String({ minLength: 1, maxLength: 200 }), ru: Type.String({ minLength: 1, maxLength: 200 }), 'zh-Hans': Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
);

export const HandlingBody = Type.Object({ minutes: Minutes, usd20: Money, usd40: Money }, { additionalProperties: false, description: 'Time and price of handling one container' });

export const NodeBody = Type.Object(
  {
    id: NodeId,
    names: NamesBody,
    kind: literalUnion(NODE_KINDS),
    country: Iso3,
    lat: Type.Number({ minimum: -90, maximum: 90 }),
    lon: Type.Number({ minimum: -180, maximum: 180 }),
    locode: Type.Optional(Type.Union([Type.Null(), Type.String({ pattern: '^[A-Za-z]{2}[A-Za-z0-9]{3}$' })])),
    transshipment: HandlingBody,
    customs: Type.Optional(Type.Union([Type.Null(), HandlingBody])),
    gaugeChange: Type.Optional(Type.Union([Type.Null(), HandlingBody])),
    sources: Type.Optional(Texts),
    estimated: Type.Optional(Texts),
  },
  { additionalProperties: false },
);
export type NodeBody = Static<typeof NodeBody>;

export const LinkBody = Type.Object(
  {
    id: LinkId,
    from: NodeId,
    to: NodeId,
    mode: literalUnion(MODES),
    gauge: Type.Optional(Type.Union([Type.Null(), Type.Integer({ minimum: 600, maximum: 1700 }), Type.Array(Type.Integer({ minimum: 600, maximum: 1700 }), { minItems: 1, maxItems: 3 })])),
    distanceKm: Type.Number({ exclusiveMinimum: 0, maximum: 50_000 }),
    distanceEstimated: Type.Optional(Type.Boolean()),
    minutes: Minutes,
    usd20: Money,
    usd40: Money,
    co2GramsPerTonneKm: Type.Optional(NullableNumber({ minimum: 0, maximum: 5000 })),
    status: literalUnion(LINK_STATUSES),
    oneWay: Type.Optional(Type.Boolean()),
    scheduledOnly: Type.Optional(Type.Boolean()),
    corridors: Type.Optional(Type.Array(Type.String({ maxLength: 96 }), { maxItems: 20 })),
    geometry: Type.Optional(
      Type.Array(Type.Tuple([Type.Number({ minimum: -180, maximum: 180 }), Type.Number({ minimum: -90, maximum: 90 })]), {
        minItems: 2,
        maxItems: 10_000,
        description: '[lon, lat] points from `from` to `to`; a straight line between the two nodes when absent',
      }),
    ),
    sources: Type.Optional(Texts),
    estimated: Type.Optional(Texts),
  },
  { additionalProperties: false },
);
export type LinkBody = Static<typeof LinkBody>;

export const NodeParams = Type.Object({ id: NodeId }, { additionalProperties: false });
export const LinkParams = Type.Object({ id: LinkId }, { additionalProperties: false });

export const NodeSchema = Type.Object(
  {
    id: Type.String(),
    name: Type.String({ description: "Name in the request's language" }),
    names: Type.Object({ en: Type.String(), ru: Type.String(), 'zh-Hans': Type.String() }),
    kind: literalUnion(NODE_KINDS),
    country: Type.String(),
    lat: Type.Number(),
    lon: Type.Number(),
    locode: Type.Union([Type.Null(), Type.String()]),
    transshipment: HandlingBody,
    customs: Type.Union([Type.Null(), HandlingBody]),
    gaugeChange: Type.Union([Type.Null(), HandlingBody]),
    sources: Type.Array(Type.String()),
    estimated: Type.Array(Type.String()),
  },
  { $id: 'LogisticsNode' },
);

export const LinkSchema = Type.Object(
  {
    id: Type.String(),
    from: Type.String(),
    to: Type.String(),
    mode: literalUnion(MODES),
    gauge: Type.Union([Type.Null(), Type.Number(), Type.Array(Type.Number())]),
    distanceKm: Type.Number(),
    distanceEstimated: Type.Boolean(),
    minutes: Type.Number(),
    usd20: Type.Number(),
    usd40: Type.Number(),
    co2GramsPerTonneKm: NullableNumber(),
    status: literalUnion(LINK_STATUSES),
    oneWay: Type.Boolean(),
    scheduledOnly: Type.Boolean(),
    corridors: Type.Array(Type.String()),
    geometry: Type.Array(Type.Tuple([Type.Number(), Type.Number()])),
    sources: Type.Array(Type.String()),
    estimated: Type.Array(Type.String()),
  },
  { $id: 'LogisticsLink' },
);

export const CorridorSchema = Type.Object(
  {
    id: Type.String(),
    kind: literalUnion(CORRIDOR_KINDS),
    name: Type.String({ description: "Name in the request's language" }),
    names: Type.Object({ en: Type.String(), ru: Type.String(), 'zh-Hans': Type.String() }),
    links: Type.Array(Type.String(), { description: 'Ids of the links that belong to the corridor' }),
    sources: Type.Array(Type.String()),
  },
  { $id: 'LogisticsCorridor' },
);

export const NetworkQuery = Type.Object(
  {
    mode: Type.Optional(literalUnion(MODES)),
    status: Type.Optional(literalUnion(LINK_STATUSES)),
  },
  { additionalProperties: false },
);
