import { DomainError } from '../../errors/domain-error.ts';

/** A stop of a service: minutes after the departure from the first stop at which the train arrives and leaves. */
export interface ServiceStop {
  node: string;
  arriveOffsetMinutes?: number;
  departOffsetMinutes?: number;
}

export interface WeeklyTimetable {
  /** ISO weekdays the service leaves its first stop: 1 = Monday … 7 = Sunday. */
  weekdays: number[];
  /** Time of day (UTC) it leaves its first stop, 'HH:MM'. */
  departureTime: string;
  /** First and last day (UTC, 'YYYY-MM-DD', both included) of the weekly pattern. */
  validFrom: string;
  validTo: string;
  /** Extra dated departures from the first stop, ISO date-times in UTC, e.g. '2026-12-03T08:30Z'. */
  extra?: string[];
  /** Days ('YYYY-MM-DD') on which the weekly departure does not run. */
  cancelled?: string[];
}

export interface ScheduledRun {
  /** Minutes since the Unix epoch (UTC) at which the run leaves its first stop. */
  departsAt: number;
  /** The stops with absolute times, in minutes since the Unix epoch (UTC). */
  stops: { node: string; arriveAt?: number; departAt?: number }[];
}

interface TimetableProblem {
  field: string;
  problem: string;
}

const MINUTES_PER_DAY = 24 * 60;
/** A timetable covers at most two years, and holds at most this many extra runs: departures are stored one a row. */
export const MAX_VALID_DAYS = 731;
export const MAX_EXTRAS = 400;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
// Runs are counted in whole minutes, so seconds are allowed only when they are zero.
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::00(?:\.0+)?)?Z$/;

/** Days since the Unix epoch of a 'YYYY-MM-DD' calendar date, or undefined if there is no such day. */
function dayNumber(text: string): number | undefined {
  const match = DATE.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 31 April over into 1 May; a date that does not read back the same does not exist.
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return date.getTime() / 60_000 / MINUTES_PER_DAY;
}

function minuteOfDay(text: string): number | undefined {
  const match = TIME.exec(text);
  return match ? Number(match[1]) * 60 + Number(match[2]) : undefined;
}

/** Minutes since the Unix epoch of a UTC date-time such as '2026-12-03T08:30Z'. */
function epochMinute(text: string): number | undefined {
  const match = DATE_TIME.exec(text);
  if (!match) return undefined;
  const day = dayNumber(match[1] ?? '');
  const minute = minuteOfDay(match[2] ?? '');
  return day === undefined || minute === undefined ? undefined : day * MINUTES_PER_DAY + minute;
}

function isoWeekday(day: number): number {
  const sundayIsZero = new Date(day * MINUTES_PER_DAY * 60_000).getUTCDay();
  return sundayIsZero === 0 ? 7 : sundayIsZero;
}

function isOffset(value: number | undefined): value is number {
  return Number.isInteger(value) && (value as number) >= 0;
}

function stopProblems(stops: ServiceStop[]): TimetableProblem[] {
  const problems: TimetableProblem[] = [];
  const report = (field: string, problem: string) => problems.push({ field, problem });
  if (stops.length < 2) report('stops', 'fewer than 2 stops');
  let previousDeparture: number | undefined;
  stops.forEach((stop, index) => {
    const at = `stops[${index}]`;
    const first = index === 0;
    const last = index === stops.length - 1 && !first;
    const { arriveOffsetMinutes: arrive, departOffsetMinutes: depart } = stop;

    if (stop.node.trim() === '') report(`${at}.node`, 'empty');
    else if (!first && stop.node === stops[index - 1]?.node) report(`${at}.node`, 'the same node as the stop before');

    if (first && arrive !== undefined) report(`${at}.arriveOffsetMinutes`, 'given for the first stop, where the train only leaves');
    else if (!first && arrive === undefined) report(`${at}.arriveOffsetMinutes`, 'missing');
    else if (arrive !== undefined && !isOffset(arrive)) report(`${at}.arriveOffsetMinutes`, 'not a whole number of minutes ≥ 0');
    else if (arrive !== undefined && previousDeparture !== undefined && arrive <= previousDeparture) {
      report(`${at}.arriveOffsetMinutes`, 'not after the departure from the stop before');
    }

    if (last && depart !== undefined) report(`${at}.departOffsetMinutes`, 'given for the last stop, where the train only arrives');
    else if (!last && depart === undefined) report(`${at}.departOffsetMinutes`, 'missing');
    else if (depart !== undefined && !isOffset(depart)) report(`${at}.departOffsetMinutes`, 'not a whole number of minutes ≥ 0');
    else if (first && depart !== 0) report(`${at}.departOffsetMinutes`, 'not 0: offsets count from the departure from the first stop');
    else if (depart !== undefined && isOffset(arrive) && depart < arrive) report(`${at}.departOffsetMinutes`, 'before the arrival at the same stop');
    else if (depart !== undefined && !isOffset(arrive) && previousDeparture !== undefined && depart <= previousDeparture) {
      // Without a usable arrival, the departure is what must come after the stop before.
      report(`${at}.departOffsetMinutes`, 'not after the departure from the stop before');
    }

    // Compare the next arrival with the latest time known at this stop, so one bad offset is not reported twice.
    const latest = [arrive, depart].filter(isOffset);
    if (latest.length > 0) previousDeparture = Math.max(...latest);
  });
  return problems;
}

function timetableProblems(timetable: WeeklyTimetable): TimetableProblem[] {
  const problems: TimetableProblem[] = [];
  const report = (field: string, problem: string) => problems.push({ field, problem });
  timetable.weekdays.forEach((weekday, index) => {
    if (!Number.isInteger(weekday) || weekday < 1 || weekday > 7) report(`weekdays[${index}]`, 'not an ISO weekday from 1 (Monday) to 7 (Sunday)');
    else if (timetable.weekdays.indexOf(weekday) < index) report(`weekdays[${index}]`, 'given twice');
  });
  if (minuteOfDay(timetable.departureTime) === undefined) report('departureTime', 'not a time of day HH:MM');
  const from = dayNumber(timetable.validFrom);
  const to = dayNumber(timetable.validTo);
  if (from === undefined) report('validFrom', 'not a date YYYY-MM-DD');
  if (to === undefined) report('validTo', 'not a date YYYY-MM-DD');
  if (from !== undefined && to !== undefined && to < from) report('validTo', 'before validFrom');
  else if (from !== undefined && to !== undefined && to - from >= MAX_VALID_DAYS) report('validTo', `more than ${MAX_VALID_DAYS} days after validFrom: publish the next season as it comes`);
  if ((timetable.extra ?? []).length > MAX_EXTRAS) report('extra', `more than ${MAX_EXTRAS} extra departures`);
  (timetable.extra ?? []).forEach((extra, index) => {
    if (epochMinute(extra) === undefined) report(`extra[${index}]`, 'not a UTC date-time YYYY-MM-DDTHH:MMZ');
  });
  (timetable.cancelled ?? []).forEach((day, index) => {
    if (dayNumber(day) === undefined) report(`cancelled[${index}]`, 'not a date YYYY-MM-DD');
  });
  return problems;
}

/** Throws INVALID_TIMETABLE listing every problem with the stops and the timetable, or returns if there is none. */
export function validateService(stops: ServiceStop[], timetable: WeeklyTimetable): void {
  const problems = [...stopProblems(stops), ...timetableProblems(timetable)];
  const [first] = problems;
  if (first) throw new DomainError('INVALID_TIMETABLE', { field: first.field }, problems);
}

function run(stops: ServiceStop[], departsAt: number): ScheduledRun {
  return {
    departsAt,
    stops: stops.map(({ node, arriveOffsetMinutes, departOffsetMinutes }) => ({
      node,
      ...(arriveOffsetMinutes === undefined ? {} : { arriveAt: departsAt + arriveOffsetMinutes }),
      ...(departOffsetMinutes === undefined ? {} : { departAt: departsAt + departOffsetMinutes }),
    })),
  };
}

/**
 * Every run leaving the first stop within [window.from, window.to) (minutes since the epoch, UTC): the weekly
 * pattern from validFrom to validTo except cancelled days, plus the extras, one run per minute, in order.
 */
export function scheduledRuns(stops: ServiceStop[], timetable: WeeklyTimetable, window: { from: number; to: number }): ScheduledRun[] {
  validateService(stops, timetable);
  const departureMinute = minuteOfDay(timetable.departureTime) as number;
  const inWindow = (minute: number) => minute >= window.from && minute < window.to;
  const weekdays = new Set(timetable.weekdays);
  const cancelled = new Set((timetable.cancelled ?? []).map((day) => dayNumber(day)));
  const departures = new Set<number>();

  // Visit only the days whose departure could fall in the window, so a long validity costs nothing.
  const firstDay = Math.max(dayNumber(timetable.validFrom) as number, Math.floor((window.from - departureMinute) / MINUTES_PER_DAY));
  const lastDay = Math.min(dayNumber(timetable.validTo) as number, Math.ceil((window.to - departureMinute) / MINUTES_PER_DAY));
  for (let day = firstDay; day <= lastDay; day += 1) {
    const departsAt = day * MINUTES_PER_DAY + departureMinute;
    if (weekdays.has(isoWeekday(day)) && !cancelled.has(day) && inWindow(departsAt)) departures.add(departsAt);
  }
  for (const extra of timetable.extra ?? []) {
    const departsAt = epochMinute(extra) as number;
    if (inWindow(departsAt)) departures.add(departsAt);
  }
  return [...departures].sort((a, b) => a - b).map((departsAt) => run(stops, departsAt));
}
