import { Type } from 'typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from '../../db/database.ts';
import type { App } from '../../http/app-types.ts';
import { errorResponses, literalUnion } from '../../http/schemas.ts';
import { TRACKING_KINDS } from './eta.ts';
import { actorOf, iso, nowInMinutes, presentBooking, presentDeparture } from './presenters.ts';
import type { Actor } from './store.ts';
import { IdParams, NullableText, Time } from './schemas.ts';
import { departureTracking, eventsSince, postBookingEvent, postDepartureEvent, type DepartureTracking } from './tracking.ts';

const TAGS = ['trains'];
const POLL_MS = 1_000;
const KEEP_ALIVE_MS = 15_000;
const STREAM_LIFETIME_MS = 30 * 60_000;
const NullableInteger = Type.Unsafe<number | null>({ type: ['integer', 'null'] });
const Kind = literalUnion(TRACKING_KINDS);

const DepartureEventBody = Type.Object(
  {
    kind: Kind,
    node: Type.Optional(Type.String({ pattern: '^[A-Z0-9][A-Z0-9-]*$', maxLength: 64, description: "A stop of the departure; 'departed' defaults to the first, 'arrived' to the last" })),
    at: Type.Optional({ ...Time, description: 'When it happened; default now' }),
    delayMinutes: Type.Optional(Type.Integer({ minimum: 0, maximum: 60 * 24 * 90, description: "For 'delayed' (required there): the delay now expected at arrival" })),
    reason: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
  },
  { additionalProperties: false },
);

const BookingEventBody = Type.Object(
  { state: literalUnion(['loaded', 'delivered'] as const), note: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })) },
  { additionalProperties: false },
);

const TrackingSchema = Type.Object(
  {
    departure: Type.Object({
      id: Type.String({ format: 'uuid' }),
      serviceId: Type.String({ format: 'uuid' }),
      serviceName: Type.String(),
      mode: literalUnion(['rail', 'sea'] as const),
      status: literalUnion(['scheduled', 'cancelled', 'departed', 'arrived'] as const),
      departsAt: Time,
      stops: Type.Array(Type.Object({ node: Type.String(), arriveAt: Type.Optional(Time), departAt: Type.Optional(Time) })),
    }),
    events: Type.Array(Type.Object({ id: Type.Integer(), kind: Kind, node: NullableText, at: Time, delayMinutes: NullableInteger, reason: NullableText }), {
      description: 'The timeline, in the order recorded',
    }),
    eta: { ...Time, description: 'Expected arrival at the last stop, from the remaining legs; the arrival itself once arrived' },
    delayMinutes: Type.Integer({ description: 'The ETA against the planned arrival; negative when ahead of plan' }),
    lastPosition: Type.Optional(Type.Object({ node: Type.String(), at: Time, kind: Kind })),
    arrived: Type.Boolean(),
  },
  { $id: 'TrainDepartureTracking' },
);

function presentTracking(tracking: DepartureTracking) {
  const { departure, lastPosition } = tracking;
  return {
    departure: presentDeparture(departure),
    events: tracking.events.map((event) => ({ ...event, at: iso(event.at) })),
    eta: iso(tracking.eta),
    delayMinutes: tracking.delayMinutes,
    ...(lastPosition ? { lastPosition: { ...lastPosition, at: iso(lastPosition.at) } } : {}),
    arrived: tracking.arrived,
  };
}

const trackingMessage = (tracking: DepartureTracking) => {
  const last = tracking.events.at(-1);
  return `${last ? `id: ${last.id}\n` : ''}event: tracking\ndata: ${JSON.stringify(presentTracking(tracking))}\n\n`;
};

/**
 * Streams a departure's tracking view as server-sent events until the client leaves or the server closes: polling
 * the database (not an in-process signal) so that events posted through any server instance reach every page.
 */
function streamTracking(db: Database, request: FastifyRequest, reply: FastifyReply, actor: Actor, first: DepartureTracking): () => void {
  const departureId = first.departure.id;
  let lastId = first.events.at(-1)?.id ?? 0;
  let closed = false;
  let poll: NodeJS.Timeout | undefined;
  const raw = reply.raw;
  raw.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive', 'x-content-type-options': 'nosniff' });
  raw.write(trackingMessage(first));
  const keepAlive = setInterval(() => raw.write(': keep-alive\n\n'), KEEP_ALIVE_MS);
  // Bounded work per stream: it ends after a while (a browser's EventSource reconnects by itself, with the last id).
  const lifetime = setTimeout(() => end(), STREAM_LIFETIME_MS);

  const end = () => {
    if (closed) return;
    closed = true;
    clearTimeout(poll);
    clearTimeout(lifetime);
    clearInterval(keepAlive);
    raw.end();
  };
  // A timeout chained after each check, not an interval: a slow query never piles up checks behind it.
  const check = async () => {
    try {
      const fresh = await eventsSince(db, departureId, lastId);
      if (closed) return;
      if (fresh.length > 0) {
        const tracking = await departureTracking(db, actor, departureId);
        if (closed) return;
        lastId = Math.max(lastId, ...tracking.events.map((event) => event.id));
        raw.write(trackingMessage(tracking));
        // An arrived train has nothing more to tell: the stream ends rather than poll on.
        if (tracking.arrived) return end();
      }
      poll = setTimeout(() => void check(), POLL_MS);
    } catch (error) {
      request.log.error({ err: error }, 'tracking stream failed');
      end();
    }
  };
  request.raw.on('close', end);
  poll = setTimeout(() => void check(), POLL_MS);
  return end;
}

/** Tracking of departures and bookings (docs/api.md); registered inside trainRoutes, whose schemas it refers to. */
export function trackingRoutes(db: Database) {
  return async (app: App) => {
    app.addSchema(TrackingSchema);
    const openStreams = new Set<() => void>();
    // Open streams would keep the server from closing: end them first.
    app.addHook('preClose', async () => {
      for (const end of openStreams) end();
    });

    app.post(
      '/departures/:id/events',
      {
        config: { access: ['provider', 'admin'] },
        schema: {
          tags: TAGS,
          summary: 'Record where a departure is (departed, at a stop, border crossed, gauge changed, delayed, arrived); departing and arriving move its bookings along',
          params: IdParams,
          body: DepartureEventBody,
          response: { 201: Type.Ref('TrainDepartureTracking'), ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request, reply) => {
        const { at, ...event } = request.body;
        const tracking = await postDepartureEvent(db, actorOf(request), request.params.id, { ...event, at: at === undefined ? undefined : Math.floor(Date.parse(at) / 60_000) }, nowInMinutes());
        return reply.status(201).send(presentTracking(tracking));
      },
    );

    app.post(
      '/bookings/:id/events',
      {
        config: { access: ['provider', 'admin'] },
        schema: {
          tags: TAGS,
          summary: 'Mark a booking loaded onto its train or delivered, by the operator of its service or an admin',
          params: IdParams,
          body: BookingEventBody,
          response: { 200: Type.Ref('TrainBooking'), ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) => presentBooking(await postBookingEvent(db, actorOf(request), request.params.id, request.body.state, request.body.note)),
    );

    app.get(
      '/departures/:id/tracking',
      {
        config: { access: 'user' },
        schema: {
          tags: TAGS,
          summary: 'Where a departure is: its timeline of events, its last position and its ETA from the remaining legs',
          params: IdParams,
          response: { 200: Type.Ref('TrainDepartureTracking'), ...errorResponses(400, 401, 404) },
        },
      },
      async (request) => presentTracking(await departureTracking(db, actorOf(request), request.params.id)),
    );

    app.get(
      '/departures/:id/stream',
      {
        config: { access: 'user' },
        schema: {
          tags: TAGS,
          summary: "A departure's tracking view as server-sent events: `event: tracking` at once and after every new event, a `: keep-alive` comment every 15 s",
          params: IdParams,
          response: { 200: { content: { 'text/event-stream': { schema: Type.String() } } }, 204: Type.Null(), ...errorResponses(400, 401, 404) },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        // Access control and a missing departure answer as usual, before the stream takes over the connection.
        const first = await departureTracking(db, actor, request.params.id);
        // Nothing more will happen to an arrived train: 204 tells a browser's EventSource not to reconnect.
        if (first.arrived) return reply.status(204).send(null);
        reply.hijack();
        const end = streamTracking(db, request, reply, actor, first);
        openStreams.add(end);
        request.raw.on('close', () => openStreams.delete(end));
      },
    );
  };
}
