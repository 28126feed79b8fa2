import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/database.ts';
import { openSeededDatabase, testDatabaseKinds } from '../../../db/testing.ts';
import { parseColumnMapping } from '../formats/mapped-csv.ts';
import { importTradeFile } from './import-dataset.ts';
import { LINE_ENTRIES } from './testing.ts';

const BACI_DIR = fileURLToPath(new URL('../fixtures/baci/', import.meta.url));
const MAPPING = parseColumnMapping('year=Year,reporter=Reporter,partner=Partner,flow=Flow,product=HS,value=Value');

// KGZ–CHN lists subheadings first, a heading, a chapter and its TOTAL later; KGZ–RUS a heading and a subheading.
const OUT_OF_ORDER = `Year,Reporter,Partner,Flow,HS,Value
2021,KGZ,CHN,import,010121,100
2021,KGZ,CHN,import,010129,50
2021,KGZ,RUS,import,0101,7
2021,KGZ,RUS,import,010121,3
2021,KGZ,CHN,import,0101,120
2021,KGZ,CHN,import,02,999
2021,KGZ,CHN,import,TOTAL,2000
`;

/** BACI lines in unusual but valid shapes: leading zeros, spaces, an exponent, NA and empty quantities, CRLF. */
const ODD_BACI = [
  't,i,j,k,v,q',
  '2021,156,643,847130,1250.500,12.5',
  '2021,0156,643,80410,3.125,NA',
  '2021, 156,643,270900,41000,',
  '2021,156,643.0,520100,1e3,0.25',
  '2021,643,156,10121,0.001,1234567.891',
  '2021,643,156,010121,12.34567,3',
  '2021,398,860,870323,999999999.999,7',
].join('\r\n');

const quoteEveryField = (text: string) =>
  text
    .split(/\r?\n/)
    .map((line) => (line === '' ? line : line.split(',').map((field) => `"${field}"`).join(',')))
    .join('\n');

describe.each(testDatabaseKinds())('packed lines on $name', (kind) => {
  let db: Database;
  let dir: string;
  beforeAll(async () => {
    db = await openSeededDatabase(kind);
    dir = await mkdtemp(join(tmpdir(), 'scohub-packed-'));
  });
  afterAll(async () => {
    await db.close();
    await rm(dir, { recursive: true, force: true });
  });

  const idOf = async (name: string) => (await db.query<{ id: string }>('SELECT id FROM trade_datasets WHERE name = $1', [name]))[0]!.id;
  /** Rollups and lines summed per key and product, whatever rows they were written in. */
  const contents = async (name: string) =>
    db.query(
      `SELECT reporter, partner, flow, year, month, line.level, line.product, sum(line.cents)::text AS cents
         FROM trade_lines, ${LINE_ENTRIES}
        WHERE dataset_id = $1 GROUP BY 1, 2, 3, 4, 5, 6, 7 ORDER BY 1, 2, 3, 4, 5, 6, 7`,
      [await idOf(name)],
    );
  const totals = async (name: string) =>
    db.query(
      'SELECT reporter, partner, flow, year, month, value::text AS value, summed FROM trade_totals WHERE dataset_id = $1 ORDER BY 1, 2, 3, 4, 5',
      [await idOf(name)],
    );

  /**
   * Imports BACI data twice, each from a folder with its country codes beside it: `${name}-fast` as written, which the
   * line scanner reads, and `${name}-slow` with every field quoted, which sends each line to csv-parse.
   */
  const importBothWays = async (name: string, text: string, flushLines?: number) => {
    for (const [dataset, data] of [
      [`${name}-fast`, text],
      [`${name}-slow`, quoteEveryField(text)],
    ] as const) {
      const folder = join(dir, dataset);
      await mkdir(folder, { recursive: true });
      await writeFile(join(folder, 'BACI_HS17_Y2021_V202401.csv'), data);
      await copyFile(join(BACI_DIR, 'country_codes_V202401.csv'), join(folder, 'country_codes_V202401.csv'));
      await importTradeFile(db, { file: join(folder, 'BACI_HS17_Y2021_V202401.csv'), dataset, flushLines });
    }
  };

  it('rolls up from the coarsest lines of each key even when they come after finer ones and the key is split over rows', async () => {
    const file = join(dir, 'out-of-order.csv');
    await writeFile(file, OUT_OF_ORDER);
    await importTradeFile(db, { file, mapping: MAPPING, dataset: 'split', flushLines: 2 });
    await importTradeFile(db, { file, mapping: MAPPING, dataset: 'whole' });
    const rollups = (await contents('split')).filter((row) => (row as { level: number }).level > 0);
    expect(rollups).toEqual([
      { reporter: 'KGZ', partner: 'CHN', flow: 'M', year: 2021, month: 0, level: 2, product: '02', cents: '99900' },
      { reporter: 'KGZ', partner: 'CHN', flow: 'M', year: 2021, month: 0, level: 4, product: '0101', cents: '12000' },
      { reporter: 'KGZ', partner: 'RUS', flow: 'M', year: 2021, month: 0, level: 2, product: '01', cents: '700' },
      { reporter: 'KGZ', partner: 'RUS', flow: 'M', year: 2021, month: 0, level: 4, product: '0101', cents: '700' },
    ]);
    expect(await totals('split')).toEqual([
      { reporter: 'KGZ', partner: 'CHN', flow: 'M', year: 2021, month: 0, value: '2000.00', summed: false },
      { reporter: 'KGZ', partner: 'RUS', flow: 'M', year: 2021, month: 0, value: '7.00', summed: true },
    ]);
    // Held in one piece or written in many rows, the dataset says the same.
    expect(await contents('split')).toEqual(await contents('whole'));
    const [rows] = await db.query<{ split: number; whole: number }>(
      `SELECT (SELECT count(*) FROM trade_lines WHERE dataset_id = $1 AND cardinality(products) > 0) AS split,
              (SELECT count(*) FROM trade_lines WHERE dataset_id = $2 AND cardinality(products) > 0) AS whole`,
      [await idOf('split'), await idOf('whole')],
    );
    expect(rows).toEqual({ split: 4, whole: 2 });
  });

  it('reads BACI lines in odd shapes exactly as csv-parse and the mapper read them', async () => {
    await importBothWays('odd', ODD_BACI);
    const fast = await contents('odd-fast');
    expect(fast).toEqual(await contents('odd-slow'));
    expect(await totals('odd-fast')).toEqual(await totals('odd-slow'));
    const weights = async (name: string) =>
      db.query('SELECT products, net_weights_kg FROM trade_lines WHERE dataset_id = $1 ORDER BY reporter, partner, products', [await idOf(name)]);
    expect(await weights('odd-fast')).toEqual(await weights('odd-slow'));
    // 12.34567 thousand dollars is 12,345.67 dollars; 010121 and 10121 are one subheading.
    expect(fast).toContainEqual({ reporter: 'RUS', partner: 'CHN', flow: 'X', year: 2021, month: 0, level: 0, product: '010121', cents: '1234667' });
    expect(fast).toContainEqual({ reporter: 'CHN', partner: 'RUS', flow: 'X', year: 2021, month: 0, level: 0, product: '520100', cents: '100000000' });
  });

  it('reads a large BACI file the same through its line scanner as through csv-parse', async () => {
    const source = await readFile(join(BACI_DIR, 'BACI_HS17_Y2021_V202401.csv'), 'utf8');
    const [header, ...lines] = source.trim().split('\n');
    const many = [header, ...Array.from({ length: 400 }, (_, copy) => lines.map((line) => line.replace(/^2021/, String(1990 + (copy % 30))))).flat()].join('\n');
    await importBothWays('many', many, 500);
    expect(await contents('many-fast')).toEqual(await contents('many-slow'));
    expect(await totals('many-fast')).toEqual(await totals('many-slow'));
  });
});
