import { describe, expect, it } from 'vitest';
import { DomainError } from '../../errors/domain-error.ts';
import { assertMove, BOOKING_STATES, holdsSlots, nextStates, promotions } from './booking-states.ts';

describe('a booking', () => {
  it('is confirmed or waitlisted once requested, and may be cancelled until it is loaded', () => {
    expect(nextStates('requested')).toEqual(['confirmed', 'waitlisted', 'cancelled']);
    expect(nextStates('confirmed')).toEqual(['loaded', 'cancelled']);
    expect(nextStates('waitlisted')).toEqual(['confirmed', 'cancelled']);
    for (const state of ['loaded', 'departed', 'arrived', 'delivered', 'cancelled'] as const) expect(nextStates(state)).not.toContain('cancelled');
  });

  it('runs loaded, departed, arrived, delivered in that order and ends there', () => {
    expect(nextStates('loaded')).toEqual(['departed']);
    expect(nextStates('departed')).toEqual(['arrived']);
    expect(nextStates('arrived')).toEqual(['delivered']);
    expect(nextStates('delivered')).toEqual([]);
    expect(nextStates('cancelled')).toEqual([]);
  });

  it('refuses a move its state does not allow, naming the states it may move to', () => {
    expect(() => assertMove('B1', 'confirmed', 'loaded')).not.toThrow();
    try {
      assertMove('B1', 'loaded', 'cancelled');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({ code: 'BOOKING_STATE_CONFLICT', params: { booking: 'B1', state: 'loaded', next: 'cancelled' }, details: [{ allowed: ['departed'] }] });
    }
  });

  it('holds slots from confirmation to delivery, and not while requested, waitlisted or cancelled', () => {
    expect(BOOKING_STATES.filter(holdsSlots)).toEqual(['confirmed', 'loaded', 'departed', 'arrived', 'delivered']);
  });
});

describe('the waitlist', () => {
  const waiting = [
    { id: 'first', teu: 4 },
    { id: 'second', teu: 2 },
    { id: 'third', teu: 2 },
    { id: 'fourth', teu: 1 },
  ];

  it('confirms in the order bookings were made while slots last', () => {
    expect(promotions(waiting, 6).map((b) => b.id)).toEqual(['first', 'second']);
    expect(promotions(waiting, 9).map((b) => b.id)).toEqual(['first', 'second', 'third', 'fourth']);
  });

  it('lets the next bookings that fit go ahead of one too large, which keeps its place', () => {
    expect(promotions(waiting, 3).map((b) => b.id)).toEqual(['second', 'fourth']);
    expect(promotions(waiting, 0)).toEqual([]);
  });
});
