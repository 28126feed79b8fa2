import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { parse } from 'csv-parse/sync';
import { importProblem } from '../../../errors/import-problems.ts';
import { readProduct } from '../formats/row.ts';
import { ImportError, ImportFileError } from './errors.ts';
import { ValueOverflowError, type LinePacker } from './packer.ts';
import { sinkFor, type ReadOptions, type ReadSummary, type RowSink } from './read.ts';

const COMMA = 44;
const QUOTE = 34;
const NEWLINE = 10;
const RETURN = 13;
const DOT = 46;
const ZERO = 48;
const POWERS_OF_TEN = [1, 10, 100, 1_000, 10_000, 100_000];

/** Digits only, at most `maxDigits` of them: their value; anything else -1. */
function digits(bytes: Uint8Array, from: number, to: number, maxDigits: number): number {
  if (to <= from || to - from > maxDigits) return -1;
  let value = 0;
  for (let p = from; p < to; p++) {
    const d = bytes[p]! - ZERO;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

// The fraction digits of the last plainDecimal, so that the hot loop allocates nothing.
let fractionDigits = 0;

/**
 * A plain decimal `ddd[.ddd]` as an exact integer count of 10^-fractionDigits units (fractionDigits set beside it);
 * -1 for anything else: signs, exponents, spaces, more than 15 digits.
 */
function plainDecimal(bytes: Uint8Array, from: number, to: number): number {
  let units = 0;
  let count = 0;
  let fraction = -1;
  for (let p = from; p < to; p++) {
    const b = bytes[p]!;
    if (b === DOT && fraction < 0 && count > 0) {
      fraction = 0;
      continue;
    }
    const d = b - ZERO;
    if (d < 0 || d > 9 || ++count > 15) return -1;
    units = units * 10 + d;
    if (fraction >= 0) fraction += 1;
  }
  fractionDigits = Math.max(fraction, 0);
  return count === 0 ? -1 : units;
}

/**
 * BACI's data files (t,i,j,k,v,q, never quoted) read line by line from bytes. A line in BACI's usual shape is
 * parsed here without building strings; any other line (quotes, spaces, signs, exponents, unknown codes, errors)
 * goes through the format's mapper exactly as csv-parse would hand it over, so both paths agree on every value and
 * every error message. Yields progress after each chunk of the file.
 */
export async function* readBaciLines(options: ReadOptions, summary: ReadSummary, packer: LinePacker): AsyncGenerator<{ bytes: number; rows: number }> {
  const name = basename(options.file);
  const countries = options.baciCountries!;
  const countryByCode: (string | undefined)[] = [];
  for (const [code, iso3] of countries) if (/^\d{1,6}$/.test(code)) countryByCode[Number(code)] = iso3;
  // product ids by code and by written width (2, 4 or 6 digits after padding): 10121 and 010121 are the same code
  const productByCode = new Int32Array(3_000_000).fill(-1);

  let sink: RowSink | undefined;
  let width = 0;
  let columns: { t: number; i: number; j: number; k: number; v: number; q: number } | undefined;
  let line = 0;
  let bytesRead = 0;
  const starts = new Int32Array(64);
  const ends = new Int32Array(64);
  let lastYear = -1;
  let lastExporter = -1;
  let lastImporter = -1;
  let lastKey = -1;

  const slowLine = (bytes: Uint8Array, from: number, to: number) => {
    const text = Buffer.from(bytes.buffer, bytes.byteOffset + from, to - from).toString('utf8');
    let record: string[];
    if (text.includes('"')) {
      try {
        const rows: string[][] = parse(text, { relax_column_count: true });
        record = rows[0] ?? [];
      } catch (error) {
        throw new ImportError(name, line, '-', importProblem('MALFORMED_CSV', { detail: (error as Error).message }));
      }
    } else {
      record = text.split(',');
    }
    if (!sink) {
      if (line === 1 && record[0]?.startsWith('\uFEFF')) record[0] = record[0].slice(1);
      sink = sinkFor(record, options, summary, packer);
      width = record.length;
      const at = (column: string) => record.findIndex((field) => field.trim() === column);
      columns = { t: at('t'), i: at('i'), j: at('j'), k: at('k'), v: at('v'), q: at('q') };
      return;
    }
    lastYear = -1;
    sink.row(line, record);
  };

  const fastLine = (bytes: Uint8Array, from: number, to: number): boolean => {
    let fields = 0;
    starts[0] = from;
    for (let p = from; p < to; p++) {
      const b = bytes[p]!;
      if (b === COMMA) {
        ends[fields] = p;
        if (++fields >= 63) return false;
        starts[fields] = p + 1;
      } else if (b === QUOTE) {
        return false;
      }
    }
    ends[fields++] = to;
    if (fields !== width) return false;
    const c = columns!;
    const year = digits(bytes, starts[c.t]!, ends[c.t]!, 4);
    if (year < 1900 || year > 2200 || ends[c.t]! - starts[c.t]! !== 4) return false;
    const exporter = digits(bytes, starts[c.i]!, ends[c.i]!, 6);
    const importer = digits(bytes, starts[c.j]!, ends[c.j]!, 6);
    if (exporter < 0 || importer < 0) return false;
    const reporter = countryByCode[exporter];
    const partner = countryByCode[importer];
    if (reporter === undefined || partner === undefined) return false;
    const kDigits = ends[c.k]! - starts[c.k]!;
    const code = digits(bytes, starts[c.k]!, ends[c.k]!, 6);
    if (code < 0) return false;
    const slot = code * 3 + (kDigits <= 2 ? 0 : kDigits <= 4 ? 1 : 2);
    let product = productByCode[slot]!;
    if (product < 0) {
      product = packer.product(readProduct(Buffer.from(bytes.buffer, bytes.byteOffset + starts[c.k]!, kDigits).toString('latin1'), 'k'));
      productByCode[slot] = product;
    }
    // v is in thousands of dollars: cents are the decimal shifted by five places, exact up to five decimals.
    const value = plainDecimal(bytes, starts[c.v]!, ends[c.v]!);
    if (value < 0 || fractionDigits > 5) return false;
    const cents = value * POWERS_OF_TEN[5 - fractionDigits]!;
    if (!Number.isSafeInteger(cents)) return false;
    let weightKg = Number.NaN;
    const qFrom = starts[c.q]!;
    const qTo = ends[c.q]!;
    if (!(qTo - qFrom === 2 && bytes[qFrom] === 78 && bytes[qFrom + 1] === 65)) {
      const quantity = plainDecimal(bytes, qFrom, qTo);
      if (quantity < 0) return false;
      // One correctly rounded division of exact integers: the same double as Number(text), as the mapper reads it.
      weightKg = (quantity / 10 ** fractionDigits) * 1000;
    }
    summary.rowsRead += 1;
    if (year !== lastYear || exporter !== lastExporter || importer !== lastImporter) {
      lastKey = packer.key(year, 0, reporter, partner, 'X');
      lastYear = year;
      lastExporter = exporter;
      lastImporter = importer;
    }
    try {
      packer.add(lastKey, product, cents, weightKg, Number.NaN);
    } catch (error) {
      if (error instanceof ValueOverflowError) throw new ImportError(name, line, '-', importProblem('UNREADABLE', { detail: error.message }));
      throw error;
    }
    return true;
  };

  const readLine = (bytes: Uint8Array, from: number, to: number) => {
    line += 1;
    if (to > from && bytes[to - 1] === RETURN) to -= 1;
    if (line === 1 && to - from >= 3 && bytes[from] === 0xef && bytes[from + 1] === 0xbb && bytes[from + 2] === 0xbf) from += 3;
    if (to === from) return;
    if (!sink || !fastLine(bytes, from, to)) slowLine(bytes, from, to);
  };

  const input = createReadStream(options.file, { highWaterMark: 4 << 20 });
  let carry: Buffer | undefined;
  try {
    for await (const piece of input as AsyncIterable<Buffer>) {
      bytesRead += piece.length;
      const bytes = carry ? Buffer.concat([carry, piece]) : piece;
      let from = 0;
      for (let end = bytes.indexOf(NEWLINE, from); end >= 0; end = bytes.indexOf(NEWLINE, from)) {
        readLine(bytes, from, end);
        from = end + 1;
      }
      carry = from < bytes.length ? Buffer.from(bytes.subarray(from)) : undefined;
      yield { bytes: bytesRead, rows: summary.rowsRead };
    }
  } finally {
    input.destroy();
  }
  if (carry) readLine(carry, 0, carry.length);
  if (!sink) throw new ImportFileError(`${options.file}: the file is empty`, importProblem('EMPTY_FILE', {}));
  yield { bytes: bytesRead, rows: summary.rowsRead };
}
