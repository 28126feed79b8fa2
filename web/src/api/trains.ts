import type { Static } from 'typebox';
import type { BookingState } from '../../../src/modules/trains/booking-states.ts';
import type { TrackingKind } from '../../../src/modules/trains/eta.ts';
import type { BookingBody, BookingSchema, DepartureSchema, ServiceSchema, StatsAnswer } from '../../../src/modules/trains/schemas.ts';
import { api, withQuery } from './client.ts';
import { everyOf } from './types.ts';

export type { BookingState, TrackingKind };

// The API's types are those of the server's schemas, imported as types only.
export type TrainService = Static<typeof ServiceSchema>;
export type Departure = Static<typeof DepartureSchema>;
export type Booking = Static<typeof BookingSchema>;
export type BookingRequest = Static<typeof BookingBody>;
export type TrainStats = Static<typeof StatsAnswer>;
export type ReportedFigure = TrainStats['reported'][number];

export const BOOKING_STATES = everyOf<BookingState>()(['requested', 'confirmed', 'waitlisted', 'loaded', 'departed', 'arrived', 'delivered', 'cancelled']);
export const TRACKING_KINDS = everyOf<TrackingKind>()(['departed', 'arrived_at', 'border_crossed', 'gauge_changed', 'delayed', 'arrived']);
/** Kinds that name the stop where they happened; the others default to the first or last stop, or need none. */
export const KINDS_AT_A_STOP: readonly TrackingKind[] = ['arrived_at', 'border_crossed', 'gauge_changed'];
/** What an operator may mark on a booking, and the state it must be in first. */
export const BOOKING_MARKS = [
  { state: 'loaded', from: 'confirmed' },
  { state: 'delivered', from: 'arrived' },
] as const satisfies readonly { state: BookingState; from: BookingState }[];

/** A departure's tracking view, as `GET /api/trains/departures/:id/tracking` and its event stream send it. */
export interface Tracking {
  departure: Pick<Departure, 'id' | 'serviceId' | 'serviceName' | 'mode' | 'departsAt' | 'stops'> & { status: 'scheduled' | 'cancelled' | 'departed' | 'arrived' };
  events: { id: number; kind: TrackingKind; node: string | null; at: string; delayMinutes: number | null; reason: string | null }[];
  eta: string;
  delayMinutes: number;
  lastPosition?: { node: string; at: string; kind: TrackingKind };
  arrived: boolean;
}

export interface TrackingEventBody {
  kind: TrackingKind;
  node?: string;
  at?: string;
  delayMinutes?: number;
  reason?: string;
}

export interface DepartureSearch {
  from?: string;
  to?: string;
  date?: string;
  days?: number;
  /** As the API takes them: '2x40,1x20'. */
  containers?: string;
}

export const servicesPath = '/api/trains/services';
export const bookingsPath = '/api/trains/bookings';
export const statsPath = '/api/trains/stats';
export const departuresPath = (search: DepartureSearch) =>
  withQuery('/api/trains/departures', { ...search, days: search.days === undefined ? undefined : String(search.days) });
const departurePath = (id: string) => `/api/trains/departures/${encodeURIComponent(id)}`;
const bookingPath = (id: string) => `${bookingsPath}/${encodeURIComponent(id)}`;
export const trackingPath = (departureId: string) => `${departurePath(departureId)}/tracking`;
export const trackingStreamPath = (departureId: string) => `${departurePath(departureId)}/stream`;

/** Books slots with an `Idempotency-Key`: a retry with the same key gets the first answer and books nothing. */
export const bookSlots = (body: BookingRequest, idempotencyKey: string) => api.post<Booking>(bookingsPath, body, { 'Idempotency-Key': idempotencyKey });

export const cancelBooking = (id: string) => api.post<Booking>(`${bookingPath(id)}/cancel`);
export const markBooking = (id: string, state: (typeof BOOKING_MARKS)[number]['state']) => api.post<Booking>(`${bookingPath(id)}/events`, { state });
export const postDepartureEvent = (departureId: string, body: TrackingEventBody) => api.post<Tracking>(`${departurePath(departureId)}/events`, body);
