import { describe, expect, it } from 'vitest';
import type { Status, StatusEntry } from './model.ts';
import { assertCalendarDate, entryAsOf, parseSourceDate, sortHistory, statusAsOf } from './status-history.ts';
import { domainErrorOf } from '../../errors/testing.ts';

let counter = 0;

function entry(status: Status, since: string | null, event = `${status} from ${since ?? 'an undated source'}`): StatusEntry {
  counter += 1;
  return {
    id: `entry-${counter}`,
    status,
    since,
    sincePrecision: since === null ? 'unknown' : 'day',
    event,
    source: 'https://example.org/source',
  };
}

/** Iran as the reference data records it: accession procedure started in Dushanbe, completed in 2023. */
const iran = [entry('member', '2023-07-04'), entry('accession_in_progress', '2021-09-17')];

describe('sortHistory', () => {
  it('orders dated entries oldest first', () => {
    const sorted = sortHistory([entry('member', '2024-07-04'), entry('dialogue_partner', '2010-01-01'), entry('observer', '2015-01-01')]);
    expect(sorted.map((e) => e.since)).toEqual(['2010-01-01', '2015-01-01', '2024-07-04']);
  });

  it('puts undated entries before every dated one', () => {
    const sorted = sortHistory([entry('partner', '2025-09-01'), entry('observer', null), entry('member', '1990-01-01')]);
    expect(sorted.map((e) => e.since)).toEqual([null, '1990-01-01', '2025-09-01']);
  });

  it('keeps the given order of entries on the same date', () => {
    const granted = entry('dialogue_partner', '2025-09-01');
    const unified = entry('partner', '2025-09-01');
    expect(sortHistory([granted, unified])).toEqual([granted, unified]);
    expect(sortHistory([unified, granted])).toEqual([unified, granted]);
  });

  it('returns a new array and leaves the history it was given untouched', () => {
    const history = [entry('member', '2023-07-04'), entry('accession_in_progress', '2021-09-17')];
    const copy = [...history];
    const sorted = sortHistory(history);
    expect(sorted).not.toBe(history);
    expect(history).toEqual(copy);
  });

  it('sorts an empty history to an empty list', () => {
    expect(sortHistory([])).toEqual([]);
  });
});

describe('entryAsOf and statusAsOf', () => {
  it('find the entry in effect on a date whatever order the history is stored in', () => {
    expect(entryAsOf(iran, '2022-09-30')?.status).toBe('accession_in_progress');
    expect(statusAsOf(iran, '2022-09-30')).toBe('accession_in_progress');
  });

  it('count an entry from its exact date on', () => {
    expect(statusAsOf(iran, '2023-07-03')).toBe('accession_in_progress');
    expect(statusAsOf(iran, '2023-07-04')).toBe('member');
    expect(entryAsOf(iran, '2023-07-04')?.since).toBe('2023-07-04');
  });

  it('keep the latest entry in effect long after its date', () => {
    expect(statusAsOf(iran, '2099-12-31')).toBe('member');
  });

  it('give no status before the first dated entry when no entry is undated', () => {
    expect(entryAsOf(iran, '2021-09-16')).toBeUndefined();
    expect(statusAsOf(iran, '2021-09-16')).toBeNull();
  });

  it('apply an undated entry before any dated one', () => {
    const afghanistan = [entry('partner', '2025-09-01'), entry('observer', null)];
    expect(statusAsOf(afghanistan, '2001-06-15')).toBe('observer');
    expect(statusAsOf(afghanistan, '2025-08-31')).toBe('observer');
    expect(statusAsOf(afghanistan, '2025-09-01')).toBe('partner');
  });

  it('treat an undated entry as in effect on every date when it is the only one', () => {
    expect(statusAsOf([entry('dialogue_partner', null)], '1900-01-01')).toBe('dialogue_partner');
  });

  it('give no status for an empty history', () => {
    expect(entryAsOf([], '2022-09-30')).toBeUndefined();
    expect(statusAsOf([], '2022-09-30')).toBeNull();
  });

  it('follow Belarus from dialogue partner through observer and accession to member', () => {
    const belarus = [
      entry('member', '2024-07-04'),
      entry('accession_in_progress', '2022-09-16'),
      entry('observer', '2015-01-01'),
      entry('dialogue_partner', '2010-01-01'),
    ];
    expect(statusAsOf(belarus, '2009-12-31')).toBeNull();
    expect(statusAsOf(belarus, '2012-06-01')).toBe('dialogue_partner');
    expect(statusAsOf(belarus, '2020-01-01')).toBe('observer');
    expect(statusAsOf(belarus, '2022-09-30')).toBe('accession_in_progress');
    expect(statusAsOf(belarus, '2024-07-04')).toBe('member');
  });

  it('on one date, take the entry given last', () => {
    const laos = [entry('dialogue_partner', '2025-09-01'), entry('partner', '2025-09-01')];
    expect(statusAsOf(laos, '2025-09-01')).toBe('partner');
  });
});

describe('assertCalendarDate', () => {
  it.each(['2024-02-29', '2000-02-29', '2023-12-31', '2001-06-15', '2023-01-01'])('accepts the real date %s and returns it', (value) => {
    expect(assertCalendarDate(value)).toBe(value);
  });

  it.each(['2023-02-29', '1900-02-29', '2023-02-30', '2023-04-31', '2023-13-01', '2023-00-10', '2023-01-00', '2023-01-32'])(
    'rejects the impossible date %s with INVALID_DATE',
    (value) => {
      const error = domainErrorOf(() => assertCalendarDate(value));
      expect(error.code).toBe('INVALID_DATE');
      expect(error.params).toEqual({ value });
    },
  );

  it.each(['2023-1-1', '2023-01-1', '23-01-01', '2023/01/01', '20230101', ' 2023-01-01', '2023-01-01T00:00:00Z', '2023', ''])(
    'rejects %j, which is not of the form YYYY-MM-DD, with INVALID_DATE',
    (value) => {
      expect(domainErrorOf(() => assertCalendarDate(value)).code).toBe('INVALID_DATE');
    },
  );
});

describe('parseSourceDate', () => {
  it.each([[''], ['   '], [null], [undefined]])('reads %j as a change no source dates', (value) => {
    expect(parseSourceDate(value)).toEqual({ since: null, sincePrecision: 'unknown' });
  });

  it('reads a year alone as 1 January of that year with year precision', () => {
    expect(parseSourceDate('2010')).toEqual({ since: '2010-01-01', sincePrecision: 'year' });
  });

  it('reads a full date as that day with day precision', () => {
    expect(parseSourceDate('2023-07-04')).toEqual({ since: '2023-07-04', sincePrecision: 'day' });
  });

  it('ignores spaces around the date', () => {
    expect(parseSourceDate(' 2015 ')).toEqual({ since: '2015-01-01', sincePrecision: 'year' });
    expect(parseSourceDate(' 2022-09-16\t')).toEqual({ since: '2022-09-16', sincePrecision: 'day' });
  });

  it.each(['2023-02-29', '2023-13-01', '2023-1-1', '04.07.2023', 'July 2023', '201', '20101', '0000'])(
    'rejects %j with INVALID_DATE',
    (value) => {
      expect(domainErrorOf(() => parseSourceDate(value)).code).toBe('INVALID_DATE');
    },
  );
});
