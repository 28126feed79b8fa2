import { Type } from 'typebox';
import type { Database } from '../../db/database.ts';
import type { App } from '../../http/app-types.ts';
import { errorResponses } from '../../http/schemas.ts';
import multipart from '@fastify/multipart';
import { DomainError } from '../../errors/domain-error.ts';
import { listIndicators } from '../org/indicators.ts';
import { importOperatorMessages, readOperatorMessages } from './operator-messages.ts';
import { operationalFigures } from './operations.ts';
import { BookingBody, BookingSchema, DepartureQuery, DepartureSchema, ExtraDepartureBody, IdempotencyHeaders, IdParams, ServiceBody, ServiceSchema, StatsAnswer, StatsQuery } from './schemas.ts';
import { actorOf, nowInMinutes, presentBooking, presentDeparture } from './presenters.ts';
import {
  addExtraDeparture,
  bookDeparture,
  cancelBooking,
  cancelDeparture,
  createService,
  getBooking,
  listBookings,
  listDepartures,
  listServices,
  runRecords,
  teuOf,
  type ContainerCount,
} from './store.ts';
import { trackingRoutes } from './tracking-routes.ts';

const TAGS = ['trains'];
const MINUTE = 60_000;
/** An operator's CSV of messages: 10,000 rows fit well within this. */
const MESSAGES_LIMIT_BYTES = 2 * 1024 * 1024;
/** The registry's metrics that report on international trains. */
const REPORTED_METRICS = ['trains_run', 'trains_growth_yoy', 'train_destination_countries'];

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
    await trackingRoutes(db)(app);

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

    app.post(
      '/services/:id/departures',
      {
        config: { access: ['provider', 'admin'] },
        schema: {
          tags: TAGS,
          summary: 'Add an extra run of a service (its operator or an admin), kept among the timetable’s extras',
          params: IdParams,
          body: ExtraDepartureBody,
          response: { 201: Type.Ref('TrainDeparture'), ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request, reply) => {
        const departsAt = Math.floor(Date.parse(request.body.departsAt) / MINUTE);
        if (!Number.isFinite(departsAt)) throw new DomainError('INVALID_TIME', { field: 'departsAt', value: request.body.departsAt });
        return reply.status(201).send(presentDeparture(await addExtraDeparture(db, actorOf(request), request.params.id, departsAt)));
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
        // The pattern lets 2026-13-01 or 2026-02-30 through; a date that does not read back the same is none.
        if (date !== undefined && (!Number.isFinite(after) || new Date(after * MINUTE).toISOString().slice(0, 10) !== date)) throw new DomainError('INVALID_TIME', { field: 'date', value: date });
        const departures = await listDepartures(db, { from, to, after, before: after + days * 24 * 60, teu: containers === undefined ? undefined : teuOf(parseContainers(containers)) });
        return { departures: departures.map(presentDeparture) };
      },
    );

    app.post(
      '/departures/:id/cancel',
      {
        config: { access: ['provider', 'admin'] },
        schema: {
          tags: TAGS,
          summary: 'Cancel a departure before it leaves (its operator or an admin): its bookings are cancelled with it',
          params: IdParams,
          response: { 200: Type.Ref('TrainDeparture'), ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) => presentDeparture(await cancelDeparture(db, actorOf(request), request.params.id)),
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

    // Uploads only here: the rest of the module takes JSON.
    await app.register(async (uploads) => {
      await uploads.register(multipart, { limits: { fileSize: MESSAGES_LIMIT_BYTES, files: 1, fields: 2, parts: 3 } });
      uploads.post(
        '/messages',
        {
          config: { access: ['provider', 'admin'] },
          schema: {
            tags: TAGS,
            summary: "Record operators' messages from a CSV file (multipart field file): departure and booking events, all of them or none",
            consumes: ['multipart/form-data'],
            response: { 201: Type.Object({ departures: Type.Integer(), bookings: Type.Integer() }), ...errorResponses(400, 401, 403, 413, 415) },
          },
        },
        async (request, reply) => {
          let text: string;
          try {
            const file = await request.file();
            if (!file) throw new DomainError('VALIDATION_FAILED', { problem: 'no file field' }, [{ path: 'body.file', keyword: 'required', message: 'upload the CSV as field file' }]);
            text = (await file.toBuffer()).toString('utf8');
          } catch (error) {
            const code = (error as { code?: string }).code;
            if (code === 'FST_REQ_FILE_TOO_LARGE' || code === 'FST_PARTS_LIMIT' || code === 'FST_FILES_LIMIT' || code === 'FST_FIELDS_LIMIT') throw new DomainError('PAYLOAD_TOO_LARGE');
            if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') throw new DomainError('UNSUPPORTED_MEDIA_TYPE', { contentType: request.headers['content-type'] ?? '' });
            throw error;
          }
          const counts = await importOperatorMessages(db, actorOf(request), readOperatorMessages(text), nowInMinutes(), request.locale);
          return reply.status(201).send(counts);
        },
      );
    });

    app.get(
      '/stats',
      {
        config: { access: 'public' },
        schema: {
          tags: TAGS,
          summary: 'Trains run and TEU carried: per month, year to date against the same months a year before, by corridor, border crossing and country, load factor; and the reported indicators beside them',
          querystring: StatsQuery,
          response: { 200: StatsAnswer, ...errorResponses(400) },
        },
      },
      async (request) => {
        const today = new Date();
        const year = request.query.year ?? today.getUTCFullYear();
        const through = request.query.through ?? (year < today.getUTCFullYear() ? 12 : today.getUTCMonth() + 1);
        const reported = (await Promise.all(REPORTED_METRICS.map((metric) => listIndicators(db, { metric })))).flat();
        return { operations: operationalFigures(await runRecords(db, year), year, through), reported };
      },
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
