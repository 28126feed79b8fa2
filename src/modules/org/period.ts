import { DomainError } from '../../errors/domain-error.ts';
import { assertCalendarDate } from './status-history.ts';

const POINT = /^\d{4}(-(0[1-9]|1[0-2])(-\d{2})?)?$/;

function assertPoint(point: string, whole: string): string {
  if (!POINT.test(point)) throw new DomainError('INVALID_PERIOD', { value: whole });
  if (point.length === 10) {
    try {
      assertCalendarDate(point);
    } catch {
      throw new DomainError('INVALID_PERIOD', { value: whole });
    }
  }
  return point;
}

/**
 * Validates a reported period: a year (2021), a month (2022-07), a day, or a range of those
 * (2022-01/2022-07) whose end is not before its start.
 */
export function assertPeriod(value: string): string {
  const parts = value.split('/');
  if (parts.length > 2) throw new DomainError('INVALID_PERIOD', { value });
  const [start = '', end] = parts.map((part) => assertPoint(part, value));
  if (end !== undefined && (end.length !== start.length || end < start)) throw new DomainError('INVALID_PERIOD', { value });
  return value;
}
