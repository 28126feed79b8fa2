import { describe, expect, it } from 'vitest';
import { ImportError, ImportFileError, importErrorAt } from '../import/errors.ts';
import { baciMapper } from './baci.ts';
import { comtradeLegacyMapper } from './comtrade.ts';
import { mappedCsvMapper, parseColumnMapping } from './mapped-csv.ts';
import { Columns, RowError, readArea, readMeasure, readMonth, readProduct, readValue, readYear } from './row.ts';

function thrownBy(work: () => unknown): RowError {
  try {
    work();
  } catch (error) {
    if (error instanceof RowError) return error;
    throw error;
  }
  throw new Error('no RowError was thrown');
}

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

  it.each([
    ['a year', () => readYear('21', 't'), { code: 'NOT_A_YEAR', params: { value: '21' } }],
    ['a month', () => readMonth('13', 'Period'), { code: 'NOT_A_MONTH', params: { value: '13' } }],
    ['a value that is not a number', () => readValue('about 79 bn', 'Value'), { code: 'NOT_A_NUMBER', params: { value: 'about 79 bn' } }],
    ['a negative value', () => readValue('-900', 'Value'), { code: 'NEGATIVE_VALUE', params: { value: '-900' } }],
    ['a measure', () => readMeasure('many', 'q'), { code: 'NOT_A_NUMBER', params: { value: 'many' } }],
    ['an area', () => readArea('CHINA', 'Reporter', 'any'), { code: 'UNKNOWN_AREA_CODE', params: { value: 'CHINA' } }],
    ['a product', () => readProduct('84.71', 'k'), { code: 'NOT_AN_HS_CODE', params: { value: '84.71' } }],
    ['a column', () => new Columns(['Year']).require('Value'), { code: 'COLUMN_MISSING', params: {} }],
  ])('reading %s names its problem', (_what, work, problem) => {
    expect(thrownBy(work).problem).toEqual(problem);
  });

  it.each([
    ['a BACI country code the release lacks', () => baciMapper(['t', 'i', 'j', 'k', 'v', 'q'], new Map([['156', 'CHN']]))(['2021', '999', '156', '847130', '1', '1']), { code: 'UNKNOWN_BACI_COUNTRY', params: { value: '999' } }],
    [
      'a Comtrade period of neither form',
      () =>
        comtradeLegacyMapper(['Year', 'Period', 'Trade Flow Code', 'Reporter Code', 'Partner Code', 'Commodity Code', 'Trade Value (US$)'])(['2021', '21-01', '2', '156', '643', 'TOTAL', '1']),
      { code: 'NOT_A_PERIOD', params: { value: '21-01' } },
    ],
    [
      'a flow of a plain CSV',
      () => mappedCsvMapper(['Y', 'R', 'P', 'F', 'V'], { year: 'Y', reporter: 'R', partner: 'P', flow: 'F', value: 'V' })(['2021', 'CHN', 'RUS', 'transit', '1']),
      { code: 'NOT_A_FLOW', params: { value: 'transit' } },
    ],
  ])('a format refuses %s with its problem', (_what, work, problem) => {
    expect(thrownBy(work).problem).toEqual(problem);
  });

  it.each([
    ['year=Y,colour=C', 'colour', 'UNKNOWN_MAPPING_FIELD'],
    ['year=Y,reporter=R,flow=F,value=V', 'partner', 'MAPPING_FIELD_REQUIRED'],
    ['year=Y,reporter=R,partner=P,flow=F,value=V,valueScale=12', 'valueScale', 'VALUE_SCALE_OUT_OF_RANGE'],
  ])('a column mapping %j is refused at field %s with %s', (text, field, code) => {
    const error = thrownBy(() => parseColumnMapping(text));
    expect(error.column).toBe(field);
    expect(error.problem.code).toBe(code);
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
