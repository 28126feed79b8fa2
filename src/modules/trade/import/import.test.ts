import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/database.ts';
import { openSeededDatabase, testDatabaseKinds } from '../../../db/testing.ts';
import { parseColumnMapping } from '../formats/mapped-csv.ts';
import { readBaciCountryCodes } from './companions.ts';
import { ImportError, ImportFileError } from './errors.ts';
import { importTradeFile, type ImportRequest, type ImportResult } from './import-dataset.ts';
import { LinePacker } from './packer.ts';
import { emptySummary, packTradeFile } from './read.ts';
import { ROLLUP_ENTRIES } from './testing.ts';

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
const LEGACY = join(FIXTURES, 'comtrade-legacy-chn-2021.csv');
const CURRENT = join(FIXTURES, 'comtrade-current-monthly.csv');
const BACI = join(FIXTURES, 'baci', 'BACI_HS17_Y2021_V202401.csv');
const BACI_CODES = join(FIXTURES, 'baci', 'country_codes_V202401.csv');
const MAPPED = join(FIXTURES, 'mapped-kgz.csv');
const KGZ_MAPPING = parseColumnMapping(
  'year=Year,month=Month,reporter=Reporting economy,partner=Partner economy,flow=Direction,product=HS,value=Value (thousand USD),valueScale=3',
);

// ---------------------------------------------------------------------------------------------------------------
// What each fixture should give, worked out from the file's text by the test itself, without the importer's code.
// ---------------------------------------------------------------------------------------------------------------

/** One line of a file that should become a record. */
interface Line {
  reporter: string;
  partner: string;
  flow: string;
  year: number;
  month: number;
  product: string;
  cents: bigint;
}

/** Splits a CSV line on the commas outside double quotes (the fixtures quote only a few names, with no quotes inside). */
function splitCsv(line: string): string[] {
  const fields = [''];
  let quoted = false;
  for (const char of line) {
    if (char === '"') quoted = !quoted;
    else if (char === ',' && !quoted) fields.push('');
    else fields[fields.length - 1] += char;
  }
  return fields;
}

/** The data rows of a CSV text, each as a reader of its fields by column name. */
function table(text: string): Array<(column: string) => string> {
  const [header = [], ...rows] = text
    .split('\n')
    .filter((line) => line !== '')
    .map(splitCsv);
  return rows.map((fields) => (column) => {
    const value = fields[header.indexOf(column)];
    if (value === undefined) throw new Error(`test parser: no column ${column}`);
    return value;
  });
}

/** A plain decimal in units of 10^scale dollars as cents; the fixtures never go below a cent. */
function cents(text: string, scale = 0): bigint {
  const [whole = '', fraction = ''] = text.split('.');
  const digits = 2 + scale;
  if (!/^\d+$/.test(whole) || !/^\d*$/.test(fraction) || fraction.length > digits) throw new Error(`test parser: cannot read ${text}`);
  return BigInt(whole + fraction.padEnd(digits, '0'));
}

const dollars = (value: bigint) => `${value / 100n}.${String(value % 100n).padStart(2, '0')}`;
const sum = (lines: readonly Line[]) => lines.reduce((total, line) => total + line.cents, 0n);

/** Legacy Comtrade: only rows without transport, customs or second-partner breakdown, and flow codes 1–4. */
function legacyLines(text: string): Line[] {
  const flows: Record<string, string> = { '1': 'M', '2': 'X', '3': 'RX', '4': 'RM' };
  return table(text)
    .filter((row) => row('2nd Partner Code') === '' && row('Customs Proc. Code') === '' && row('Mode of Transport Code') === '')
    .filter((row) => flows[row('Trade Flow Code')] !== undefined)
    .map((row) => ({
      reporter: row('Reporter ISO'),
      partner: row('Partner ISO'),
      flow: flows[row('Trade Flow Code')]!,
      year: Number(row('Year')),
      month: row('Period').length === 6 ? Number(row('Period').slice(4)) : 0,
      product: row('Commodity Code'),
      cents: cents(row('Trade Value (US$)')),
    }));
}

/** Current Comtrade: goods, totals of every breakdown, flows X M RX RM; W00 is the world. */
function currentLines(text: string): Line[] {
  return table(text)
    .filter((row) => row('typeCode') === 'C' && row('partner2Code') === '0' && row('customsCode') === 'C00' && row('motCode') === '0')
    .filter((row) => ['X', 'M', 'RX', 'RM'].includes(row('flowCode')))
    .map((row) => ({
      reporter: row('reporterISO'),
      partner: row('partnerISO') === 'W00' ? 'WLD' : row('partnerISO'),
      flow: row('flowCode'),
      year: Number(row('refYear')),
      month: row('freqCode') === 'M' ? Number(row('refMonth')) : 0,
      product: row('cmdCode'),
      cents: cents(row('primaryValue')),
    }));
}

/** BACI: every row an export, countries through the codes file, HS6 with its leading zero, values in thousands. */
function baciLines(text: string, codesText: string): Line[] {
  const codes = new Map(table(codesText).map((row) => [row('country_code'), row('country_iso3')]));
  const country = (code: string) => {
    const iso = codes.get(code);
    if (iso === undefined) throw new Error(`test parser: no country ${code}`);
    return iso;
  };
  return table(text).map((row) => ({
    reporter: country(row('i')),
    partner: country(row('j')),
    flow: 'X',
    year: Number(row('t')),
    month: 0,
    product: row('k').padStart(6, '0'),
    cents: cents(row('v'), 3),
  }));
}

/** The Kyrgyz table: alpha-3 or the two numeric codes it uses, flows as words, thousands of dollars. */
function kgzLines(text: string): Line[] {
  const numeric: Record<string, string> = { '417': 'KGZ', '398': 'KAZ' };
  const flows: Record<string, string> = { import: 'M', export: 'X', 're-export': 'RX' };
  return table(text).map((row) => ({
    reporter: numeric[row('Reporting economy')] ?? row('Reporting economy'),
    partner: numeric[row('Partner economy')] ?? row('Partner economy'),
    flow: flows[row('Direction').toLowerCase()]!,
    year: Number(row('Year')),
    month: row('Month') === '' ? 0 : Number(row('Month')),
    product: row('HS'),
    cents: cents(row('Value (thousand USD)'), 3),
  }));
}

type Key = Pick<Line, 'reporter' | 'partner' | 'flow' | 'year' | 'month'>;
const keyOf = (k: Key) => `${k.reporter}>${k.partner} ${k.flow} ${k.year}-${k.month}`;
type Totals = Record<string, { value: string; summed: boolean }>;

function groupByKey(lines: readonly Line[]): Map<string, Line[]> {
  const groups = new Map<string, Line[]>();
  for (const line of lines) groups.set(keyOf(line), [...(groups.get(keyOf(line)) ?? []), line]);
  return groups;
}

/**
 * Per reporter, partner, flow and period: the reported TOTAL if the file has one, else the sum of the coarsest
 * product level. Reconciled files also get the importer's side (the same value) and world totals summed over partners.
 */
function expectedTotals(lines: readonly Line[], reconciled: boolean): Totals {
  const totals: Array<Key & { cents: bigint; summed: boolean }> = [];
  for (const group of groupByKey(lines).values()) {
    const first = group[0]!;
    const reported = group.filter((line) => line.product === 'TOTAL');
    const shortest = Math.min(...group.map((line) => line.product.length));
    const picked = reported.length > 0 ? reported : group.filter((line) => line.product.length === shortest);
    totals.push({ ...first, cents: sum(picked), summed: reported.length === 0 });
  }
  if (reconciled) {
    for (const x of totals.filter((t) => t.flow === 'X')) totals.push({ ...x, reporter: x.partner, partner: x.reporter, flow: 'M' });
    const world = new Map<string, Key & { cents: bigint; summed: boolean }>();
    for (const t of totals) {
      const key = keyOf({ ...t, partner: 'WLD' });
      const previous = world.get(key);
      world.set(key, { ...t, partner: 'WLD', summed: true, cents: (previous?.cents ?? 0n) + t.cents });
    }
    totals.push(...world.values());
  }
  return Object.fromEntries(totals.map((t) => [keyOf(t), { value: dollars(t.cents), summed: t.summed }]));
}

/**
 * HS chapters (2) and headings (4) per key, from the coarsest product lines at least that detailed. Reconciled
 * datasets keep only the exporter's side: the importer's is read from it when asked.
 */
function expectedProducts(lines: readonly Line[]): Record<string, string> {
  const products = new Map<string, bigint>();
  const add = (key: string, value: bigint) => products.set(key, (products.get(key) ?? 0n) + value);
  for (const digits of [2, 4]) {
    for (const group of groupByKey(lines).values()) {
      const detailed = group.filter((line) => line.product !== 'TOTAL' && line.product.length >= digits);
      const coarsest = Math.min(...detailed.map((line) => line.product.length));
      for (const line of detailed.filter((l) => l.product.length === coarsest)) {
        add(`${keyOf(line)} ${line.product.slice(0, digits)}`, line.cents);
      }
    }
  }
  return Object.fromEntries([...products].map(([key, value]) => [key, dollars(value)]));
}

// ---------------------------------------------------------------------------------------------------------------
// What the database holds.
// ---------------------------------------------------------------------------------------------------------------

interface DatasetRow {
  id: string;
  name: string;
  release: string;
  layout: string;
  reconciled: boolean;
  rows_read: number;
  records: number;
  rejected: number;
  total_value: string;
  skipped: Record<string, number>;
}

async function datasetsNamed(db: Database, name: string): Promise<DatasetRow[]> {
  const rows = await db.query<DatasetRow & { skipped: string | Record<string, number> }>(
    `SELECT id, name, release, layout, reconciled, rows_read, records, rejected, total_value::text AS total_value, skipped
       FROM trade_datasets WHERE name = $1`,
    [name],
  );
  return rows.map((row) => ({ ...row, skipped: typeof row.skipped === 'string' ? (JSON.parse(row.skipped) as Record<string, number>) : row.skipped }));
}

async function datasetNamed(db: Database, name: string): Promise<DatasetRow> {
  const rows = await datasetsNamed(db, name);
  expect(rows).toHaveLength(1);
  return rows[0]!;
}

async function totalsOf(db: Database, datasetId: string): Promise<Totals> {
  const rows = await db.query<Key & { value: string; summed: boolean }>(
    'SELECT reporter, partner, flow, year, month, value::text AS value, summed FROM trade_totals WHERE dataset_id = $1',
    [datasetId],
  );
  return Object.fromEntries(rows.map((row) => [keyOf(row), { value: row.value, summed: row.summed }]));
}

/** The chapter and heading rollups, summed over the rows a key may take. */
async function productsOf(db: Database, datasetId: string): Promise<Record<string, string>> {
  const rows = await db.query<Key & { level: number; product: string; value: string }>(
    `SELECT reporter, partner, flow, year, month, line.level, line.product, (sum(line.cents) / 100)::numeric(24, 2)::text AS value
       FROM trade_lines, ${ROLLUP_ENTRIES}
      WHERE dataset_id = $1 GROUP BY reporter, partner, flow, year, month, line.level, line.product`,
    [datasetId],
  );
  for (const row of rows) expect(row.product).toHaveLength(row.level);
  return Object.fromEntries(rows.map((row) => [`${keyOf(row)} ${row.product}`, row.value]));
}

const partitionOf = (datasetId: string) => `trade_lines_${datasetId.replace(/-/g, '')}`;

async function partitions(db: Database): Promise<string[]> {
  const rows = await db.query<{ tablename: string }>(`SELECT tablename FROM pg_tables WHERE tablename LIKE 'trade\\_lines\\_%' ORDER BY tablename`);
  return rows.map((row) => row.tablename);
}

/** Every dataset has its partition table and no partition is left without a dataset. */
async function expectOnePartitionPerDataset(db: Database): Promise<void> {
  const ids = await db.query<{ id: string }>('SELECT id FROM trade_datasets');
  expect(await partitions(db)).toEqual(ids.map((row) => partitionOf(row.id)).sort());
}

async function partitionContent(db: Database, datasetId: string): Promise<{ n: number; total: string }> {
  const [row] = await db.query<{ n: number; total: string }>(
    `SELECT count(*) AS n, (coalesce(sum(cents), 0) / 100)::numeric(24, 2)::text AS total FROM ${partitionOf(datasetId)}, unnest(value_cents) AS cents`,
  );
  return row!;
}

async function counts(db: Database): Promise<Record<string, number>> {
  const [row] = await db.query<Record<string, number>>(
    `SELECT (SELECT count(*) FROM trade_datasets) AS datasets, (SELECT count(*) FROM trade_totals) AS totals,
            (SELECT coalesce(sum(coalesce(cardinality(heading_products), 0) + coalesce(cardinality(chapter_products), 0)), 0)::int FROM trade_lines) AS products,
            (SELECT coalesce(sum(cardinality(products)), 0)::int FROM trade_lines) AS lines`,
  );
  return { ...row!, partitions: (await partitions(db)).length };
}

/** The rejection of a promise, for checking an error's fields; fails when the promise resolves. */
async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected the import to fail');
    },
    (error: unknown) => error,
  );
}

function imported(result: ImportResult): Extract<ImportResult, { status: 'imported' }> {
  if (result.status !== 'imported') throw new Error(`expected an import, got ${result.status}`);
  return result;
}

// ---------------------------------------------------------------------------------------------------------------

const temporary: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'scohub-trade-import-'));
  temporary.push(dir);
  return dir;
}

/** A BACI release written row by row from a seeded generator, with what it must import to, counted while writing. */
interface GeneratedBaci {
  file: string;
  rows: number;
  total: bigint;
  exports: Map<string, bigint>;
}

async function generateBaci(dir: string, rows: number, seed: number): Promise<GeneratedBaci> {
  const countries: Array<[string, string]> = [
    ['156', 'CHN'],
    ['398', 'KAZ'],
    ['417', 'KGZ'],
    ['643', 'RUS'],
    ['699', 'IND'],
    ['860', 'UZB'],
    ['490', 'S19'],
  ];
  const products = ['10121', '80410', '270900', '847130', '260111', '520100', '870323'];
  let state = seed;
  const next = (n: number) => {
    state = (state * 48271) % 2147483647;
    return state % n;
  };
  let text = 't,i,j,k,v,q\n';
  let total = 0n;
  const exports = new Map<string, bigint>();
  for (let r = 0; r < rows; r++) {
    const exporter = next(countries.length);
    const importer = (exporter + 1 + next(countries.length - 1)) % countries.length;
    const thousands = next(50_000);
    const fraction = String(next(1000)).padStart(3, '0');
    text += `2021,${countries[exporter]![0]},${countries[importer]![0]},${products[next(products.length)]!},${thousands}.${fraction},${next(100)}.5\n`;
    const value = BigInt(thousands) * 100_000n + BigInt(fraction) * 100n;
    total += value;
    const pair = `${countries[exporter]![1]}>${countries[importer]![1]}`;
    exports.set(pair, (exports.get(pair) ?? 0n) + value);
  }
  const file = join(dir, 'BACI_GEN_Y2021_V202401.csv');
  await writeFile(file, text);
  await copyFile(BACI_CODES, join(dir, 'country_codes_V202401.csv'));
  return { file, rows, total, exports };
}

let generated: GeneratedBaci;

beforeAll(async () => {
  generated = await generateBaci(await tempDir(), 50_000, 20_240_101);
});

afterAll(async () => {
  await Promise.all(temporary.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('reading a large file', () => {
  it('hands packed tuples to COPY in pieces while it reads, every line once, in bounded buffers', async () => {
    const summary = emptySummary();
    const pieceBytes = 64 * 1024;
    const packer = new LinePacker({ flushLines: 4096, pieceBytes });
    const pieces: number[] = [];
    const options = { file: generated.file, baciCountries: await readBaciCountryCodes(generated.file) };
    for await (const piece of packTradeFile(options, summary, packer)) pieces.push(piece.byteLength);
    expect(pieces.length).toBeGreaterThan(1);
    // Each piece is cut after the key that fills it, so it is a little over the size asked for.
    for (const size of pieces.slice(0, -1)) expect(size).toBeGreaterThanOrEqual(pieceBytes);
    expect(Math.max(...pieces)).toBeLessThan(2 * pieceBytes);
    expect(packer.lines).toBe(generated.rows);
    expect(summary).toMatchObject({ layout: 'baci', rowsRead: generated.rows, records: generated.rows, rejected: 0, totalValue: generated.total });
  });
});

interface FixtureCase {
  title: string;
  request: ImportRequest;
  name: string;
  layout: string;
  reconciled: boolean;
  lines: () => Promise<Line[]>;
  dataRows: () => Promise<number>;
}

const text = (file: string) => readFile(file, 'utf8');
const dataRowsOf = async (file: string) => (await text(file)).split('\n').filter((line) => line !== '').length - 1;

const FIXTURE_CASES: FixtureCase[] = [
  {
    title: 'UN Comtrade legacy',
    request: { file: LEGACY },
    name: 'comtrade-legacy-chn-2021',
    layout: 'comtrade-legacy',
    reconciled: false,
    lines: async () => legacyLines(await text(LEGACY)),
    dataRows: () => dataRowsOf(LEGACY),
  },
  {
    title: 'UN Comtrade current monthly',
    request: { file: CURRENT },
    name: 'comtrade-current-monthly',
    layout: 'comtrade-current',
    reconciled: false,
    lines: async () => currentLines(await text(CURRENT)),
    dataRows: () => dataRowsOf(CURRENT),
  },
  {
    title: 'BACI',
    request: { file: BACI },
    name: 'baci_hs17_y2021',
    layout: 'baci',
    reconciled: true,
    lines: async () => baciLines(await text(BACI), await text(BACI_CODES)),
    dataRows: () => dataRowsOf(BACI),
  },
  {
    title: 'plain CSV with a mapping',
    request: { file: MAPPED, mapping: KGZ_MAPPING },
    name: 'mapped-kgz',
    layout: 'csv',
    reconciled: false,
    lines: async () => kgzLines(await text(MAPPED)),
    dataRows: () => dataRowsOf(MAPPED),
  },
];

describe.each(testDatabaseKinds())('importing trade files on $name', (kind) => {
  let db: Database;
  const results = new Map<string, ImportResult>();

  beforeAll(async () => {
    db = await openSeededDatabase(kind);
    for (const fixture of FIXTURE_CASES) results.set(fixture.name, await importTradeFile(db, fixture.request));
  });
  afterAll(async () => {
    await db?.close();
  });

  const totalsNamed = async (name: string) => totalsOf(db, (await datasetNamed(db, name)).id);
  const productsNamed = async (name: string) => productsOf(db, (await datasetNamed(db, name)).id);

  describe.each(FIXTURE_CASES)('the $title fixture', (fixture) => {
    it('is imported as a dataset whose record count and total value are those of the file’s lines, to the cent', async () => {
      const lines = await fixture.lines();
      const result = imported(results.get(fixture.name)!);
      const dataset = await datasetNamed(db, fixture.name);
      expect(result.dataset).toMatchObject({ id: dataset.id, name: fixture.name });
      expect(result.replaced).toBeNull();
      expect(dataset).toMatchObject({
        layout: fixture.layout,
        reconciled: fixture.reconciled,
        rows_read: await fixture.dataRows(),
        records: lines.length,
        rejected: 0,
        total_value: dollars(sum(lines)),
      });
      expect(result.summary).toMatchObject({ records: lines.length, rejected: 0, totalValue: sum(lines) });
      expect(await partitionContent(db, dataset.id)).toEqual({ n: lines.length, total: dollars(sum(lines)) });
    });

    it('has, per reporter, partner, flow and period, the totals worked out from the file', async () => {
      const lines = await fixture.lines();
      expect(await totalsNamed(fixture.name)).toEqual(expectedTotals(lines, fixture.reconciled));
    });

    it('has the HS chapter and heading rollups worked out from the file', async () => {
      const lines = await fixture.lines();
      expect(await productsNamed(fixture.name)).toEqual(expectedProducts(lines));
    });
  });

  it('keeps one partition table per dataset', async () => {
    await expectOnePartitionPerDataset(db);
  });

  it('Comtrade legacy: the reported TOTAL wins over the sum of chapter lines, and breakdowns are left out', async () => {
    const totals = await totalsNamed('comtrade-legacy-chn-2021');
    expect(totals['CHN>RUS X 2021-0']).toEqual({ value: '67565000000.00', summed: false });
    expect(totals['CHN>RUS M 2021-0']).toEqual({ value: '79318000000.00', summed: false });
    expect(totals['CHN>RUS RX 2021-0']).toEqual({ value: '120000000.00', summed: false });
    expect(totals['CHN>WLD X 2021-0']).toEqual({ value: '3362302000000.00', summed: false });
    expect(totals['CHN>RUS X 2020-0']).toEqual({ value: '50585000000.00', summed: false });
    const products = await productsNamed('comtrade-legacy-chn-2021');
    expect(products).toEqual({
      'CHN>RUS X 2021-0 84': '20000000000.00',
      'CHN>RUS X 2021-0 85': '17500000000.00',
      'CHN>RUS M 2021-0 27': '56800000000.00',
    });
    expect((await datasetNamed(db, 'comtrade-legacy-chn-2021')).skipped).toEqual({ 'breakdown by mode of transport': 1 });
  });

  it('Comtrade current: monthly TOTALs with cents, preferred over heading lines; DX and transport rows left out', async () => {
    const totals = await totalsNamed('comtrade-current-monthly');
    expect(totals['KAZ>CHN X 2022-1']).toEqual({ value: '812345678.50', summed: false });
    expect(totals['KAZ>CHN M 2022-1']).toEqual({ value: '650000000.25', summed: false });
    expect(totals['KAZ>CHN X 2022-2']).toEqual({ value: '700000000.00', summed: false });
    expect(totals['KAZ>WLD X 2022-1']).toEqual({ value: '5000000000.00', summed: false });
    expect(Object.keys(totals)).toHaveLength(5);
    expect(await productsNamed('comtrade-current-monthly')).toEqual({
      'KAZ>CHN X 2022-1 27': '300000000.00',
      'KAZ>CHN X 2022-1 26': '150000000.00',
      'KAZ>CHN X 2022-1 2709': '300000000.00',
      'KAZ>CHN X 2022-1 2601': '150000000.00',
    });
    expect((await datasetNamed(db, 'comtrade-current-monthly')).skipped).toEqual({ 'flow DX is not analysed': 1, 'breakdown by mode of transport': 1 });
  });

  it('BACI: exports summed from HS6 lines, the importer’s side derived, world totals summed over partners', async () => {
    const totals = await totalsNamed('baci_hs17_y2021');
    // 1,250.500 + 3.125 thousand dollars
    expect(totals['CHN>RUS X 2021-0']).toEqual({ value: '1253625.00', summed: true });
    expect(totals['RUS>CHN M 2021-0']).toEqual({ value: '1253625.00', summed: true });
    expect(totals['IND>CHN X 2021-0']).toEqual({ value: '999.00', summed: true });
    expect(totals['CHN>S19 X 2021-0']).toEqual({ value: '700000.00', summed: true });
    expect(totals['S19>CHN M 2021-0']).toEqual({ value: '700000.00', summed: true });
    expect(totals['KGZ>CHN X 2021-0']).toEqual({ value: '1.00', summed: true });
    const chinaExports = Object.entries(totals).filter(([key]) => key.startsWith('CHN>') && key.endsWith(' X 2021-0') && !key.startsWith('CHN>WLD'));
    expect(chinaExports.map(([key]) => key).sort()).toEqual(['CHN>KAZ X 2021-0', 'CHN>RUS X 2021-0', 'CHN>S19 X 2021-0']);
    const sumOfPartners = chinaExports.reduce((total, [, t]) => total + cents(t.value), 0n);
    expect(totals['CHN>WLD X 2021-0']).toEqual({ value: dollars(sumOfPartners), summed: true });
    expect(totals['CHN>WLD X 2021-0']!.value).toBe('2933635.00');
    expect(await productsNamed('baci_hs17_y2021')).toMatchObject({ 'IND>CHN X 2021-0 01': '999.00', 'IND>CHN X 2021-0 0101': '999.00' });
  });

  it('BACI: the chapter and heading rollups add up to the all-product totals, the file’s lines being complete', async () => {
    const totals = await totalsNamed('baci_hs17_y2021');
    const products = await productsNamed('baci_hs17_y2021');
    for (const level of [2, 4]) {
      const byKey = new Map<string, bigint>();
      for (const [key, value] of Object.entries(products)) {
        const product = key.slice(key.lastIndexOf(' ') + 1);
        if (product.length !== level) continue;
        const total = key.slice(0, key.lastIndexOf(' '));
        byKey.set(total, (byKey.get(total) ?? 0n) + cents(value));
      }
      // the exporter's side: the importer's side of products is derived when asked, not stored
      const partnerTotals = Object.entries(totals).filter(([key]) => !key.includes('>WLD ') && key.includes(' X '));
      expect(Object.fromEntries([...byKey].map(([key, value]) => [key, dollars(value)]))).toEqual(
        Object.fromEntries(partnerTotals.map(([key, t]) => [key, t.value])),
      );
    }
  });

  it('plain CSV: thousands with three decimals become exact dollars; numeric codes become alpha-3', async () => {
    const totals = await totalsNamed('mapped-kgz');
    expect(totals['KGZ>CHN M 2021-0']).toEqual({ value: '731560500.00', summed: false });
    expect(totals['KGZ>CHN X 2021-0']).toEqual({ value: '74234250.00', summed: false });
    expect(totals['KGZ>KAZ RX 2021-0']).toEqual({ value: '1200125.00', summed: false });
    expect(await productsNamed('mapped-kgz')).toEqual({});
  });

  it('re-importing the same file changes nothing and says so', async () => {
    const before = await counts(db);
    const original = await datasetNamed(db, 'comtrade-legacy-chn-2021');
    const again = await importTradeFile(db, { file: LEGACY });
    expect(again).toEqual({ status: 'unchanged', dataset: { id: original.id, name: original.name, release: original.release } });
    expect(await counts(db)).toEqual(before);
    expect(await datasetNamed(db, 'comtrade-legacy-chn-2021')).toEqual(original);
  });

  it('the same plain CSV read with a corrected column mapping is imported again, replacing the misread release', async () => {
    const { valueScale: _, ...inDollars } = KGZ_MAPPING;
    const misread = imported(await importTradeFile(db, { file: MAPPED, mapping: inDollars, dataset: 'kgz-remapped' }));
    const lines = kgzLines(await text(MAPPED));
    // The thousands read as dollars (1200.125 rounded to the cent): a thousandth of the true total.
    expect(misread.summary.totalValue).toBe(489_049_288n);
    expect(sum(lines)).toBe(489_049_287_500n);
    expect(await importTradeFile(db, { file: MAPPED, mapping: { ...inDollars, valueScale: 0 }, dataset: 'kgz-remapped' })).toMatchObject({ status: 'unchanged' });

    const corrected = imported(await importTradeFile(db, { file: MAPPED, mapping: KGZ_MAPPING, dataset: 'kgz-remapped' }));
    expect(corrected.replaced).toEqual(misread.dataset);
    expect(await datasetsNamed(db, 'kgz-remapped')).toEqual([expect.objectContaining({ id: corrected.dataset.id, total_value: dollars(sum(lines)) })]);
    expect(await totalsOf(db, corrected.dataset.id)).toEqual(expectedTotals(lines, false));
    await expectOnePartitionPerDataset(db);
  });

  it('a new release of a dataset replaces the old one: its records, rollups and partition; the old partition is dropped', async () => {
    const dir = await tempDir();
    await copyFile(BACI_CODES, join(dir, 'country_codes_V202401.csv'));
    const first = join(dir, 'BACI_REPL_Y2021_V202401.csv');
    await copyFile(BACI, first);
    const old = imported(await importTradeFile(db, { file: first }));
    expect(old.dataset).toMatchObject({ name: 'baci_repl_y2021', release: 'V202401' });

    const newText = (await text(BACI))
      .replace('2021,156,643,847130,1250.500,12.5\n', '2021,156,643,847130,2000.000,12.5\n')
      .replace('2021,699,156,10121,0.999,\n', '')
      .concat('2021,860,643,080410,5.500,1\n');
    const second = join(dir, 'BACI_REPL_Y2021_V202501.csv');
    await writeFile(second, newText);
    const before = await counts(db);
    const replacement = imported(await importTradeFile(db, { file: second }));

    expect(replacement.replaced).toEqual(old.dataset);
    expect(replacement.dataset).toMatchObject({ name: 'baci_repl_y2021', release: 'V202501' });
    expect(replacement.dataset.id).not.toBe(old.dataset.id);
    const datasets = await datasetsNamed(db, 'baci_repl_y2021');
    expect(datasets.map((d) => [d.id, d.release])).toEqual([[replacement.dataset.id, 'V202501']]);

    const lines = baciLines(newText, await text(BACI_CODES));
    expect(datasets[0]).toMatchObject({ records: lines.length, total_value: dollars(sum(lines)) });
    expect(await totalsOf(db, replacement.dataset.id)).toEqual(expectedTotals(lines, true));
    expect(await productsOf(db, replacement.dataset.id)).toEqual(expectedProducts(lines));
    expect((await totalsOf(db, replacement.dataset.id))['CHN>RUS X 2021-0']).toEqual({ value: '2003125.00', summed: true });
    expect(await partitionContent(db, replacement.dataset.id)).toEqual({ n: lines.length, total: dollars(sum(lines)) });

    expect(await totalsOf(db, old.dataset.id)).toEqual({});
    expect(await productsOf(db, old.dataset.id)).toEqual({});
    const tables = await partitions(db);
    expect(tables).toContain(partitionOf(replacement.dataset.id));
    expect(tables).not.toContain(partitionOf(old.dataset.id));
    expect((await counts(db)).datasets).toBe(before.datasets);
    await expectOnePartitionPerDataset(db);
  });

  describe('a row that cannot be read', () => {
    let dir: string;
    let goodText: string;
    let badText: string;
    let badLine: string;
    let file: string;

    beforeAll(async () => {
      dir = await tempDir();
      goodText = await text(LEGACY);
      const lines = goodText.split('\n');
      // Line 4 is China's exports to Russia, all products; its value becomes unreadable.
      const fields = lines[3]!.split(',');
      expect(fields.slice(-4)).toEqual(['67565000000', '', '', '0']);
      fields[fields.length - 4] = 'n/a';
      badLine = fields.join(',');
      lines[3] = badLine;
      badText = lines.join('\n');
      file = join(dir, 'comtrade-legacy-chn-2021.csv');
    });

    it('rejects the whole import, naming file, line, column and reason, and keeps the previous release intact', async () => {
      await writeFile(file, goodText);
      const previous = imported(await importTradeFile(db, { file, dataset: 'legacy-guarded' }));
      const datasetBefore = await datasetNamed(db, 'legacy-guarded');
      const totalsBefore = await totalsOf(db, previous.dataset.id);
      const productsBefore = await productsOf(db, previous.dataset.id);
      const contentBefore = await partitionContent(db, previous.dataset.id);
      const before = await counts(db);

      await writeFile(file, badText);
      const error = await rejectionOf(importTradeFile(db, { file, dataset: 'legacy-guarded' }));
      expect(error).toBeInstanceOf(ImportError);
      expect(error).toMatchObject({ file: 'comtrade-legacy-chn-2021.csv', line: 4, column: 'Trade Value (US$)', reason: '"n/a" is not a number' });
      expect((error as Error).message).toBe('comtrade-legacy-chn-2021.csv, line 4, column Trade Value (US$): "n/a" is not a number');

      expect(await datasetsNamed(db, 'legacy-guarded')).toEqual([datasetBefore]);
      expect(await totalsOf(db, previous.dataset.id)).toEqual(totalsBefore);
      expect(await productsOf(db, previous.dataset.id)).toEqual(productsBefore);
      expect(await partitionContent(db, previous.dataset.id)).toEqual(contentBefore);
      expect(await counts(db)).toEqual(before);
      await expectOnePartitionPerDataset(db);
    });

    it('keeps nothing of a failed first import: no dataset, no partition, no rollups', async () => {
      await writeFile(file, badText);
      const before = await counts(db);
      const error = await rejectionOf(importTradeFile(db, { file, dataset: 'legacy-never' }));
      expect(error).toMatchObject({ name: 'ImportError', line: 4, column: 'Trade Value (US$)' });
      expect(await datasetsNamed(db, 'legacy-never')).toEqual([]);
      expect(await counts(db)).toEqual(before);
      await expectOnePartitionPerDataset(db);
    });

    it('with a rejects stream, writes the row with line, column and reason and imports the rest', async () => {
      await writeFile(file, badText);
      const rejects = new PassThrough();
      let written = '';
      rejects.on('data', (chunk: Buffer) => (written += chunk.toString('utf8')));
      const result = imported(await importTradeFile(db, { file, dataset: 'legacy-rejects', rejects }));
      rejects.end();

      expect(written).toBe(`4,Trade Value (US$),"""n/a"" is not a number",${badLine}\n`);
      // Without line 4, China's exports to Russia are summed from the chapter lines 84 and 85.
      const lines = legacyLines(badText.split('\n').filter((line) => line !== badLine).join('\n'));
      expect(result.summary).toMatchObject({ rejected: 1, records: lines.length, totalValue: sum(lines) });
      expect(await datasetNamed(db, 'legacy-rejects')).toMatchObject({ rejected: 1, records: lines.length, total_value: dollars(sum(lines)) });
      const totals = await totalsOf(db, result.dataset.id);
      expect(totals).toEqual(expectedTotals(lines, false));
      expect(totals['CHN>RUS X 2021-0']).toEqual({ value: '37500000000.00', summed: true });
    });
  });

  describe('a file that cannot be imported as a whole', () => {
    it('a row with a field too few stops the import at its line', async () => {
      const dir = await tempDir();
      const lines = (await text(LEGACY)).split('\n');
      lines[4] = lines[4]!.slice(0, lines[4]!.lastIndexOf(','));
      const file = join(dir, 'ragged.csv');
      await writeFile(file, lines.join('\n'));
      const before = await counts(db);
      const error = await rejectionOf(importTradeFile(db, { file }));
      expect(error).toBeInstanceOf(ImportError);
      expect(error).toMatchObject({ file: 'ragged.csv', line: 5, column: '-' });
      expect((error as ImportError).reason).toBe('expected 35 fields as in the header, found 34');
      expect(await counts(db)).toEqual(before);
    });

    it('a row with a field too few is set aside with --skip-invalid like any other bad row', async () => {
      const dir = await tempDir();
      const lines = (await text(LEGACY)).split('\n');
      lines[4] = lines[4]!.slice(0, lines[4]!.lastIndexOf(','));
      const file = join(dir, 'ragged-skipped.csv');
      await writeFile(file, lines.join('\n'));
      const rejects = new PassThrough();
      const written: Buffer[] = [];
      rejects.on('data', (chunk: Buffer) => written.push(chunk));
      const result = await importTradeFile(db, { file, rejects });
      expect(result.status).toBe('imported');
      if (result.status === 'imported') expect(result.summary.rejected).toBe(1);
      expect(Buffer.concat(written).toString()).toMatch(/^5,-,"expected 35 fields as in the header, found 34",H5,2021,/);
    });

    it('an empty file', async () => {
      const dir = await tempDir();
      const file = join(dir, 'empty.csv');
      await writeFile(file, '');
      const before = await counts(db);
      const error = await rejectionOf(importTradeFile(db, { file }));
      expect(error).toBeInstanceOf(ImportFileError);
      expect((error as Error).message).toContain('the file is empty');
      expect(await counts(db)).toEqual(before);
    });

    it('a BACI file without its country codes beside it', async () => {
      const dir = await tempDir();
      const alone = join(dir, 'BACI_HS17_Y2021_V202401.csv');
      await copyFile(BACI, alone);
      const before = await counts(db);
      const error = await rejectionOf(importTradeFile(db, { file: alone, dataset: 'baci-alone' }));
      expect(error).toBeInstanceOf(ImportFileError);
      expect((error as Error).message).toContain('no country_codes_V*.csv beside it');
      expect(await counts(db)).toEqual(before);
    });

    it('a plain CSV named as such but without a column mapping', async () => {
      const before = await counts(db);
      const error = await rejectionOf(importTradeFile(db, { file: MAPPED, format: 'csv', dataset: 'kgz-unmapped' }));
      expect(error).toBeInstanceOf(ImportFileError);
      expect((error as Error).message).toContain('a plain CSV needs a column mapping');
      expect(await counts(db)).toEqual(before);
    });

    it('an unrecognised header without a format', async () => {
      const before = await counts(db);
      const error = await rejectionOf(importTradeFile(db, { file: MAPPED, dataset: 'kgz-unknown' }));
      expect(error).toBeInstanceOf(ImportFileError);
      expect((error as Error).message).toContain('the header matches neither UN Comtrade nor BACI');
      expect(await counts(db)).toEqual(before);
    });

    it('a file whose header contradicts the format given', async () => {
      const before = await counts(db);
      const error = await rejectionOf(importTradeFile(db, { file: BACI, format: 'comtrade', dataset: 'baci-as-comtrade' }));
      expect(error).toBeInstanceOf(ImportFileError);
      expect((error as Error).message).toContain('the format comtrade was named but the header is that of baci');
      expect(await counts(db)).toEqual(before);
    });

    it('a Comtrade file lacking a column its layout needs: an ImportError on line 1 naming the column', async () => {
      const dir = await tempDir();
      const lines = (await text(LEGACY)).split('\n').map((line) => splitCsv(line));
      const period = lines[0]!.indexOf('Period');
      const file = join(dir, 'no-period.csv');
      await writeFile(file, lines.map((fields) => fields.filter((_, i) => i !== period).join(',')).join('\n'));
      const before = await counts(db);
      const error = await rejectionOf(importTradeFile(db, { file }));
      expect(error).toBeInstanceOf(ImportError);
      expect(error).toMatchObject({ file: 'no-period.csv', line: 1, column: 'Period', reason: 'column missing from the header' });
      expect(await counts(db)).toEqual(before);
    });
  });

  it.each(['this', 'worker', 'two workers'] as const)('a generated file of 50,000 rows, read in %s, imports across many COPY chunks with the right count and exact totals', async (thread) => {
    const result = imported(await importTradeFile(db, { file: generated.file, dataset: `generated-${thread.replace(' ', '-')}`, synthetic: true, thread }));
    expect(result.summary).toMatchObject({ rowsRead: generated.rows, records: generated.rows, rejected: 0, totalValue: generated.total });
    const dataset = await datasetNamed(db, `generated-${thread.replace(' ', '-')}`);
    expect(dataset).toMatchObject({ records: generated.rows, total_value: dollars(generated.total) });
    expect(await partitionContent(db, dataset.id)).toEqual({ n: generated.rows, total: dollars(generated.total) });
    const totals = await totalsOf(db, dataset.id);
    const exports = Object.fromEntries(
      Object.entries(totals)
        .filter(([key]) => key.endsWith(' X 2021-0') && !key.includes('>WLD '))
        .map(([key, t]) => [key.slice(0, key.indexOf(' ')), t.value]),
    );
    expect(exports).toEqual(Object.fromEntries([...generated.exports].map(([pair, value]) => [pair, dollars(value)])));
    const worldExports = Object.entries(totals).filter(([key]) => key.includes('>WLD X '));
    expect(worldExports.reduce((total, [, t]) => total + cents(t.value), 0n)).toBe(generated.total);
  });
});
