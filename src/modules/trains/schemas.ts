import { Type, type Static } from 'typebox';
import { IsoDate, literalUnion } from '../../http/schemas.ts';
import { BOOKING_STATES } from './booking-states.ts';

const NodeId = Type.String({ pattern: '^[A-Z0-9][A-Z0-9-]*$', maxLength: 64, description: 'Node id of the logistics network, e.g. CN-ALASHANKOU' });
const Size = Type.Union([Type.Literal(20), Type.Literal(40)], { description: 'Container size in feet' });
const Offset = Type.Integer({ minimum: 0, maximum: 60 * 24 * 90, description: 'Minutes after the departure from the first stop' });
const Money = Type.Number({ minimum: 0, maximum: 1e7, description: 'US dollars per container for the whole run' });
const Uuid = Type.String({ format: 'uuid' });
/** A string or null as one JSON type list (the response serialiser mixes up the branches of a union). */
export const NullableText = Type.Unsafe<string | null>({ type: ['string', 'null'] });
/** Minutes since the Unix epoch, as an ISO date-time in answers. */
export const Time = Type.String({ format: 'date-time' });

/** Booked containers: at most this many of one size on one booking. */
export const MAX_CONTAINERS = 500;

export const ContainerCounts = Type.Array(Type.Object({ size: Size, count: Type.Integer({ minimum: 1, maximum: MAX_CONTAINERS }) }, { additionalProperties: false }), {
  minItems: 1,
  maxItems: 2,
});

export const ServiceBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    mode: Type.Optional(literalUnion(['rail', 'sea'] as const)),
    stops: Type.Array(
      Type.Object({ node: NodeId, arriveOffsetMinutes: Type.Optional(Offset), departOffsetMinutes: Type.Optional(Offset) }, { additionalProperties: false }),
      { minItems: 2, maxItems: 60 },
    ),
    sizes: Type.Array(Size, { minItems: 1, maxItems: 2, uniqueItems: true }),
    usd: Type.Object({ 20: Type.Optional(Money), 40: Type.Optional(Money) }, { additionalProperties: false }),
    capacityTeu: Type.Integer({ minimum: 1, maximum: 1000, description: 'TEU a departure carries' }),
    cutoffMinutes: Type.Integer({ minimum: 0, maximum: 60 * 24 * 14, description: 'No booking later than this before the departure' }),
    timetable: Type.Object(
      {
        weekdays: Type.Array(Type.Integer({ minimum: 1, maximum: 7 }), { maxItems: 7, description: 'ISO weekdays: 1 = Monday … 7 = Sunday' }),
        departureTime: Type.String({ pattern: '^\\d{2}:\\d{2}$', description: 'UTC time of day it leaves its first stop' }),
        validFrom: IsoDate,
        validTo: IsoDate,
        extra: Type.Optional(Type.Array(Type.String({ maxLength: 40 }), { maxItems: 400, description: "Extra departures, UTC date-times such as '2026-12-03T08:30Z'" })),
        cancelled: Type.Optional(Type.Array(IsoDate, { maxItems: 400, description: 'Days the weekly departure does not run' })),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);

export const ServiceSchema = Type.Object(
  {
    id: Uuid,
    name: Type.String(),
    operatorId: Uuid,
    mode: literalUnion(['rail', 'sea'] as const),
    stops: Type.Array(Type.Object({ node: Type.String(), arriveOffsetMinutes: Type.Optional(Type.Integer()), departOffsetMinutes: Type.Optional(Type.Integer()) })),
    sizes: Type.Array(Size),
    usd: Type.Object({ 20: Type.Optional(Type.Number()), 40: Type.Optional(Type.Number()) }),
    capacityTeu: Type.Integer(),
    cutoffMinutes: Type.Integer(),
    timetable: Type.Object({
      weekdays: Type.Array(Type.Integer()),
      departureTime: Type.String(),
      validFrom: Type.String(),
      validTo: Type.String(),
      extra: Type.Optional(Type.Array(Type.String())),
      cancelled: Type.Optional(Type.Array(Type.String())),
    }),
  },
  { $id: 'TrainService' },
);

export const DepartureSchema = Type.Object(
  {
    id: Uuid,
    serviceId: Uuid,
    serviceName: Type.String(),
    mode: literalUnion(['rail', 'sea'] as const),
    departsAt: Time,
    stops: Type.Array(Type.Object({ node: Type.String(), arriveAt: Type.Optional(Time), departAt: Type.Optional(Time) })),
    status: literalUnion(['scheduled', 'cancelled', 'departed', 'arrived'] as const),
    capacityTeu: Type.Integer(),
    teuLeft: Type.Integer({ description: 'TEU still free: a 20-foot container takes 1, a 40-foot 2' }),
    bookingClosesAt: Time,
    sizes: Type.Array(Size),
    usd: Type.Object({ 20: Type.Optional(Type.Number()), 40: Type.Optional(Type.Number()) }),
  },
  { $id: 'TrainDeparture' },
);

export const DepartureQuery = Type.Object(
  {
    from: Type.Optional(NodeId),
    to: Type.Optional(NodeId),
    date: Type.Optional(IsoDate),
    days: Type.Optional(Type.Integer({ minimum: 1, maximum: 62, default: 14, description: 'Days from `date` (default today) to list' })),
    containers: Type.Optional(
      Type.String({ pattern: '^[0-9]{1,3}x(20|40)(,[0-9]{1,3}x(20|40))?$', description: "Only departures with room for these, e.g. '2x40,1x20'" }),
    ),
  },
  { additionalProperties: false },
);

export const BookingBody = Type.Object(
  {
    departureId: Uuid,
    containers: ContainerCounts,
    containerNumbers: Type.Optional(
      Type.Array(Type.Object({ number: Type.String({ minLength: 1, maxLength: 20 }), size: Size }, { additionalProperties: false }), { maxItems: 2 * MAX_CONTAINERS }),
    ),
    waitlist: Type.Optional(Type.Boolean({ description: 'Join the waitlist when the slots are not there (default true)' })),
  },
  { additionalProperties: false },
);

export const IdempotencyHeaders = Type.Object({
  'idempotency-key': Type.Optional(Type.String({ minLength: 1, maxLength: 200, pattern: '^[\\x21-\\x7e]+$', description: 'Retries with the same key get the first answer' })),
});

export const BookingSchema = Type.Object(
  {
    id: Uuid,
    departureId: Uuid,
    containers: Type.Array(Type.Object({ size: Size, count: Type.Integer() })),
    teu: Type.Integer(),
    state: literalUnion(BOOKING_STATES),
    containerNumbers: Type.Array(Type.Object({ number: Type.String(), size: Size })),
    events: Type.Array(Type.Object({ state: literalUnion(BOOKING_STATES), at: Time, actorId: NullableText, note: NullableText }), { description: 'Every change of state: who and when' }),
  },
  { $id: 'TrainBooking' },
);

export const IdParams = Type.Object({ id: Uuid });

export type ServiceBodyType = Static<typeof ServiceBody>;

const NullableNumber = Type.Unsafe<number | null>({ type: ['number', 'null'] });
const TallyFields = { trains: Type.Integer(), teu: Type.Integer(), loadFactor: NullableNumber };

export const StatsQuery = Type.Object(
  {
    year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100, description: 'Default: this year' })),
    through: Type.Optional(Type.Integer({ minimum: 1, maximum: 12, description: 'Last month of the year to date; default this month (December for a past year)' })),
  },
  { additionalProperties: false },
);

export const StatsAnswer = Type.Object({
  operations: Type.Object(
    {
      year: Type.Integer(),
      throughMonth: Type.Integer(),
      months: Type.Array(Type.Object({ month: Type.String(), ...TallyFields })),
      yearToDate: Type.Object(TallyFields),
      sameMonthsYearBefore: Type.Object(TallyFields),
      trainsGrowthPercent: NullableNumber,
      teuGrowthPercent: NullableNumber,
      byCorridor: Type.Array(Type.Object({ corridor: Type.String(), ...TallyFields })),
      byBorderCrossing: Type.Array(Type.Object({ node: Type.String(), ...TallyFields })),
      byOriginCountry: Type.Array(Type.Object({ country: Type.String(), ...TallyFields })),
      byDestinationCountry: Type.Array(Type.Object({ country: Type.String(), ...TallyFields })),
      destinationCountries: Type.Integer(),
    },
    { description: "The platform's own figures: departures that left, and the TEU of the bookings that travelled on them" },
  ),
  reported: Type.Array(
    Type.Object({ key: Type.String(), subject: Type.String(), metric: Type.String(), period: Type.String(), value: Type.String(), unit: Type.String(), qualifier: Type.String(), source: Type.String(), quote: Type.String() }),
    { description: 'Officially reported indicators from the registry (e.g. the China–Europe trains run), shown beside the platform figures, never added to them' },
  ),
});

export const ExtraDepartureBody = Type.Object(
  { departsAt: Type.String({ format: 'date-time', description: 'When the extra run leaves its first stop (whole minutes)' }) },
  { additionalProperties: false },
);
