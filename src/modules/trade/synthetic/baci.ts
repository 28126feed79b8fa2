import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import { join } from 'node:path';
import { syntheticCountries, type SyntheticCountry } from './countries.ts';
import { syntheticProducts } from './products.ts';
import { SeededRandom } from './random.ts';

/**
 * Synthetic CEPII BACI files for benchmarks and tests: the real layout (t,i,j,k,v,q with BACI's numeric country
 * codes and a country_codes_V*.csv beside the data), a realistic shape (a few large traders, sparse pairs, about
 * 5,000 HS6 codes, log-normal values), and nothing else real about them. Import them with `synthetic: true`.
 */
export interface SyntheticBaciOptions {
  /** Folder to write into; created when missing. */
  dir: string;
  /** Data rows to write, over all years. */
  rows: number;
  seed?: number | undefined;
  /** Default 2019–2023. */
  years?: readonly number[] | undefined;
  /** Six digits, as in BACI's _V202501 suffix. */
  release?: string | undefined;
  /** Default 200; the large traders and the SCO family are always among them. */
  countries?: number | undefined;
  /** One file for all years (default), or one BACI_HS17_Y<year> file per year as CEPII publishes them. */
  split?: 'none' | 'year' | undefined;
}

export interface SyntheticBaci {
  seed: number;
  release: string;
  years: number[];
  /** Data files, in year order. */
  files: { path: string; rows: number; bytes: number }[];
  countryCodesFile: string;
  rows: number;
  bytes: number;
  countries: number;
  products: number;
  /** Sum of the v column exactly as written: thousands of USD with three decimals. */
  totalValue: string;
  /** The same sum in v's last digit, i.e. whole US dollars. */
  totalDollars: bigint;
}

export const DEFAULT_SEED = 20_250_101;
export const DEFAULT_YEARS = [2019, 2020, 2021, 2022, 2023] as const;

const csvField = (text: string) => (/[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
const THREE_DIGITS = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'));

/** An amount in thousandths as BACI writes it, e.g. 1234567 → '1234.567'. */
const thousandths = (n: number) => `${Math.floor(n / 1000)}.${THREE_DIGITS[n % 1000]!}`;

/** Writes text to a stream in large pieces, waiting when the disk falls behind so memory stays bounded. */
class ChunkedWriter {
  private buffer = '';
  bytes = 0;
  constructor(private readonly stream: WriteStream) {}
  async write(text: string): Promise<void> {
    this.buffer += text;
    if (this.buffer.length >= 1 << 20) await this.flush();
  }
  async flush(): Promise<void> {
    if (!this.buffer) return;
    this.bytes += Buffer.byteLength(this.buffer);
    const ok = this.stream.write(this.buffer);
    this.buffer = '';
    if (!ok) await once(this.stream, 'drain');
  }
  async close(): Promise<void> {
    await this.flush();
    this.stream.end();
    await once(this.stream, 'close');
  }
}

/**
 * Rows per exporter–importer pair for one year: proportional to the pair's weight, at most one row per product,
 * adding up to exactly `rows` (largest remainders get the rounding).
 */
function allocateRows(weights: Float64Array, rows: number, cap: number): Uint32Array {
  const counts = new Uint32Array(weights.length);
  if (rows === 0) return counts;
  let low = 0;
  let high = 1;
  const filled = (scale: number) => {
    let sum = 0;
    for (const w of weights) sum += Math.min(cap, w * scale);
    return sum;
  };
  while (filled(high) < rows) high *= 2;
  for (let i = 0; i < 100; i++) {
    const mid = (low + high) / 2;
    if (filled(mid) < rows) low = mid;
    else high = mid;
  }
  let assigned = 0;
  const fractions: number[] = [];
  for (let p = 0; p < weights.length; p++) {
    const exact = Math.min(cap, weights[p]! * high);
    counts[p] = Math.floor(exact);
    assigned += counts[p]!;
    if (counts[p]! < cap) fractions.push(p);
  }
  const fractionOf = (p: number) => weights[p]! * high - counts[p]!;
  fractions.sort((a, b) => fractionOf(b) - fractionOf(a) || a - b);
  for (let k = 0; assigned < rows; k = (k + 1) % fractions.length) {
    const p = fractions[k]!;
    if (counts[p]! < cap) {
      counts[p]! += 1;
      assigned += 1;
    }
  }
  // Binary search can overshoot by a row or two when many pairs sit exactly at the boundary.
  for (let p = 0; assigned > rows; p = (p + 1) % counts.length) {
    if (counts[p]! > 0) {
      counts[p]! -= 1;
      assigned -= 1;
    }
  }
  return counts;
}

/** Picks `n` distinct product indices, likelier by weight, in ascending order (BACI sorts by k within a pair). */
class ProductPicker {
  private readonly cumulative: Float64Array;
  private readonly stamp: Uint32Array;
  private readonly keys: Float64Array;
  private readonly order: Uint32Array;
  private round = 0;
  constructor(private readonly weights: Float64Array) {
    this.cumulative = new Float64Array(weights.length);
    let sum = 0;
    weights.forEach((w, i) => (this.cumulative[i] = sum += w));
    this.stamp = new Uint32Array(weights.length);
    this.keys = new Float64Array(weights.length);
    this.order = new Uint32Array(weights.length);
  }

  pick(n: number, random: SeededRandom, out: Uint32Array): Uint32Array {
    const size = this.weights.length;
    this.round += 1;
    let found = 0;
    if (n <= size / 4) {
      const total = this.cumulative[size - 1]!;
      for (let attempts = 0; found < n && attempts < 30 * n; attempts++) {
        const target = random.next() * total;
        let lo = 0;
        let hi = size - 1;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (this.cumulative[mid]! <= target) lo = mid + 1;
          else hi = mid;
        }
        if (this.stamp[lo] !== this.round) {
          this.stamp[lo] = this.round;
          out[found++] = lo;
        }
      }
    }
    if (found < n) {
      // Weighted sampling without replacement (Efraimidis–Spirakis): the n largest log(u)/w win.
      for (let i = 0; i < size; i++) {
        this.keys[i] = this.stamp[i] === this.round ? 0 : Math.log(random.open()) / this.weights[i]!;
        this.order[i] = i;
      }
      const keys = this.keys;
      const order = Array.from(this.order).sort((a, b) => keys[b]! - keys[a]! || a - b);
      for (let i = 0; found < n; i++) {
        const index = order[i]!;
        if (this.stamp[index] !== this.round) {
          this.stamp[index] = this.round;
          out[found++] = index;
        }
      }
    }
    return out.subarray(0, n).sort();
  }
}

function countryCodesCsv(countries: readonly SyntheticCountry[]): string {
  const lines = ['country_code,country_name,country_iso2,country_iso3'];
  for (const c of countries) lines.push(`${c.code},${csvField(c.name)},${c.iso2},${c.iso3}`);
  return `${lines.join('\n')}\n`;
}

/** File name of the data: BACI_HS17_Y2021_V202501.csv for one year, BACI_HS17_Y2019-2023_V202501.csv for several. */
export function syntheticBaciFileName(years: readonly number[], release: string): string {
  const span = years.length === 1 ? String(years[0]) : `${years[0]}-${years.at(-1)}`;
  return `BACI_HS17_Y${span}_V${release}.csv`;
}

/** Writes the files; deterministic for a given seed and options, streamed, in memory bounded by the country count. */
export async function writeSyntheticBaci(options: SyntheticBaciOptions): Promise<SyntheticBaci> {
  const seed = options.seed ?? DEFAULT_SEED;
  const years = [...(options.years ?? DEFAULT_YEARS)].sort((a, b) => a - b);
  const release = options.release ?? '202501';
  const split = options.split ?? 'none';
  if (!Number.isSafeInteger(options.rows) || options.rows < 0) throw new RangeError(`rows must be a whole number, not ${options.rows}`);
  if (years.length === 0 || years.some((y) => !Number.isInteger(y) || y < 1900 || y > 2200)) throw new RangeError('years must be calendar years');
  if (!/^\d{6}$/.test(release)) throw new RangeError(`release must be six digits (e.g. 202501), not ${release}`);

  const random = new SeededRandom(seed);
  const countries = syntheticCountries(options.countries ?? 200, seed);
  const products = syntheticProducts();
  const C = countries.length;
  const P = products.length;
  const pairs = C * (C - 1);
  if (options.rows > pairs * P * years.length) throw new RangeError(`at most ${pairs * P * years.length} rows fit ${C} countries, ${P} products and ${years.length} years`);

  await mkdir(options.dir, { recursive: true });
  const countryCodesFile = join(options.dir, `country_codes_V${release}.csv`);
  await writeFile(countryCodesFile, countryCodesCsv(countries));

  // Sizes per side (some countries export more than they import), persistent pair affinities.
  const exportSize = countries.map((c) => c.size * random.logNormal(0, 0.3));
  const importSize = countries.map((c) => c.size * random.logNormal(0, 0.3));
  const affinity = new Float64Array(pairs);
  for (let p = 0; p < pairs; p++) affinity[p] = random.logNormal(0, 1);
  const productWeights = Float64Array.from(products, (p) => p.weight);
  const meanProductWeight = productWeights.reduce((a, b) => a + b, 0) / P;
  const picker = new ProductPicker(productWeights);
  const picked = new Uint32Array(P);

  const codeText = countries.map((c) => String(c.code));
  const productLogWeight = Float64Array.from(products, (p) => 0.5 * Math.log(p.weight / meanProductWeight));
  const unitValue = Float64Array.from(products, (p) => p.unitValue);

  const files: SyntheticBaci['files'] = [];
  let writer: ChunkedWriter | undefined;
  let fileRows = 0;
  let totalDollars = 0n;
  // Exact in a double far beyond any single year's total; folded into the bigint once per pair.
  let pending = 0;
  const open = (fileYears: readonly number[]) => {
    const path = join(options.dir, syntheticBaciFileName(fileYears, release));
    files.push({ path, rows: 0, bytes: 0 });
    writer = new ChunkedWriter(createWriteStream(path));
    fileRows = 0;
    return writer.write('t,i,j,k,v,q\n');
  };
  const close = async () => {
    if (!writer) return;
    await writer.close();
    files.at(-1)!.rows = fileRows;
    files.at(-1)!.bytes = writer.bytes;
    writer = undefined;
  };

  if (split === 'none') await open(years);
  let growth = 0;
  for (const [y, year] of years.entries()) {
    if (split === 'year') await open([year]);
    growth += 0.04 + 0.06 * random.normal();
    const rowsThisYear = Math.floor(options.rows / years.length) + (y < options.rows % years.length ? 1 : 0);
    const weights = new Float64Array(pairs);
    let meanWeight = 0;
    for (let i = 0, p = 0; i < C; i++) {
      for (let j = 0; j < C; j++) {
        if (i === j) continue;
        weights[p] = exportSize[i]! * importSize[j]! ** 0.9 * affinity[p]! * random.logNormal(0, 0.2);
        meanWeight += weights[p]! / pairs;
        p++;
      }
    }
    const counts = allocateRows(weights, rowsThisYear, P);
    const yearText = String(year);
    for (let i = 0, p = 0; i < C; i++) {
      for (let j = 0; j < C; j++) {
        if (i === j) continue;
        const n = counts[p]!;
        const pairMu = Math.log(60) + growth + 0.3 * Math.log(weights[p]! / meanWeight);
        p++;
        if (n === 0) continue;
        const prefix = `${yearText},${codeText[i]!},${codeText[j]!},`;
        let lines = '';
        for (const k of picker.pick(n, random, picked)) {
          const value = Math.max(1, Math.round(1000 * Math.exp(pairMu + productLogWeight[k]! + 1.8 * random.normal())));
          pending += value;
          let quantity = 'NA';
          // Metric tons = thousands of USD / unit value; both in thousandths, so the factors of 1000 cancel.
          if (random.next() >= 0.03) quantity = thousandths(Math.max(1, Math.round(value / (unitValue[k]! * random.logNormal(0, 0.4)))));
          lines += `${prefix}${products[k]!.code},${thousandths(value)},${quantity}\n`;
        }
        fileRows += n;
        totalDollars += BigInt(pending);
        pending = 0;
        await writer!.write(lines);
      }
    }
    if (split === 'year') await close();
  }
  await close();

  const total = totalDollars;
  return {
    seed,
    release,
    years,
    files,
    countryCodesFile,
    rows: files.reduce((sum, f) => sum + f.rows, 0),
    bytes: files.reduce((sum, f) => sum + f.bytes, 0),
    countries: C,
    products: P,
    totalValue: `${total / 1000n}.${String(total % 1000n).padStart(3, '0')}`,
    totalDollars: total,
  };
}
