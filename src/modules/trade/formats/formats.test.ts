import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { TradeRecord } from '../model.ts';
import { areaFromAlpha, areaFromCode, areaFromNumeric } from './areas.ts';
import { baciCountryCodes, baciMapper } from './baci.ts';
import { comtradeCurrentMapper, comtradeLegacyMapper } from './comtrade.ts';
import { detectLayout } from './detect.ts';
import { mappedCsvMapper, parseColumnMapping, type ColumnMapping } from './mapped-csv.ts';
import { Columns, RowError, readArea, readFlow, readMeasure, readMonth, readProduct, readValue, readYear, type RowMapper, type RowOutcome } from './row.ts';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');

/** The fixtures' data files quote nothing, so a line is its fields split on commas. */
function linesOf(name: string): { header: string[]; rows: string[][] } {
  const [header = [], ...rows] = fixture(name)
    .split(/\r?\n/)
    .filter((line) => line !== '')
    .map((line) => line.split(','));
  return { header, rows };
}

/** A copy of `base` with the named columns changed. */
function withFields(header: readonly string[], base: readonly string[], changes: Record<string, string>): string[] {
  const row = [...base];
  for (const [name, value] of Object.entries(changes)) {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`no column ${name}`);
    row[i] = value;
  }
  return row;
}

function records(outcome: RowOutcome): TradeRecord[] {
  if ('skipped' in outcome) throw new Error(`row was left out: ${outcome.skipped}`);
  return outcome;
}

/** Runs the mapper and returns the RowError it throws, so a test can check the column it names. */
function rowError(map: RowMapper, row: readonly string[]): RowError {
  try {
    map(row);
  } catch (error) {
    if (error instanceof RowError) return error;
    throw error;
  }
  throw new Error('the row was accepted');
}

function rowErrorOf(work: () => unknown): RowError {
  try {
    work();
  } catch (error) {
    if (error instanceof RowError) return error;
    throw error;
  }
  throw new Error('no RowError was thrown');
}

describe('recognising a layout from the header', () => {
  it.each([
    ['comtrade-legacy-chn-2021.csv', 'comtrade-legacy'],
    ['comtrade-current-monthly.csv', 'comtrade-current'],
    ['baci/BACI_HS17_Y2021_V202401.csv', 'baci'],
  ])('%s is %s', (file, layout) => {
    expect(detectLayout(linesOf(file).header)).toBe(layout);
  });

  it('ignores a byte order mark and spaces around names', () => {
    expect(detectLayout(['\uFEFFt', ' i', 'j ', 'k', 'v', 'q'])).toBe('baci');
  });

  it('cannot tell a plain CSV, which needs a column mapping', () => {
    expect(detectLayout(linesOf('mapped-kgz.csv').header)).toBeUndefined();
    expect(detectLayout(['t', 'i', 'j', 'k'])).toBeUndefined();
  });
});

describe('reading product codes', () => {
  it.each([
    ['10121', '010121'],
    ['010121', '010121'],
    ['847130', '847130'],
    ['2709', '2709'],
    ['101', '0101'],
    ['84', '84'],
    ['8', '08'],
    ['TOTAL', 'TOTAL'],
    ['total', 'TOTAL'],
    ['ALL', 'TOTAL'],
  ])('%s is %s', (text, product) => {
    expect(readProduct(text, 'k')).toBe(product);
  });

  it.each(['1234567', '84.71', 'AG2', ''])('refuses %j, naming the column', (text) => {
    const error = rowErrorOf(() => readProduct(text, 'Commodity Code'));
    expect(error.column).toBe('Commodity Code');
    expect(error.reason).toContain('is not an HS code or TOTAL');
  });
});

describe('reading flows', () => {
  it.each([
    ['1', 'M'],
    ['2', 'X'],
    ['3', 'RX'],
    ['4', 'RM'],
    ['X', 'X'],
    ['M', 'M'],
    ['RX', 'RX'],
    ['RM', 'RM'],
    ['Export', 'X'],
    [' exports ', 'X'],
    ['import', 'M'],
    ['Re-export', 'RX'],
    ['re-imports', 'RM'],
  ])('%j is %s', (text, flow) => {
    expect(readFlow(text)).toBe(flow);
  });

  it.each(['DX', 'FM', '5', '0', '', 'transit'])('%j is not a flow the platform analyses', (text) => {
    expect(readFlow(text)).toBeUndefined();
  });
});

describe('reading a field', () => {
  it.each([
    ['a year', () => readYear('21', 't'), { code: 'NOT_A_YEAR', params: { value: '21' } }],
    ['a month', () => readMonth('13', 'Period'), { code: 'NOT_A_MONTH', params: { value: '13' } }],
    ['a value that is not a number', () => readValue('about 79 bn', 'Value'), { code: 'NOT_A_NUMBER', params: { value: 'about 79 bn' } }],
    ['a negative value', () => readValue('-900', 'Value'), { code: 'NEGATIVE_VALUE', params: { value: '-900' } }],
    ['a measure', () => readMeasure('many', 'q'), { code: 'NOT_A_NUMBER', params: { value: 'many' } }],
    ['an area', () => readArea('CHINA', 'Reporter', 'any'), { code: 'UNKNOWN_AREA_CODE', params: { value: 'CHINA' } }],
    ['a product', () => readProduct('84.71', 'k'), { code: 'NOT_AN_HS_CODE', params: { value: '84.71' } }],
    ['a column', () => new Columns(['Year']).require('Value'), { code: 'COLUMN_MISSING', params: {} }],
  ])('%s names its problem with the value it concerns', (_what, work, problem) => {
    expect(rowErrorOf(work).problem).toEqual(problem);
  });
});

describe('area codes', () => {
  it.each([
    ['0', 'WLD'],
    ['000', 'WLD'],
    ['156', 'CHN'],
    ['643', 'RUS'],
    ['4', 'AFG'],
    ['699', 'IND'],
    ['842', 'USA'],
    ['757', 'CHE'],
    ['490', 'S19'],
    ['899', 'X899'],
    ['97', 'X097'],
  ])('numeric %s is %s', (text, area) => {
    expect(areaFromNumeric(text)).toBe(area);
  });

  it.each(['CHN', '1000', '', '15a', '-1'])('numeric refuses %j', (text) => {
    expect(areaFromNumeric(text)).toBeUndefined();
  });

  it.each([
    ['W00', 'WLD'],
    ['WLD', 'WLD'],
    ['chn', 'CHN'],
    [' KAZ ', 'KAZ'],
    ['S19', 'S19'],
  ])('alphabetic %j is %s', (text, area) => {
    expect(areaFromAlpha(text)).toBe(area);
  });

  it.each(['CHINA', 'CN', '', 'C-N'])('alphabetic refuses %j', (text) => {
    expect(areaFromAlpha(text)).toBeUndefined();
  });

  it('a code of either kind is read as numeric first', () => {
    expect(areaFromCode('417')).toBe('KGZ');
    expect(areaFromCode('KGZ')).toBe('KGZ');
    expect(areaFromCode('W00')).toBe('WLD');
  });
});

describe('UN Comtrade, legacy layout', () => {
  const { header, rows } = linesOf('comtrade-legacy-chn-2021.csv');
  const map = comtradeLegacyMapper(header);
  /** Fixture line 4: China's exports to Russia in 2021, all products. */
  const chnRusExports = rows[2]!;
  const row = (changes: Record<string, string>) => withFields(header, chnRusExports, changes);

  it('reads a TOTAL row as an annual all-product record in cents', () => {
    expect(map(chnRusExports)).toEqual([
      { year: 2021, month: 0, reporter: 'CHN', partner: 'RUS', flow: 'X', product: 'TOTAL', value: 6_756_500_000_000n, netWeightKg: null, quantity: null },
    ]);
  });

  it('reads an HS chapter line, the world partner and each flow code', () => {
    expect(records(map(rows[6]!))[0]).toMatchObject({ partner: 'RUS', flow: 'X', product: '84', value: 2_000_000_000_000n });
    expect(records(map(rows[1]!))[0]).toMatchObject({ partner: 'WLD', flow: 'M', value: 268_436_200_000_000n });
    expect(records(map(rows[9]!))[0]).toMatchObject({ flow: 'RX', value: 12_000_000_000n });
    expect(records(map(row({ 'Trade Flow Code': '4' })))[0]!.flow).toBe('RM');
  });

  it('reads a monthly period, weight and quantity', () => {
    expect(records(map(row({ Period: '202103', 'Netweight (kg)': '1500.5', Qty: '20' })))[0]).toMatchObject({ year: 2021, month: 3, netWeightKg: 1500.5, quantity: 20 });
  });

  it('falls back to the numeric codes when the ISO columns are empty', () => {
    expect(records(map(row({ 'Reporter ISO': '', 'Reporter Code': '842', 'Partner ISO': '', 'Partner Code': '0' })))[0]).toMatchObject({
      reporter: 'USA',
      partner: 'WLD',
    });
  });

  it('takes the totals of the second partner, customs and transport breakdowns', () => {
    expect(map(row({ '2nd Partner Code': '0', 'Customs Proc. Code': 'C00', 'Mode of Transport Code': '0' }))).toHaveLength(1);
  });

  it.each([
    [{ 'Mode of Transport Code': '2' }, 'breakdown by mode of transport'],
    [{ '2nd Partner Code': '398' }, 'breakdown by second partner'],
    [{ 'Customs Proc. Code': 'C01' }, 'breakdown by customs procedure'],
    [{ 'Trade Flow Code': '5' }, 'trade flow 5 is not analysed'],
    [{ 'Trade Flow Code': 'DX' }, 'trade flow DX is not analysed'],
  ])('leaves out %j: %s', (changes, reason) => {
    expect(map(row(changes))).toEqual({ skipped: reason });
  });

  it('the fixture line broken down by mode of transport is left out', () => {
    expect(map(rows[10]!)).toEqual({ skipped: 'breakdown by mode of transport' });
  });

  it.each([
    [{ 'Trade Value (US$)': 'n/a' }, 'Trade Value (US$)', 'NOT_A_NUMBER', '"n/a" is not a number'],
    [{ 'Trade Value (US$)': '-5' }, 'Trade Value (US$)', 'NEGATIVE_VALUE', '"-5" is negative'],
    [{ Year: '21' }, 'Year', 'NOT_A_YEAR', '"21" is not a year'],
    [{ Period: '2021-3' }, 'Period', 'NOT_A_PERIOD', '"2021-3" is neither YYYY nor YYYYMM'],
    [{ Period: 'FY21' }, 'Period', 'NOT_A_PERIOD', '"FY21" is neither YYYY nor YYYYMM'],
    [{ Period: '' }, 'Period', 'NOT_A_PERIOD', '"" is neither YYYY nor YYYYMM'],
    [{ Period: '202113' }, 'Period', 'NOT_A_MONTH', '"13" is not a month (1–12)'],
    [{ 'Partner ISO': 'RUSSIA' }, 'Partner ISO', 'UNKNOWN_AREA_CODE', '"RUSSIA" is not a country or area code'],
    [{ 'Reporter ISO': '', 'Reporter Code': 'CN' }, 'Reporter Code', 'UNKNOWN_AREA_CODE', '"CN" is not a country or area code'],
    [{ 'Commodity Code': '84x' }, 'Commodity Code', 'NOT_AN_HS_CODE', '"84x" is not an HS code or TOTAL'],
    [{ 'Netweight (kg)': 'heavy' }, 'Netweight (kg)', 'NOT_A_NUMBER', '"heavy" is not a number'],
  ])('refuses %j, naming column %s and problem %s', (changes, column, code, reason) => {
    expect(rowError(map, row(changes))).toMatchObject({ column, problem: { code }, reason });
  });

  it('names a required column missing from the header', () => {
    const error = rowErrorOf(() => comtradeLegacyMapper(header.filter((name) => name !== 'Commodity Code')));
    expect(error).toMatchObject({ column: 'Commodity Code', reason: 'column missing from the header' });
  });
});

describe('UN Comtrade, current layout', () => {
  const { header, rows } = linesOf('comtrade-current-monthly.csv');
  const map = comtradeCurrentMapper(header);
  /** Fixture line 2: Kazakhstan's exports to China in January 2022, all products. */
  const kazChnExports = rows[0]!;
  const row = (changes: Record<string, string>) => withFields(header, kazChnExports, changes);

  it('reads a monthly TOTAL row with cents exactly', () => {
    expect(map(kazChnExports)).toEqual([
      { year: 2022, month: 1, reporter: 'KAZ', partner: 'CHN', flow: 'X', product: 'TOTAL', value: 81_234_567_850n, netWeightKg: 0, quantity: 0 },
    ]);
  });

  it('reads W00 as the world, and HS headings with weight and quantity', () => {
    expect(records(map(rows[4]!))[0]).toMatchObject({ partner: 'WLD', value: 500_000_000_000n });
    expect(records(map(rows[5]!))[0]).toMatchObject({ product: '2709', value: 30_000_000_000n, netWeightKg: 1_000_000, quantity: 1_000_000 });
    expect(records(map(rows[1]!))[0]).toMatchObject({ flow: 'M', value: 65_000_000_025n });
  });

  it('reads an annual row as month 0', () => {
    expect(records(map(row({ freqCode: 'A', refMonth: '52', period: '2022' })))[0]).toMatchObject({ year: 2022, month: 0 });
  });

  it('takes the month from the period when refMonth is empty', () => {
    expect(records(map(row({ refMonth: '', period: '202211' })))[0]!.month).toBe(11);
  });

  it('falls back to the numeric codes when the ISO columns are empty', () => {
    expect(records(map(row({ reporterISO: '', reporterCode: '699', partnerISO: '', partnerCode: '490' })))[0]).toMatchObject({ reporter: 'IND', partner: 'S19' });
  });

  it('without a primary value, takes FOB for exports and CIF for imports', () => {
    expect(records(map(row({ primaryValue: '', fobvalue: '10.5', cifvalue: '99' })))[0]!.value).toBe(1050n);
    expect(records(map(row({ flowCode: 'M', primaryValue: '', fobvalue: '10.5', cifvalue: '99' })))[0]!.value).toBe(9900n);
    expect(records(map(row({ flowCode: 'RM', primaryValue: '', fobvalue: '10.5', cifvalue: '7' })))[0]!.value).toBe(700n);
  });

  it.each([
    [{ typeCode: 'S' }, 'services trade (typeCode S)'],
    [{ partner2Code: '643' }, 'breakdown by second partner'],
    [{ customsCode: 'C20' }, 'breakdown by customs procedure'],
    [{ motCode: '3' }, 'breakdown by mode of transport'],
    [{ flowCode: 'DX' }, 'flow DX is not analysed'],
    [{ flowCode: 'FM' }, 'flow FM is not analysed'],
  ])('leaves out %j: %s', (changes, reason) => {
    expect(map(row(changes))).toEqual({ skipped: reason });
  });

  it('the fixture lines for domestic exports and rail transport are left out', () => {
    expect(map(rows[7]!)).toEqual({ skipped: 'flow DX is not analysed' });
    expect(map(rows[8]!)).toEqual({ skipped: 'breakdown by mode of transport' });
  });

  it.each([
    [{ primaryValue: 'abc' }, 'primaryValue', 'NOT_A_NUMBER', '"abc" is not a number'],
    [{ primaryValue: '', fobvalue: '' }, 'fobvalue', 'NOT_A_NUMBER', '"" is not a number'],
    [{ flowCode: 'M', primaryValue: '', cifvalue: 'x' }, 'cifvalue', 'NOT_A_NUMBER', '"x" is not a number'],
    [{ refYear: 'FY22' }, 'refYear', 'NOT_A_YEAR', '"FY22" is not a year'],
    [{ refMonth: '13' }, 'refMonth', 'NOT_A_MONTH', '"13" is not a month (1–12)'],
    [{ partnerISO: '??' }, 'partnerISO', 'UNKNOWN_AREA_CODE', '"??" is not a country or area code'],
    [{ cmdCode: '27.09' }, 'cmdCode', 'NOT_AN_HS_CODE', '"27.09" is not an HS code or TOTAL'],
    [{ netWgt: 'a lot' }, 'netWgt', 'NOT_A_NUMBER', '"a lot" is not a number'],
  ])('refuses %j, naming column %s and problem %s', (changes, column, code, reason) => {
    expect(rowError(map, row(changes))).toMatchObject({ column, problem: { code }, reason });
  });

  it('names a required column missing from the header', () => {
    expect(rowErrorOf(() => comtradeCurrentMapper(header.filter((name) => name !== 'primaryValue')))).toMatchObject({ column: 'primaryValue' });
  });
});

describe('CEPII BACI', () => {
  const countryLines = fixture('baci/country_codes_V202401.csv').split('\n').filter((line) => line !== '');
  // One name is quoted ("Other Asia, nes"): split on the commas outside quotes.
  const splitQuoted = (line: string) => {
    const fields = [''];
    let quoted = false;
    for (const char of line) {
      if (char === '"') quoted = !quoted;
      else if (char === ',' && !quoted) fields.push('');
      else fields[fields.length - 1] += char;
    }
    return fields;
  };
  const [countryHeader = [], ...countryRows] = countryLines.map(splitQuoted);
  const countries = baciCountryCodes(countryHeader, countryRows);
  const { header, rows } = linesOf('baci/BACI_HS17_Y2021_V202401.csv');
  const map = baciMapper(header, countries);

  it('reads the country codes file, including an area without an ISO-2 code', () => {
    expect(Object.fromEntries(countries)).toEqual({ '156': 'CHN', '398': 'KAZ', '417': 'KGZ', '643': 'RUS', '699': 'IND', '860': 'UZB', '490': 'S19' });
  });

  it('reads the older header generation, codes with leading zeros, and leaves out areas without an alpha-3 code', () => {
    const older = baciCountryCodes(
      ['country_code', 'country_name_abbreviation', 'country_name_full', 'iso_2digit_alpha', 'iso_3digit_alpha'],
      [
        ['004', 'Afghanistan', 'Afghanistan', 'AF', 'AFG'],
        ['842', 'USA', 'USA, Puerto Rico and US Virgin Islands', 'US', 'usa'],
        ['836', 'Bunkers', 'Bunkers', '', 'N/A'],
        ['837', 'Free zones', 'Free zones', '', ''],
      ],
    );
    expect(Object.fromEntries(older)).toEqual({ '4': 'AFG', '842': 'USA' });
  });

  it('names the column a country codes file lacks', () => {
    expect(rowErrorOf(() => baciCountryCodes(['country_code', 'country_name'], []))).toMatchObject({ column: 'iso_3digit_alpha' });
  });

  it('reads a row as the exporter’s annual export, thousands of dollars as cents, tonnes as kilograms', () => {
    expect(map(rows[0]!)).toEqual([
      { year: 2021, month: 0, reporter: 'CHN', partner: 'RUS', flow: 'X', product: '847130', value: 125_050_000n, netWeightKg: 12_500, quantity: null },
    ]);
    expect(records(map(rows[1]!))[0]).toMatchObject({ product: '080410', value: 312_500n });
  });

  it('restores the leading zero BACI drops and maps its own codes 699 and 490', () => {
    expect(records(map(rows[5]!))[0]).toMatchObject({ reporter: 'IND', partner: 'CHN', product: '010121', value: 99_900n, netWeightKg: null });
    expect(records(map(rows[7]!))[0]).toMatchObject({ reporter: 'CHN', partner: 'S19' });
    expect(records(map(rows[8]!))[0]).toMatchObject({ reporter: 'KGZ', value: 100n, netWeightKg: 1 });
  });

  it('treats NA and empty quantities as unknown', () => {
    expect(records(map(rows[3]!))[0]!.netWeightKg).toBeNull();
    expect(records(map(['2021', '156', '643', '847130', '1', '']))[0]!.netWeightKg).toBeNull();
  });

  it.each([
    [['2021', '999', '643', '847130', '1', '1'], 'i', 'UNKNOWN_BACI_COUNTRY', 'country code "999" is not in the BACI country codes file'],
    [['2021', '156', '842', '847130', '1', '1'], 'j', 'UNKNOWN_BACI_COUNTRY', 'country code "842" is not in the BACI country codes file'],
    [['21', '156', '643', '847130', '1', '1'], 't', 'NOT_A_YEAR', '"21" is not a year'],
    [['2021', '156', '643', '8471300', '1', '1'], 'k', 'NOT_AN_HS_CODE', '"8471300" is not an HS code or TOTAL'],
    [['2021', '156', '643', '847130', '1,5', '1'], 'v', 'NOT_A_NUMBER', '"1,5" is not a number'],
    [['2021', '156', '643', '847130', '1', 'many'], 'q', 'NOT_A_NUMBER', '"many" is not a number'],
  ])('refuses %j, naming column %s and problem %s', (fields, column, code, reason) => {
    expect(rowError(map, fields)).toMatchObject({ column, problem: { code }, reason });
  });

  it('names a required column missing from the header', () => {
    expect(rowErrorOf(() => baciMapper(['t', 'i', 'j', 'k', 'q'], countries))).toMatchObject({ column: 'v' });
  });
});

describe('plain CSV with a column mapping', () => {
  const mappingText = 'year=Year,month=Month,reporter=Reporting economy,partner=Partner economy,flow=Direction,product=HS,value=Value (thousand USD),valueScale=3';

  it('parses the mapping given on the command line', () => {
    expect(parseColumnMapping(mappingText)).toEqual({
      year: 'Year',
      month: 'Month',
      reporter: 'Reporting economy',
      partner: 'Partner economy',
      flow: 'Direction',
      product: 'HS',
      value: 'Value (thousand USD)',
      valueScale: 3,
      netWeightKg: undefined,
      quantity: undefined,
    });
  });

  it('needs only year, reporter, partner, flow and value; the scale defaults to whole dollars', () => {
    expect(parseColumnMapping(' year = Y , reporter=R,partner=P,flow=F,value=V,netWeightKg=kg')).toMatchObject({
      year: 'Y',
      reporter: 'R',
      month: undefined,
      product: undefined,
      valueScale: 0,
      netWeightKg: 'kg',
    });
  });

  it.each([
    ['year=Y,reporter=R,partner=P,flow=F,value=V,country=C', 'country', 'UNKNOWN_MAPPING_FIELD', 'unknown mapping field'],
    ['year=Y,reporter=R,flow=F,value=V', 'partner', 'MAPPING_FIELD_REQUIRED', 'the column mapping must name this field'],
    ['year=Y,reporter=R,partner=,flow=F,value=V', 'partner', 'MAPPING_FIELD_REQUIRED', 'the column mapping must name this field'],
    ['year=Y,reporter=R,partner=P,flow=F,value=V,valueScale=12', 'valueScale', 'VALUE_SCALE_OUT_OF_RANGE', 'must be a power of ten from 0 to 9'],
    ['year=Y,reporter=R,partner=P,flow=F,value=V,valueScale=k', 'valueScale', 'VALUE_SCALE_OUT_OF_RANGE', 'must be a power of ten from 0 to 9'],
  ])('refuses %j, naming field %s and problem %s', (text, column, code, reason) => {
    const error = rowErrorOf(() => parseColumnMapping(text));
    expect(error).toMatchObject({ column, problem: { code } });
    expect(error.reason).toContain(reason);
  });

  const { header, rows } = linesOf('mapped-kgz.csv');
  const mapping: ColumnMapping = parseColumnMapping(mappingText);
  const map = mappedCsvMapper(header, mapping);
  const row = (changes: Record<string, string>) => withFields(header, rows[0]!, changes);

  it('reads flows as words, an empty month as annual, and values in thousands exactly', () => {
    expect(map(rows[0]!)).toEqual([
      { year: 2021, month: 0, reporter: 'KGZ', partner: 'CHN', flow: 'M', product: 'TOTAL', value: 73_156_050_000n, netWeightKg: null, quantity: null },
    ]);
    expect(records(map(rows[1]!))[0]).toMatchObject({ flow: 'X', value: 7_423_425_000n });
  });

  it('reads numeric country codes, month 0 and a re-export', () => {
    expect(records(map(rows[4]!))[0]).toMatchObject({ reporter: 'KGZ', partner: 'KAZ', flow: 'RX', month: 0, value: 120_012_500n });
  });

  it('reads months, HS codes and the world', () => {
    expect(records(map(row({ Month: '7', HS: '8471', 'Partner economy': 'W00' })))[0]).toMatchObject({ month: 7, product: '8471', partner: 'WLD' });
  });

  it('counts every row as all products when no product column is mapped', () => {
    const noProduct = mappedCsvMapper(header, { ...mapping, product: undefined });
    expect(records(noProduct(row({ HS: '8471' })))[0]!.product).toBe('TOTAL');
  });

  it.each([
    [{ Direction: 'transit' }, 'Direction', 'NOT_A_FLOW', '"transit" is not a flow (export, import, re-export, re-import, X, M, RX, RM)'],
    [{ Year: '2021.0' }, 'Year', 'NOT_A_YEAR', '"2021.0" is not a year'],
    [{ Month: '13' }, 'Month', 'NOT_A_MONTH', '"13" is not a month (1–12)'],
    [{ 'Partner economy': 'China' }, 'Partner economy', 'UNKNOWN_AREA_CODE', '"China" is not a country or area code'],
    [{ 'Reporting economy': '' }, 'Reporting economy', 'UNKNOWN_AREA_CODE', '"" is not a country or area code'],
    [{ HS: 'HS84' }, 'HS', 'NOT_AN_HS_CODE', '"HS84" is not an HS code or TOTAL'],
    [{ 'Value (thousand USD)': '1 000' }, 'Value (thousand USD)', 'NOT_A_NUMBER', '"1 000" is not a number'],
  ])('refuses %j, naming column %s and problem %s', (changes, column, code, reason) => {
    expect(rowError(map, row(changes))).toMatchObject({ column, problem: { code }, reason });
  });

  it('names a mapped column missing from the header', () => {
    expect(rowErrorOf(() => mappedCsvMapper(header, { ...mapping, value: 'Value (USD)' }))).toMatchObject({ column: 'Value (USD)', reason: 'column missing from the header' });
  });
});
