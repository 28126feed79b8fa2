import { Type } from 'typebox';
import type { FastifyRequest } from 'fastify';
import type { Database } from '../../db/database.ts';
import type { App } from '../../http/app-types.ts';
import { errorResponses } from '../../http/schemas.ts';
import { BookingBody, BookingSchema, DepartureQuery, DepartureSchema, IdempotencyHeaders, IdParams, ServiceBody, ServiceSchema } from './schemas.ts';
import {
  bookDeparture,
  cancelBooking,
  createService,
  getBooking,
  listBookings,
  listDepartures,
  listServices,
  teuOf,
  type Actor,
  type Booking,
  type ContainerCount,
  type Departure,
} from './store.ts';

const TAGS = ['trains'];
const MINUTE = 60_000;
const iso = (minutes: number) => new Date(minutes * MINUTE).toISOString();
const nowInMinutes = () => Math.floor(Date.now() / MINUTE);

/** The acting user of a route that requires one (access control has already refused anyone else). */
function actorOf(request: FastifyRequest): Actor {
  const user = request.session!.user;
  return { userId: user.id, role: user.role, organisationId: user.organisation?.id ?? null };
}

function presentDeparture(departure: Departure) {
  return {
    id: departure.id,
    serviceId: departure.serviceId,
    serviceName: departure.serviceName,
    mode: departure.mode,
    departsAt: iso(departure.departsAt),
    stops: departure.stops.map((stop) => ({
      node: stop.node,
      ...(stop.arriveAt === undefined ? {} : { arriveAt: iso(stop.arriveAt) }),
      ...(stop.departAt === undefined ? {} : { departAt: iso(stop.departAt) }),
    })),
    capacityTeu: departure.capacityTeu,
    teuLeft: departure.teuLeft,
    bookingClosesAt: iso(departure.departsAt - departure.cutoffMinutes),
    sizes: departure.sizes,
    usd: departure.usd,
  };
}

function presentBooking(booking: Booking) {
  return {
    id: booking.id,
    departureId: booking.departureId,
    containers: booking.containers,
    teu: booking.teu,
    state: booking.state,
    containerNumbers: booking.containerNumbers,
    events: booking.events.map((event) => ({ state: event.state, at: iso(event.at), actorId: event.actorId, note: event.note })),
  };
}

/** '2x40,1x20' as container counts. */
function parseContainers(text: string): ContainerCount[] {
  return text.split(',').map((part) => {
    const [count, size] = part.split('x');
    return { count: Number(count), size: Number(size) as 20 | 40 };
  });
}

/** Train services, their departures with the slots left, and bookings of container slots (docs/api.md). */
export function trainRoutes(db: Database) {
  return async (app: App) => {
    app.addSchema(ServiceSchema);
    app.addSchema(DepartureSchema);
    app.addSchema(BookingSchema);

    app.get(
      '/services',
      { config: { access: 'public' }, schema: { tags: TAGS, summary: 'Every train service with its stops, prices, capacity and cut-off', response: { 200: Type.Object({ services: Type.Array(Type.Ref('TrainService')) }) } } },
      async () => ({ services: await listServices(db) }),
    );

    app.post(
      '/services',
      {
        config: { access: ['provider'] },
        schema: {
          tags: TAGS,
          summary: "Add a service run by the provider's organisation; its departures are generated from the timetable",
          body: ServiceBody,
          response: { 201: Type.Object({ service: Type.Ref('TrainService'), departures: Type.Integer() }), ...errorResponses(400, 401, 403) },
        },
      },
      async (request, reply) => {
        const operator = actorOf(request).organisationId!;
        const { service, departures } = await db.transaction((tx) => createService(tx, operator, request.body));
        return reply.status(201).send({ service, departures });
      },
    );

    app.get(
      '/departures',
      {
        config: { access: 'public' },
        schema: {
          tags: TAGS,
          summary: 'Scheduled departures from a date, by time, each with the TEU it has left; optionally between two stops and with room for some containers',
          querystring: DepartureQuery,
          response: { 200: Type.Object({ departures: Type.Array(Type.Ref('TrainDeparture')) }), ...errorResponses(400) },
        },
      },
      async (request) => {
        const { from, to, date, days = 14, containers } = request.query;
        const after = date === undefined ? nowInMinutes() : Date.parse(`${date}T00:00Z`) / MINUTE;
        const departures = await listDepartures(db, { from, to, after, before: after + days * 24 * 60, teu: containers === undefined ? undefined : teuOf(parseContainers(containers)) });
        return { departures: departures.map(presentDeparture) };
      },
    );

    app.post(
      '/bookings',
      {
        config: { access: ['member'] },
        schema: {
          tags: TAGS,
          summary: 'Book container slots on a departure: confirmed when the slots are there, else waitlisted; a retry with the same Idempotency-Key gets the first answer',
          headers: IdempotencyHeaders,
          body: BookingBody,
          response: { 201: Type.Ref('TrainBooking'), ...errorResponses(400, 401, 403, 404, 409, 422) },
        },
      },
      async (request, reply) => {
        const booking = await bookDeparture(db, actorOf(request), { ...request.body, idempotencyKey: request.headers['idempotency-key'] }, nowInMinutes());
        return reply.status(201).send(presentBooking(booking));
      },
    );

    app.get(
      '/bookings',
      {
        config: { access: 'user' },
        schema: { tags: TAGS, summary: "The bookings the user may see, newest first: a shipper's own, those on an operator's services, all for admins", response: { 200: Type.Object({ bookings: Type.Array(Type.Ref('TrainBooking')) }), ...errorResponses(401) } },
      },
      async (request) => ({ bookings: (await listBookings(db, actorOf(request))).map(presentBooking) }),
    );

    app.get(
      '/bookings/:id',
      {
        config: { access: 'user' },
        schema: { tags: TAGS, summary: 'One booking with its containers and events; seen by its shipper, its operator and admins only', params: IdParams, response: { 200: Type.Ref('TrainBooking'), ...errorResponses(400, 401, 404) } },
      },
      async (request) => presentBooking(await getBooking(db, actorOf(request), request.params.id)),
    );

    app.post(
      '/bookings/:id/cancel',
      {
        config: { access: 'user' },
        schema: {
          tags: TAGS,
          summary: 'Cancel a booking until it is loaded; slots it held go to the waitlist first',
          params: IdParams,
          response: { 200: Type.Ref('TrainBooking'), ...errorResponses(400, 401, 404, 409) },
        },
      },
      async (request) => presentBooking(await cancelBooking(db, actorOf(request), request.params.id)),
    );
  };
}
