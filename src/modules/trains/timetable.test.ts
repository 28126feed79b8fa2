import { describe, expect, it } from 'vitest';
import { scheduledRuns, validateService, type ServiceStop, type WeeklyTimetable } from './timetable.ts';
import { domainErrorOf } from '../../errors/testing.ts';

/** Minutes since the epoch of a UTC date-time, worked out independently of the module under test. */
const at = (dateTime: string) => Date.parse(dateTime) / 60_000;
const departures = (runs: { departsAt: number }[]) => runs.map((run) => new Date(run.departsAt * 60_000).toISOString().slice(0, 16));

const xianToDuisburg: ServiceStop[] = [
  { node: 'xian', departOffsetMinutes: 0 },
  { node: 'khorgos', arriveOffsetMinutes: 3000, departOffsetMinutes: 3360 },
  { node: 'malaszewicze', arriveOffsetMinutes: 14_000, departOffsetMinutes: 14_400 },
  { node: 'duisburg', arriveOffsetMinutes: 16_000 },
];

/** Mondays and Thursdays at 08:30 for three weeks: Monday 2 March to Sunday 22 March 2026. */
const mondaysAndThursdays: WeeklyTimetable = {
  weekdays: [1, 4],
  departureTime: '08:30',
  validFrom: '2026-03-02',
  validTo: '2026-03-22',
};

const march2026 = { from: at('2026-03-01T00:00Z'), to: at('2026-04-01T00:00Z') };

describe('scheduledRuns', () => {
  it('gives a Monday and Thursday 08:30 service six runs over three weeks', () => {
    const runs = scheduledRuns(xianToDuisburg, mondaysAndThursdays, march2026);
    expect(departures(runs)).toEqual([
      '2026-03-02T08:30',
      '2026-03-05T08:30',
      '2026-03-09T08:30',
      '2026-03-12T08:30',
      '2026-03-16T08:30',
      '2026-03-19T08:30',
    ]);
  });

  it('times each stop from the departure from the first stop', () => {
    const [first] = scheduledRuns(xianToDuisburg, mondaysAndThursdays, march2026);
    const departsAt = at('2026-03-02T08:30Z');
    expect(first).toEqual({
      departsAt,
      stops: [
        { node: 'xian', departAt: departsAt },
        { node: 'khorgos', arriveAt: departsAt + 3000, departAt: departsAt + 3360 },
        { node: 'malaszewicze', arriveAt: departsAt + 14_000, departAt: departsAt + 14_400 },
        { node: 'duisburg', arriveAt: at('2026-03-13T11:10Z') },
      ],
    });
    expect(first?.stops[0]).not.toHaveProperty('arriveAt');
    expect(first?.stops[3]).not.toHaveProperty('departAt');
  });

  it('leaves out cancelled days', () => {
    const runs = scheduledRuns(xianToDuisburg, { ...mondaysAndThursdays, cancelled: ['2026-03-05', '2026-03-16'] }, march2026);
    expect(departures(runs)).toEqual(['2026-03-02T08:30', '2026-03-09T08:30', '2026-03-12T08:30', '2026-03-19T08:30']);
  });

  it('adds the extra departures in order, even outside the weekly pattern', () => {
    const runs = scheduledRuns(xianToDuisburg, { ...mondaysAndThursdays, extra: ['2026-03-25T06:00Z', '2026-03-11T14:15Z'] }, march2026);
    expect(departures(runs)).toEqual([
      '2026-03-02T08:30',
      '2026-03-05T08:30',
      '2026-03-09T08:30',
      '2026-03-11T14:15',
      '2026-03-12T08:30',
      '2026-03-16T08:30',
      '2026-03-19T08:30',
      '2026-03-25T06:00',
    ]);
    expect(runs[3]?.stops[1]).toEqual({ node: 'khorgos', arriveAt: at('2026-03-11T14:15Z') + 3000, departAt: at('2026-03-11T14:15Z') + 3360 });
  });

  it('makes one run of an extra at the same minute as a weekly departure', () => {
    const runs = scheduledRuns(xianToDuisburg, { ...mondaysAndThursdays, extra: ['2026-03-12T08:30Z', '2026-03-12T08:30:00Z'] }, march2026);
    expect(departures(runs)).toHaveLength(6);
  });

  it('runs an extra on a cancelled day, since cancelling takes away only the weekly departure', () => {
    const timetable = { ...mondaysAndThursdays, cancelled: ['2026-03-12'], extra: ['2026-03-12T10:00Z'] };
    expect(departures(scheduledRuns(xianToDuisburg, timetable, march2026))).toContain('2026-03-12T10:00');
    expect(departures(scheduledRuns(xianToDuisburg, timetable, march2026))).not.toContain('2026-03-12T08:30');
  });

  it('includes a run leaving at the start of the window and leaves out one leaving at its end', () => {
    const window = { from: at('2026-03-05T08:30Z'), to: at('2026-03-12T08:30Z') };
    expect(departures(scheduledRuns(xianToDuisburg, mondaysAndThursdays, window))).toEqual(['2026-03-05T08:30', '2026-03-09T08:30']);
  });

  it('judges the window by the departure from the first stop alone', () => {
    const window = { from: at('2026-03-02T08:31Z'), to: at('2026-03-05T08:31Z') };
    expect(departures(scheduledRuns(xianToDuisburg, mondaysAndThursdays, window))).toEqual(['2026-03-05T08:30']);
  });

  it('runs on the first and the last day of validity, and not a day outside', () => {
    const timetable = { ...mondaysAndThursdays, validFrom: '2026-03-05', validTo: '2026-03-16' };
    expect(departures(scheduledRuns(xianToDuisburg, timetable, march2026))).toEqual([
      '2026-03-05T08:30',
      '2026-03-09T08:30',
      '2026-03-12T08:30',
      '2026-03-16T08:30',
    ]);
  });

  it('gives no runs for an empty window', () => {
    expect(scheduledRuns(xianToDuisburg, mondaysAndThursdays, { from: at('2026-03-05T08:30Z'), to: at('2026-03-05T08:30Z') })).toEqual([]);
  });

  it('carries a service across the turn of the year', () => {
    const lateThursdays: WeeklyTimetable = { weekdays: [4], departureTime: '23:30', validFrom: '2026-12-01', validTo: '2027-01-31' };
    const shortHop: ServiceStop[] = [
      { node: 'zabaikalsk', departOffsetMinutes: 0 },
      { node: 'manzhouli', arriveOffsetMinutes: 60 },
    ];
    const runs = scheduledRuns(shortHop, lateThursdays, { from: at('2026-12-28T00:00Z'), to: at('2027-01-11T00:00Z') });
    expect(departures(runs)).toEqual(['2026-12-31T23:30', '2027-01-07T23:30']);
    expect(runs[0]?.stops[1]).toEqual({ node: 'manzhouli', arriveAt: at('2027-01-01T00:30Z') });
  });

  it('counts a leap day in the pattern', () => {
    const sundays: WeeklyTimetable = { weekdays: [7], departureTime: '00:00', validFrom: '2028-02-20', validTo: '2028-03-10' };
    const runs = scheduledRuns(xianToDuisburg, sundays, { from: at('2028-01-01T00:00Z'), to: at('2029-01-01T00:00Z') });
    expect(departures(runs)).toEqual(['2028-02-20T00:00', '2028-02-27T00:00', '2028-03-05T00:00']);
  });

  it('refuses an invalid service rather than guess its runs', () => {
    expect(domainErrorOf(() => scheduledRuns(xianToDuisburg, { ...mondaysAndThursdays, weekdays: [8] }, march2026)).code).toBe('INVALID_TIMETABLE');
  });
});

describe('validateService', () => {
  it('accepts a well-formed service', () => {
    expect(() => validateService(xianToDuisburg, { ...mondaysAndThursdays, extra: ['2026-12-03T08:30Z'], cancelled: ['2026-03-05'] })).not.toThrow();
  });

  it('accepts a stop where the train arrives and leaves in the same minute', () => {
    const stops: ServiceStop[] = [
      { node: 'a', departOffsetMinutes: 0 },
      { node: 'b', arriveOffsetMinutes: 10, departOffsetMinutes: 10 },
      { node: 'c', arriveOffsetMinutes: 20 },
    ];
    expect(() => validateService(stops, mondaysAndThursdays)).not.toThrow();
  });

  it.each([
    [[], 'no stops'],
    [[{ node: 'xian', departOffsetMinutes: 0 }], 'one stop'],
  ])('needs at least two stops (%j: %s)', (stops) => {
    const error = domainErrorOf(() => validateService(stops, mondaysAndThursdays));
    expect(error.details).toEqual([{ field: 'stops', problem: 'fewer than 2 stops' }]);
  });

  it('lists every problem with the stops, naming the first in the message', () => {
    const stops: ServiceStop[] = [
      { node: 'xian', arriveOffsetMinutes: 0, departOffsetMinutes: 5 },
      { node: 'xian', arriveOffsetMinutes: 3, departOffsetMinutes: 100 },
      { node: 'khorgos', arriveOffsetMinutes: 100.5, departOffsetMinutes: 90 },
      { node: 'dostyk' },
      { node: '', arriveOffsetMinutes: -1, departOffsetMinutes: 300 },
      { node: 'duisburg' },
    ];
    const error = domainErrorOf(() => validateService(stops, mondaysAndThursdays));
    expect(error.code).toBe('INVALID_TIMETABLE');
    expect(error.params).toEqual({ field: 'stops[0].arriveOffsetMinutes' });
    expect(error.details).toEqual([
      { field: 'stops[0].arriveOffsetMinutes', problem: 'given for the first stop, where the train only leaves' },
      { field: 'stops[0].departOffsetMinutes', problem: 'not 0: offsets count from the departure from the first stop' },
      { field: 'stops[1].node', problem: 'the same node as the stop before' },
      { field: 'stops[1].arriveOffsetMinutes', problem: 'not after the departure from the stop before' },
      { field: 'stops[2].arriveOffsetMinutes', problem: 'not a whole number of minutes ≥ 0' },
      { field: 'stops[2].departOffsetMinutes', problem: 'not after the departure from the stop before' },
      { field: 'stops[3].arriveOffsetMinutes', problem: 'missing' },
      { field: 'stops[3].departOffsetMinutes', problem: 'missing' },
      { field: 'stops[4].node', problem: 'empty' },
      { field: 'stops[4].arriveOffsetMinutes', problem: 'not a whole number of minutes ≥ 0' },
      { field: 'stops[5].arriveOffsetMinutes', problem: 'missing' },
    ]);
  });

  it('wants an arrival and no departure at the last stop, and a departure no earlier than the arrival in between', () => {
    const stops: ServiceStop[] = [
      { node: 'xian', departOffsetMinutes: 0 },
      { node: 'khorgos', arriveOffsetMinutes: 3000, departOffsetMinutes: 2990 },
      { node: 'duisburg', departOffsetMinutes: 16_000 },
    ];
    expect(domainErrorOf(() => validateService(stops, mondaysAndThursdays)).details).toEqual([
      { field: 'stops[1].departOffsetMinutes', problem: 'before the arrival at the same stop' },
      { field: 'stops[2].arriveOffsetMinutes', problem: 'missing' },
      { field: 'stops[2].departOffsetMinutes', problem: 'given for the last stop, where the train only arrives' },
    ]);
  });

  it('lists every problem with the timetable, naming the first in the message', () => {
    const timetable: WeeklyTimetable = {
      weekdays: [1, 0, 8, 2.5, 1],
      departureTime: '24:00',
      validFrom: '2026-02-30',
      validTo: '2026-3-22',
      extra: ['2026-12-03T08:30Z', '2026-12-03T08:30', '2026-12-03T08:30+03:00', '2026-12-03T08:30:15Z', '2026-13-03T08:30Z'],
      cancelled: ['2026-03-05', '5 March 2026', '2026-04-31'],
    };
    const error = domainErrorOf(() => validateService(xianToDuisburg, timetable));
    expect(error.params).toEqual({ field: 'weekdays[1]' });
    expect(error.details).toEqual([
      { field: 'weekdays[1]', problem: 'not an ISO weekday from 1 (Monday) to 7 (Sunday)' },
      { field: 'weekdays[2]', problem: 'not an ISO weekday from 1 (Monday) to 7 (Sunday)' },
      { field: 'weekdays[3]', problem: 'not an ISO weekday from 1 (Monday) to 7 (Sunday)' },
      { field: 'weekdays[4]', problem: 'given twice' },
      { field: 'departureTime', problem: 'not a time of day HH:MM' },
      { field: 'validFrom', problem: 'not a date YYYY-MM-DD' },
      { field: 'validTo', problem: 'not a date YYYY-MM-DD' },
      { field: 'extra[1]', problem: 'not a UTC date-time YYYY-MM-DDTHH:MMZ' },
      { field: 'extra[2]', problem: 'not a UTC date-time YYYY-MM-DDTHH:MMZ' },
      { field: 'extra[3]', problem: 'not a UTC date-time YYYY-MM-DDTHH:MMZ' },
      { field: 'extra[4]', problem: 'not a UTC date-time YYYY-MM-DDTHH:MMZ' },
      { field: 'cancelled[1]', problem: 'not a date YYYY-MM-DD' },
      { field: 'cancelled[2]', problem: 'not a date YYYY-MM-DD' },
    ]);
  });

  it('wants the validity to end no earlier than it starts, and allows one day', () => {
    const reversed = { ...mondaysAndThursdays, validFrom: '2026-03-22', validTo: '2026-03-02' };
    expect(domainErrorOf(() => validateService(xianToDuisburg, reversed)).details).toEqual([{ field: 'validTo', problem: 'before validFrom' }]);
    expect(() => validateService(xianToDuisburg, { ...mondaysAndThursdays, validFrom: '2026-03-02', validTo: '2026-03-02' })).not.toThrow();
  });

  it('reports problems with the stops and the timetable together', () => {
    const error = domainErrorOf(() => validateService([], { ...mondaysAndThursdays, departureTime: '8:30' }));
    expect(error.details).toEqual([
      { field: 'stops', problem: 'fewer than 2 stops' },
      { field: 'departureTime', problem: 'not a time of day HH:MM' },
    ]);
  });
});
