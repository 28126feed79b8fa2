import type { ServiceInput } from './store.ts';
import type { WeeklyTimetable } from './timetable.ts';

/**
 * A block train on the small test network (logistics/fixtures): Ürümqi, 10 h to Alashankou (5 h there for the
 * border), on to Dostyk; 20' and 40' containers, a 6 h cut-off, weekly in December of `year`.
 */
export function blockTrain(year: number, capacityTeu: number, weekdays: WeeklyTimetable['weekdays']): ServiceInput {
  return {
    name: 'Ürümqi–Dostyk block train',
    stops: [
      { node: 'CN-URUMQI', departOffsetMinutes: 0 },
      { node: 'CN-ALASHANKOU', arriveOffsetMinutes: 600, departOffsetMinutes: 900 },
      { node: 'KZ-DOSTYK', arriveOffsetMinutes: 1000 },
    ],
    sizes: [20, 40],
    usd: { 20: 900, 40: 1500 },
    capacityTeu,
    cutoffMinutes: 360,
    timetable: { weekdays, departureTime: '08:30', validFrom: `${year}-12-01`, validTo: `${year}-12-31` },
  };
}
