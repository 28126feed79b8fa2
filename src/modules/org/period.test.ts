import { describe, expect, it } from 'vitest';
import { assertPeriod } from './period.ts';
import { domainErrorOf } from '../../errors/testing.ts';

describe('assertPeriod', () => {
  it.each([
    ['2021', 'a year'],
    ['2022-07', 'a month'],
    ['2022-09-01', 'a day'],
    ['2024-02-29', 'a leap day'],
    ['2022-01/2022-07', 'a range of months'],
    ['2021/2022', 'a range of years'],
    ['2022-09-01/2022-09-30', 'a range of days'],
    ['2022-07/2022-07', 'a range that starts and ends in the same month'],
    ['2021-12/2022-01', 'a range across the turn of a year'],
  ])('accepts %s (%s) and returns it unchanged', (value) => {
    expect(assertPeriod(value)).toBe(value);
  });

  it.each([
    ['2022-13', 'a month that does not exist'],
    ['2022-00', 'month zero'],
    ['2022-7', 'a month without its leading zero'],
    ['22', 'a two-digit year'],
    ['2022-02-30', 'a day that does not exist'],
    ['2023-02-29', 'a leap day in a common year'],
    ['2022-07/2022-01', 'a range that ends before it starts'],
    ['2022/2022-07', 'a range mixing a year and a month'],
    ['2022-01/2022-01-31', 'a range mixing a month and a day'],
    ['a/b/c', 'three parts'],
    ['2021/2022/2023', 'three years'],
    ['2022/', 'a range without an end'],
    ['/2022', 'a range without a start'],
    ['', 'nothing'],
    ['2022 ', 'a trailing space'],
    ['H1 2022', 'words'],
  ])('rejects %j (%s) with INVALID_PERIOD naming the whole value', (value) => {
    const error = domainErrorOf(() => assertPeriod(value));
    expect(error.code).toBe('INVALID_PERIOD');
    expect(error.params).toEqual({ value });
  });
});
