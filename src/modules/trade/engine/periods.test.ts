import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../errors/domain-error.ts';
import {
  formatPeriod,
  isWholeYear,
  isYearToDate,
  monthsCovered,
  parsePeriod,
  previousPeriod,
  tryParsePeriod,
} from './periods.ts';

describe('parsePeriod and formatPeriod', () => {
  it.each([
    ['2021', { kind: 'year', year: 2021 }],
    ['2022-07', { kind: 'months', year: 2022, first: 7, last: 7 }],
    ['2022-01/2022-07', { kind: 'months', year: 2022, first: 1, last: 7 }],
  ])('reads %s and writes it back unchanged', (text, period) => {
    expect(parsePeriod(text)).toEqual(period);
    expect(formatPeriod(parsePeriod(text))).toBe(text);
  });

  it('writes a one-month range as the month', () => {
    expect(formatPeriod(parsePeriod('2022-07/2022-07'))).toBe('2022-07');
  });

  it.each([
    ['2021-12/2022-01', 'a range across the turn of a year'],
    ['2021/2022', 'a range of years'],
    ['2022-07/2022-01', 'a range that ends before it starts'],
    ['2022-09-01', 'a day'],
    ['2022-13', 'a month that does not exist'],
    ['2022-7', 'a month without its leading zero'],
    ['', 'nothing'],
  ])('does not read %j (%s): tryParsePeriod gives undefined, parsePeriod INVALID_PERIOD', (text) => {
    expect(tryParsePeriod(text)).toBeUndefined();
    expect(() => parsePeriod(text)).toThrow(DomainError);
    try {
      parsePeriod(text);
    } catch (error) {
      expect((error as DomainError).code).toBe('INVALID_PERIOD');
      expect((error as DomainError).params).toEqual({ value: text });
    }
  });
});

describe('previousPeriod', () => {
  it.each([
    ['2021', '2020'],
    ['2022-07', '2021-07'],
    ['2022-01/2022-07', '2021-01/2021-07'],
    ['2000', '1999'],
  ])('of %s is the same months a year earlier, %s', (period, previous) => {
    expect(formatPeriod(previousPeriod(parsePeriod(period)))).toBe(previous);
  });
});

describe('months of a period', () => {
  it('a year covers all twelve months, a range the months it names', () => {
    expect(monthsCovered(parsePeriod('2021'))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(monthsCovered(parsePeriod('2022-01/2022-07'))).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(monthsCovered(parsePeriod('2022-03/2022-05'))).toEqual([3, 4, 5]);
    expect(monthsCovered(parsePeriod('2022-07'))).toEqual([7]);
  });

  it('a range from January is year-to-date; January to December is the whole year', () => {
    expect(isYearToDate(parsePeriod('2022-01/2022-07'))).toBe(true);
    expect(isYearToDate(parsePeriod('2022-02/2022-07'))).toBe(false);
    expect(isYearToDate(parsePeriod('2022'))).toBe(false);
    expect(isWholeYear(parsePeriod('2022'))).toBe(true);
    expect(isWholeYear(parsePeriod('2022-01/2022-12'))).toBe(true);
    expect(isWholeYear(parsePeriod('2022-01/2022-11'))).toBe(false);
  });
});
