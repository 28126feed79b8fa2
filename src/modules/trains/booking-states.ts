/**
 * The life of a booking: requested, then confirmed (slots held) or waitlisted; a confirmed booking is loaded,
 * departs, arrives and is delivered. It may be cancelled until it is loaded; a waitlisted booking is confirmed when
 * slots free up. Every move is an event with who and when, so the state is never changed any other way.
 */
import { DomainError } from '../../errors/domain-error.ts';

export const BOOKING_STATES = ['requested', 'confirmed', 'waitlisted', 'loaded', 'departed', 'arrived', 'delivered', 'cancelled'] as const;
export type BookingState = (typeof BOOKING_STATES)[number];

const NEXT: Record<BookingState, readonly BookingState[]> = {
  requested: ['confirmed', 'waitlisted', 'cancelled'],
  confirmed: ['loaded', 'cancelled'],
  waitlisted: ['confirmed', 'cancelled'],
  loaded: ['departed'],
  departed: ['arrived'],
  arrived: ['delivered'],
  delivered: [],
  cancelled: [],
};

/** The states a booking in `state` may move to. */
export function nextStates(state: BookingState): readonly BookingState[] {
  return NEXT[state];
}

/** Throws `BOOKING_STATE_CONFLICT` unless a booking in `state` may become `next`. */
export function assertMove(booking: string, state: BookingState, next: BookingState): void {
  if (!NEXT[state].includes(next)) throw new DomainError('BOOKING_STATE_CONFLICT', { booking, state, next }, [{ allowed: [...NEXT[state]] }]);
}

/** Whether a booking in `state` holds slots on its departure: from confirmation until delivery. */
export function holdsSlots(state: BookingState): boolean {
  return state === 'confirmed' || state === 'loaded' || state === 'departed' || state === 'arrived' || state === 'delivered';
}

export interface WaitingBooking {
  id: string;
  teu: number;
}

/**
 * The waitlisted bookings to confirm when `teuLeft` slots are free, first come, first served: in the order they were
 * requested, each one that fits is confirmed; one too large for what is left keeps its place and the next ones that
 * fit go ahead, so freed slots are not left empty behind a large booking.
 */
export function promotions(waiting: readonly WaitingBooking[], teuLeft: number): WaitingBooking[] {
  const confirmed: WaitingBooking[] = [];
  let left = teuLeft;
  for (const booking of waiting) {
    if (booking.teu > left) continue;
    confirmed.push(booking);
    left -= booking.teu;
  }
  return confirmed;
}
