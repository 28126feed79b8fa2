import { Type, type Static } from 'typebox';
import { Iso3, literalUnion } from '../../http/schemas.ts';
import { LINK_STATUSES, MODES, NODE_KINDS } from './engine/types.ts';

export const CORRIDOR_KINDS = ['economic_corridor', 'railway_express', 'road', 'bridge', 'sea_route'] as const;

/*
 * The limits of a node's and a link's fields. The API's bodies below and the network file reader (network-geojson.ts)
 * both keep them, so a file imports exactly what the API would accept.
 */
export const NODE_ID_PATTERN = '^[A-Z0-9][A-Z0-9-]*$';
export const NODE_ID_MAX_LENGTH = 64;
export const LINK_ID_PATTERN = '^[a-z0-9][a-z0-9-]*$';
export const LINK_ID_MAX_LENGTH = 96;
export const CORRIDOR_ID_MAX_LENGTH = 96;
/** Names, and each entry of the sources and estimates lists. */
export const TEXT_MAX_LENGTH = 200;
export const TEXTS_MAX_ITEMS = 50;
export const CORRIDORS_MAX_ITEMS = 20;
export const MAX_USD = 1e9;
export const MAX_MINUTES = 1e7;
export const GAUGE_MIN_MM = 600;
export const GAUGE_MAX_MM = 1700;
export const GAUGES_MAX_ITEMS = 3;
export const MAX_DISTANCE_KM = 50_000;
export const MAX_CO2_GRAMS_PER_TONNE_KM = 5000;
export const GEOMETRY_MAX_POINTS = 10_000;

const NodeId = Type.String({ pattern: NODE_ID_PATTERN, maxLength: NODE_ID_MAX_LENGTH, description: 'Node id, e.g. CN-ALASHANKOU' });
const LinkId = Type.String({ pattern: LINK_ID_PATTERN, maxLength: LINK_ID_MAX_LENGTH, description: 'Link id, e.g. rail-alashankou-dostyk' });
const Money = Type.Number({ minimum: 0, maximum: MAX_USD, description: 'US dollars' });
const Minutes = Type.Integer({ minimum: 0, maximum: MAX_MINUTES });
const GaugeMm = Type.Integer({ minimum: GAUGE_MIN_MM, maximum: GAUGE_MAX_MM });
/**
 * A number or null as one JSON type list rather than a union: the response serialiser would otherwise read 0 as
 * null or null as 0, whichever branch came first.
 */
const NullableNumber = (options: { minimum?: number; maximum?: number } = {}) => Type.Unsafe<number | null>({ ...options, type: ['number', 'null'] });
const Texts = Type.Array(Type.String({ minLength: 1, maxLength: TEXT_MAX_LENGTH }), { maxItems: TEXTS_MAX_ITEMS });

export const NamesBody = Type.Object(
  {
    en: Type.String({ minLength: 1, maxLength: TEXT_MAX_LENGTH }),
    ru: Type.String({ minLength: 1, maxLength: TEXT_MAX_LENGTH }),
    'zh-Hans': Type.String({ minLength: 1, maxLength: TEXT_MAX_LENGTH }),
  },
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
    gauge: Type.Optional(Type.Union([Type.Null(), GaugeMm, Type.Array(GaugeMm, { minItems: 1, maxItems: GAUGES_MAX_ITEMS })])),
    distanceKm: Type.Number({ exclusiveMinimum: 0, maximum: MAX_DISTANCE_KM }),
    distanceEstimated: Type.Optional(Type.Boolean()),
    minutes: Minutes,
    usd20: Money,
    usd40: Money,
    co2GramsPerTonneKm: Type.Optional(NullableNumber({ minimum: 0, maximum: MAX_CO2_GRAMS_PER_TONNE_KM })),
    status: literalUnion(LINK_STATUSES),
    oneWay: Type.Optional(Type.Boolean()),
    scheduledOnly: Type.Optional(Type.Boolean()),
    corridors: Type.Optional(Type.Array(Type.String({ maxLength: CORRIDOR_ID_MAX_LENGTH }), { maxItems: CORRIDORS_MAX_ITEMS })),
    geometry: Type.Optional(
      Type.Array(Type.Tuple([Type.Number({ minimum: -180, maximum: 180 }), Type.Number({ minimum: -90, maximum: 90 })]), {
        minItems: 2,
        maxItems: GEOMETRY_MAX_POINTS,
        description: '[lon, lat] points from `from` to `to`; a straight line between the two nodes when absent',
      }),
    ),
    sources: Type.Optional(Texts),
    estimated: Type.Optional(Texts),
  },
  { additionalProperties: false },
);
export type LinkBody = Static<typeof LinkBody>;

const Place = Type.Union(
  [
    Type.String({ minLength: 1, maxLength: 64, description: 'A node id (CN-ALASHANKOU) or a UN/LOCODE (CNALK)' }),
    Type.Object({ lat: Type.Number({ minimum: -90, maximum: 90 }), lon: Type.Number({ minimum: -180, maximum: 180 }) }, { additionalProperties: false }),
  ],
  { description: 'A node id, a UN/LOCODE, or coordinates snapped to the nearest node within 500 km' },
);

/** A route-planning query. */
export const RouteRequest = Type.Object(
  {
    from: Place,
    to: Place,
    containers: Type.Array(Type.Object({ size: Type.Union([Type.Literal(20), Type.Literal(40)]), count: Type.Integer({ minimum: 1, maximum: 1000 }) }, { additionalProperties: false }), {
      minItems: 1,
      maxItems: 4,
    }),
    departAfter: Type.Optional(Type.String({ format: 'date-time', description: 'Earliest departure; now when absent' })),
    cargoTonnes: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 100_000, description: 'Gross weight, for CO2; 10 t per 20′ and 20 t per 40′ when absent' })),
    modes: Type.Optional(Type.Array(literalUnion(MODES), { minItems: 1, uniqueItems: true })),
    avoidCountries: Type.Optional(Type.Array(Iso3, { maxItems: 50 })),
    avoidNodes: Type.Optional(Type.Array(Type.String({ maxLength: 64 }), { maxItems: 100, description: 'Node ids or UN/LOCODEs of places no route may pass' })),
    maxBorderCrossings: Type.Optional(Type.Integer({ minimum: 0, maximum: 30 })),
    maxTransshipments: Type.Optional(Type.Integer({ minimum: 0, maximum: 30 })),
    allowUnderConstruction: Type.Optional(Type.Boolean({ description: 'Also use links still under construction (closed links never)' })),
    tolerance: Type.Optional(
      Type.Number({
        minimum: 0,
        maximum: 0.5,
        default: 0,
        description:
          'A partial route is dropped when another reaches the same place no later, with no more transshipments, and cost and CO2 at most (1 + tolerance) times its own; the tolerance applies at each step, so a route left out is matched by one within (1 + tolerance) per move; the earliest arrival is always found. 0 (the default) gives the exact Pareto set; a tolerance gives fewer routes, faster',
      }),
    ),
  },
  { additionalProperties: false },
);
export type RouteRequest = Static<typeof RouteRequest>;

export const NodeParams = Type.Object({ id: NodeId }, { additionalProperties: false });
export const LinkParams = Type.Object({ id: LinkId }, { additionalProperties: false });

export const NodeSchema = Type.Object(
  {
    id: Type.String(),
    name: Type.String({ description: "Name in the request's language" }),
    names: NamesBody,
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
    names: NamesBody,
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

const RouteAmounts = Type.Object({ moving: Type.Number(), waiting: Type.Number(), transshipment: Type.Number(), customs: Type.Number(), gaugeChange: Type.Number() });
const RouteStop = Type.Object({ id: Type.String(), name: Type.String(), country: Type.String() });

const PlannedRouteBody = Type.Object({
  departAt: Type.String({ format: 'date-time' }),
  arriveAt: Type.String({ format: 'date-time' }),
  hours: Type.Number(),
  usd: Type.Number(),
  co2Kg: Type.Number(),
  transshipments: Type.Integer(),
  borderCrossings: Type.Integer(),
  gaugeChanges: Type.Integer(),
  distanceKm: Type.Number(),
  marks: Type.Array(literalUnion(['fastest', 'cheapest', 'greenest', 'fewest_transshipments'] as const)),
  breakdown: Type.Object({ hours: RouteAmounts, usd: RouteAmounts, co2Kg: Type.Object({ moving: Type.Number(), transshipment: Type.Number() }) }),
  legs: Type.Array(
    Type.Object({
      from: RouteStop,
      to: RouteStop,
      mode: literalUnion(MODES),
      gauge: Type.Union([Type.Null(), Type.Number()]),
      links: Type.Array(Type.String()),
      departureId: Type.Union([Type.Null(), Type.String()]),
      serviceName: Type.Union([Type.Null(), Type.String()]),
      departAt: Type.String({ format: 'date-time' }),
      arriveAt: Type.String({ format: 'date-time' }),
      distanceKm: Type.Number(),
      usd: Type.Number(),
      co2Kg: Type.Number(),
      handlingBeforeHours: Type.Object({ transshipment: Type.Number(), gaugeChange: Type.Number() }, { description: 'Handling at the leg’s start before it departs' }),
      handlingBeforeUsd: Type.Number({ description: 'Price of that handling' }),
      customs: Type.Object(
        { hours: Type.Number(), usd: Type.Number() },
        { description: 'Customs at the borders the leg crosses, summed; on a scheduled departure the hours are in its timetable, so 0' },
      ),
      geometry: Type.Array(Type.Tuple([Type.Number(), Type.Number()]), { description: '[lon, lat] points of the leg' }),
    }),
  ),
});

/** The answer of `POST /routes`: the places resolved, the Pareto-optimal routes, or why there is none. */
export const RouteAnswerBody = Type.Object({
  from: RouteStop,
  to: RouteStop,
  routes: Type.Array(PlannedRouteBody, { description: 'The Pareto-optimal routes over time, cost, CO2 and transshipments, by arrival' }),
  noRoute: Type.Optional(
    Type.Object({
      cutBy: Type.Array(Type.String(), { description: 'Each constraint that, lifted alone, would let a route through; empty when the places are not connected at all' }),
      message: Type.String(),
    }),
  ),
});
export type RouteAnswerBody = Static<typeof RouteAnswerBody>;
export type PlannedRouteBody = Static<typeof PlannedRouteBody>;
