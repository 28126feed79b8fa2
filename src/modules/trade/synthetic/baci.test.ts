import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { baciMapper } from '../formats/baci.ts';
import { readBaciCountryCodes } from '../import/companions.ts';
import { writeSyntheticBaci } from './baci.ts';

const dirs: string[] = [];
async function generate(options: { rows: number; seed?: number; split?: 'none' | 'year' }) {
  const dir = await mkdtemp(join(tmpdir(), 'scohub-synthetic-'));
  dirs.push(dir);
  return writeSyntheticBaci({ dir, ...options });
}

afterAll(async () => {
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

/** The v column summed as exact integers of its last digit, without the generator's own arithmetic. */
function sumOfV(text: string): bigint {
  const [header, ...lines] = text.trimEnd().split('\n');
  const v = header!.split(',').indexOf('v');
  let sum = 0n;
  for (const line of lines) {
    const [whole, fraction = ''] = line.split(',')[v]!.split('.');
    sum += BigInt(whole!) * 1000n + BigInt(fraction.padEnd(3, '0'));
  }
  return sum;
}

describe('synthetic BACI files', () => {
  it('are the same bytes for the same seed, and differ for another seed', async () => {
    const [a, b, c] = await Promise.all([generate({ rows: 20_000, seed: 7 }), generate({ rows: 20_000, seed: 7 }), generate({ rows: 20_000, seed: 8 })]);
    const data = async (r: typeof a) => readFile(r.files[0]!.path);
    expect((await data(a)).equals(await data(b))).toBe(true);
    expect((await readFile(a.countryCodesFile)).equals(await readFile(b.countryCodesFile))).toBe(true);
    expect((await data(a)).equals(await data(c))).toBe(false);
  });

  it('have exactly the rows asked for, one per year, exporter, importer and product', async () => {
    for (const rows of [0, 1, 4, 12_345]) {
      const result = await generate({ rows });
      const lines = (await readFile(result.files[0]!.path, 'utf8')).trimEnd().split('\n');
      expect(lines[0]).toBe('t,i,j,k,v,q');
      expect(lines.length - 1).toBe(rows);
      expect(result.rows).toBe(rows);
      expect(new Set(lines.slice(1).map((l) => l.split(',').slice(0, 4).join(','))).size).toBe(rows);
    }
  });

  it('report a total value equal to the sum of the v column', async () => {
    const result = await generate({ rows: 50_000, seed: 3 });
    const text = await readFile(result.files[0]!.path, 'utf8');
    expect(sumOfV(text)).toBe(result.totalDollars);
    const [whole, fraction] = result.totalValue.split('.');
    expect(BigInt(whole!) * 1000n + BigInt(fraction!)).toBe(sumOfV(text));
  });

  it('write one file per year when asked, named as CEPII names them', async () => {
    const result = await generate({ rows: 1_000, split: 'year' });
    expect(result.files.map((f) => f.path.split('/').at(-1))).toEqual([2019, 2020, 2021, 2022, 2023].map((y) => `BACI_HS17_Y${y}_V202501.csv`));
    expect(result.files.reduce((sum, f) => sum + f.rows, 0)).toBe(1_000);
  });

  it('are read by the BACI format without a single rejected row', async () => {
    const result = await generate({ rows: 20_000, seed: 11 });
    const codes = await readBaciCountryCodes(result.files[0]!.path);
    expect(codes.size).toBe(result.countries);
    const [header, ...lines] = (await readFile(result.files[0]!.path, 'utf8')).trimEnd().split('\n');
    const map = baciMapper(header!.split(','), codes);
    const products = new Set<string>();
    for (const line of lines) {
      const outcome = map(line.split(','));
      expect(Array.isArray(outcome) && outcome.length === 1).toBe(true);
      for (const record of outcome as { product: string }[]) products.add(record.product);
    }
    expect(products.size).toBeGreaterThan(3_000);
    expect([...products].every((p) => /^\d{6}$/.test(p))).toBe(true);
  });
});
