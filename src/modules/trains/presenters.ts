/** How trains' records are shown over HTTP, shared by the module's routes. */
import type { FastifyRequest } from 'fastify';
import type { Actor, Booking, Departure } from './store.ts';

const MINUTE = 60_000;
export const iso = (minutes: number) => new Date(minutes * MINUTE).toISOString();
export const nowInMinutes = () => Math.floor(Date.now() / MINUTE);

/** The acting user of a route that requires one (access control has already refused anyone else). */
export function actorOf(request: FastifyRequest): Actor {
  const user = request.session!.user;
  return { userId: user.id, role: user.role, organisationId: user.organisation?.id ?? null };
}

export function presentDeparture(departure: Departure) {
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
    status: departure.status,
    capacityTeu: departure.capacityTeu,
    teuLeft: departure.teuLeft,
    bookingClosesAt: iso(departure.departsAt - departure.cutoffMinutes),
    sizes: departure.sizes,
    usd: departure.usd,
  };
}

export function presentBooking(booking: Booking) {
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
