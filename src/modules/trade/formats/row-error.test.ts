import { describe, expect, it } from 'vitest';
import { ImportError, ImportFileError, importErrorAt } from '../import/errors.ts';
import { RowError } from './row.ts';

describe('a row error', () => {
  it('carries a problem code with its params, and the reason in English', () => {
    const error = new RowError('Year', 'NOT_A_YEAR', { value: '20x1' });
    expect(error).toMatchObject({ column: 'Year', problem: { code: 'NOT_A_YEAR', params: { value: '20x1' } }, reason: '"20x1" is not a year' });
    expect(error.message).toBe('Year: "20x1" is not a year');
  });

  it('needs no params for a problem that has none', () => {
    expect(new RowError('Value', 'COLUMN_MISSING')).toMatchObject({ problem: { code: 'COLUMN_MISSING', params: {} }, reason: 'column missing from the header' });
  });

  it('takes a reason known only in English as the problem UNREADABLE, keeping the reason as it was', () => {
    const error = new RowError('-', 'expected 6 fields as in the header, found 5');
    expect(error.problem).toEqual({ code: 'UNREADABLE', params: { detail: 'expected 6 fields as in the header, found 5' } });
    expect(error.reason).toBe('expected 6 fields as in the header, found 5');
  });
});

describe('an import error', () => {
  it('is a row error at a line of a file, with the same problem', () => {
    const error = importErrorAt('bad.csv', 3, new RowError('Year', 'NOT_A_YEAR', { value: '20x1' }));
    expect(error).toMatchObject({ file: 'bad.csv', line: 3, column: 'Year', problem: { code: 'NOT_A_YEAR', params: { value: '20x1' } }, reason: '"20x1" is not a year' });
    expect(error.message).toBe('bad.csv, line 3, column Year: "20x1" is not a year');
  });

  it('takes a problem directly', () => {
    const error = new ImportError('bad.csv', 7, '-', { code: 'MALFORMED_CSV', params: { detail: 'Quote Not Closed' } });
    expect(error.reason).toBe('the CSV is malformed: Quote Not Closed');
  });

  it("takes a reason known only in English, such as a CSV parser's message, as the problem UNREADABLE", () => {
    const error = new ImportError('bad.csv', 7, '-', 'Invalid Closing Quote: got "x" at line 7');
    expect(error.problem).toEqual({ code: 'UNREADABLE', params: { detail: 'Invalid Closing Quote: got "x" at line 7' } });
    expect(error.message).toBe('bad.csv, line 7, column -: Invalid Closing Quote: got "x" at line 7');
  });

  it('of a whole file keeps its English message and may carry a problem', () => {
    expect(new ImportFileError('/data/empty.csv: the file is empty')).toMatchObject({ message: '/data/empty.csv: the file is empty', problem: undefined });
    expect(new ImportFileError('/data/empty.csv: the file is empty', { code: 'EMPTY_FILE', params: {} }).problem).toEqual({ code: 'EMPTY_FILE', params: {} });
  });
});
