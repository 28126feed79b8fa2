import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import { parse } from 'csv-parse/sync';
import { importProblem } from '../../../errors/import-problems.ts';
import { readProduct } from '../formats/row.ts';
import { ImportError, ImportFileError } from './errors.ts';
import { ValueOverflowError } from './key-ledger.ts';
import type { LinePacker } from './packer.ts';
import { sinkFor, type ReadOptions, type ReadSummary, type RowSink } from './read.ts';

const COMMA = 44;
const QUOTE = 34;
const NEWLINE = 10;
const RETURN = 13;
const DOT = 46;
const ZERO = 48;
// Exact doubles: 10^k is held exactly up to 10^22, and fractions here have at most 15 digits.
const POWERS_OF_TEN = Array.from({ length: 16 }, (_, k) => 10 ** k);
const MAX_FIELDS = 64;
/** More digits than this cannot be held exactly in a double: such a number goes to the mapper. */
const MAX_DIGITS = 15;
const READ_BYTES = 1 << 20;

/**
 * The fields of one line as the scanner saw them: where each starts and ends, and, for a field of digits with at
 * most one dot after the first digit, the digits as an integer and how many follow the dot (-1 for none).
 */
class ScannedFields {
  readonly start = new Int32Array(MAX_FIELDS);
  readonly end = new Int32Array(MAX_FIELDS);
  readonly units = new Float64Array(MAX_FIELDS);
  readonly digits = new Int32Array(MAX_FIELDS);
  readonly fraction = new Int32Array(MAX_FIELDS);
  readonly plain = new Uint8Array(MAX_FIELDS);

  /** The integer of a plain field of 1 to `maxDigits` digits and no dot; else -1. */
  integer(field: number, maxDigits: number): number {
    const digits = this.digits[field]!;
    return this.plain[field] === 1 && this.fraction[field]! < 0 && digits > 0 && digits <= maxDigits ? this.units[field]! : -1;
  }

  /** Whether a field is a plain decimal of 1 to 15 digits. */
  decimal(field: number): boolean {
    const digits = this.digits[field]!;
    return this.plain[field] === 1 && digits > 0 && digits <= MAX_DIGITS;
  }
}

/**
 * BACI's data files (t,i,j,k,v,q, never quoted) read line by line from bytes. A line in BACI's usual shape is
 * parsed here without building strings; any other line (quotes, spaces, signs, exponents, unknown codes, errors)
 * goes through the format's mapper exactly as csv-parse would hand it over, so both paths agree on every value and
 * every error message. Yields progress after each chunk of the file.
 */
export async function* readBaciLines(options: ReadOptions, summary: ReadSummary, packer: LinePacker): AsyncGenerator<{ bytes: number; rows: number }, number> {
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
  const fields = new ScannedFields();
  let lastYear = -1;
  let lastExporter = -1;
  let lastImporter = -1;
  let lastKey = -1;
  // The header is BACI's own t,i,j,k,v,q: lines are read field by field in that order.
  let inBaciOrder = false;

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
      const { t, i, j, k, v, q } = columns;
      inBaciOrder = width === 6 && t === 0 && i === 1 && j === 2 && k === 3 && v === 4 && q === 5;
      return;
    }
    lastYear = -1;
    sink.row(line, record);
  };

  /**
   * Adds a line in BACI's usual shape from its numbers (the k code's digits start at `kStart`; q's units are -1 for
   * NA); false, with nothing added, for any line the mapper must read instead.
   */
  const addLine = (
    bytes: Uint8Array,
    year: number,
    exporter: number,
    importer: number,
    code: number,
    kStart: number,
    kDigits: number,
    vUnits: number,
    vFraction: number,
    qUnits: number,
    qFraction: number,
  ): boolean => {
    if (year < 1900 || year > 2200) return false;
    const reporter = countryByCode[exporter];
    const partner = countryByCode[importer];
    if (reporter === undefined || partner === undefined) return false;
    const slot = code * 3 + (kDigits <= 2 ? 0 : kDigits <= 4 ? 1 : 2);
    let product = productByCode[slot]!;
    if (product < 0) {
      product = packer.product(readProduct(Buffer.from(bytes.buffer, bytes.byteOffset + kStart, kDigits).toString('latin1'), 'k'));
      productByCode[slot] = product;
    }
    // v is in thousands of dollars: cents are the decimal shifted by five places, exact up to five decimals.
    if (vFraction > 5) return false;
    const cents = vUnits * POWERS_OF_TEN[5 - vFraction]!;
    if (!Number.isSafeInteger(cents)) return false;
    // One correctly rounded division of exact integers: the same double as Number(text), as the mapper reads it.
    const weightKg = qUnits < 0 ? Number.NaN : (qUnits / POWERS_OF_TEN[qFraction]!) * 1000;
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

  /** Adds a line in BACI's usual shape from its scanned fields, in whatever order the header put them. */
  const fastLine = (bytes: Uint8Array, count: number): boolean => {
    if (count !== width) return false;
    const c = columns!;
    const year = fields.integer(c.t, 4);
    const exporter = fields.integer(c.i, 6);
    const importer = fields.integer(c.j, 6);
    const code = fields.integer(c.k, 6);
    if (year < 0 || exporter < 0 || importer < 0 || code < 0 || !fields.decimal(c.v)) return false;
    const qFrom = fields.start[c.q]!;
    const na = fields.end[c.q]! - qFrom === 2 && bytes[qFrom] === 78 && bytes[qFrom + 1] === 65;
    if (!na && !fields.decimal(c.q)) return false;
    const vFraction = Math.max(fields.fraction[c.v]!, 0);
    const qFraction = Math.max(fields.fraction[c.q]!, 0);
    return addLine(bytes, year, exporter, importer, code, fields.start[c.k]!, fields.digits[c.k]!, fields.units[c.v]!, vFraction, na ? -1 : fields.units[c.q]!, qFraction);
  };

  /** A whole line, [from, to) without its line ending, scanned into `count` fields unless `odd`. */
  const readLine = (bytes: Uint8Array, from: number, to: number, count: number, odd: boolean) => {
    line += 1;
    if (line === 1 && to - from >= 3 && bytes[from] === 0xef && bytes[from + 1] === 0xbb && bytes[from + 2] === 0xbf) from += 3;
    if (to === from) return;
    if (!sink || odd || !fastLine(bytes, count)) slowLine(bytes, from, to);
  };

  /**
   * Scans the whole lines of `bytes` in [from, end) in one pass, reading each field's digits as it goes; returns
   * where the last, unfinished line starts, or where the line after the header starts once the header shows BACI's
   * own order. A quote, a carriage return inside a line or too many fields make the line odd.
   */
  const scanLines = (bytes: Uint8Array, from: number, end: number): number => {
    const headerRead = sink !== undefined;
    let lineStart = from;
    let fieldStart = from;
    let count = 0;
    let odd = false;
    let units = 0;
    let digits = 0;
    let fraction = -1;
    let plain = true;
    for (let p = from; p < end; p++) {
      const b = bytes[p]!;
      const d = b - ZERO;
      if (d >= 0 && d <= 9) {
        units = units * 10 + d;
        digits += 1;
        if (fraction >= 0) fraction += 1;
        continue;
      }
      if (b === COMMA || b === NEWLINE) {
        const fieldEnd = b === NEWLINE && p > fieldStart && bytes[p - 1] === RETURN ? p - 1 : p;
        if (count < MAX_FIELDS) {
          fields.start[count] = fieldStart;
          fields.end[count] = fieldEnd;
          fields.units[count] = units;
          fields.digits[count] = digits;
          fields.fraction[count] = fraction;
          fields.plain[count] = plain ? 1 : 0;
        } else {
          odd = true;
        }
        count += 1;
        units = 0;
        digits = 0;
        fraction = -1;
        plain = true;
        fieldStart = p + 1;
        if (b === NEWLINE) {
          readLine(bytes, lineStart, fieldEnd, count, odd);
          lineStart = p + 1;
          if (!headerRead && inBaciOrder) return lineStart;
          count = 0;
          odd = false;
        }
        continue;
      }
      if (b === DOT && fraction < 0 && digits > 0) {
        fraction = 0;
        continue;
      }
      // The line's closing carriage return is left out of its last field above.
      if (b === RETURN && p + 1 < end && bytes[p + 1] === NEWLINE) continue;
      if (b === QUOTE || b === RETURN) odd = true;
      plain = false;
    }
    return lineStart;
  };

  /**
   * Reads lines in BACI's own order field by field, with no field table: the lines BACI writes. A line of any
   * other shape (signs, spaces, quotes, too many digits, another field count) is scanned alone by `scanLines`, so
   * both paths read every line alike. Returns where the last, unfinished line starts.
   */
  const scanInBaciOrder = (bytes: Uint8Array, from: number): number => {
    const end = bytes.length;
    let p = from;
    while (p < end) {
      const lineStart = p;
      let d = 0;
      let year = 0;
      for (; p < end && (d = bytes[p]! - ZERO) >= 0 && d <= 9; p++) year = year * 10 + d;
      let fits = p - lineStart >= 1 && p - lineStart <= 4 && bytes[p] === COMMA;
      let fieldStart = ++p;
      let exporter = 0;
      for (; p < end && (d = bytes[p]! - ZERO) >= 0 && d <= 9; p++) exporter = exporter * 10 + d;
      fits &&= p - fieldStart >= 1 && p - fieldStart <= 6 && bytes[p] === COMMA;
      fieldStart = ++p;
      let importer = 0;
      for (; p < end && (d = bytes[p]! - ZERO) >= 0 && d <= 9; p++) importer = importer * 10 + d;
      fits &&= p - fieldStart >= 1 && p - fieldStart <= 6 && bytes[p] === COMMA;
      const kStart = ++p;
      let code = 0;
      for (; p < end && (d = bytes[p]! - ZERO) >= 0 && d <= 9; p++) code = code * 10 + d;
      const kDigits = p - kStart;
      fits &&= kDigits >= 1 && kDigits <= 6 && bytes[p] === COMMA;
      // v: digits, and at most one dot after the first of them
      fieldStart = ++p;
      let vUnits = 0;
      for (; p < end && (d = bytes[p]! - ZERO) >= 0 && d <= 9; p++) vUnits = vUnits * 10 + d;
      let vDigits = p - fieldStart;
      let vFraction = 0;
      if (vDigits > 0 && bytes[p] === DOT) {
        const dot = ++p;
        for (; p < end && (d = bytes[p]! - ZERO) >= 0 && d <= 9; p++) vUnits = vUnits * 10 + d;
        vFraction = p - dot;
        vDigits += vFraction;
      }
      fits &&= vDigits >= 1 && vDigits <= MAX_DIGITS && bytes[p] === COMMA;
      // q: the same, or NA
      fieldStart = ++p;
      let qUnits = -1;
      let qFraction = 0;
      if (p + 1 < end && bytes[p] === 78 && bytes[p + 1] === 65) {
        p += 2;
      } else {
        qUnits = 0;
        for (; p < end && (d = bytes[p]! - ZERO) >= 0 && d <= 9; p++) qUnits = qUnits * 10 + d;
        let qDigits = p - fieldStart;
        if (qDigits > 0 && bytes[p] === DOT) {
          const dot = ++p;
          for (; p < end && (d = bytes[p]! - ZERO) >= 0 && d <= 9; p++) qUnits = qUnits * 10 + d;
          qFraction = p - dot;
          qDigits += qFraction;
        }
        fits &&= qDigits >= 1 && qDigits <= MAX_DIGITS;
      }
      const lineEnd = p;
      if (bytes[p] === RETURN) p += 1;
      if (fits && p < end && bytes[p] === NEWLINE) {
        line += 1;
        if (!addLine(bytes, year, exporter, importer, code, kStart, kDigits, vUnits, vFraction, qUnits, qFraction)) slowLine(bytes, lineStart, lineEnd);
        p += 1;
        continue;
      }
      const newline = bytes.indexOf(NEWLINE, lineStart);
      if (newline < 0) return lineStart;
      p = scanLines(bytes, lineStart, newline + 1);
    }
    return p;
  };

  const scan = (bytes: Uint8Array, from = 0): number => {
    const next = inBaciOrder ? from : scanLines(bytes, from, bytes.length);
    return inBaciOrder ? scanInBaciOrder(bytes, next) : next;
  };

  const { part } = options;
  if (part && part.start > 0) {
    // A later part of the file: its header is the file's first line; its own lines are numbered from 1 after it.
    scan(await firstLine(options.file));
    line = 0;
  }
  // One buffer, read into again and again: no allocation per read, so the collector is not kept busy.
  let buffer = Buffer.allocUnsafeSlow(READ_BYTES);
  // bytes at the start of the buffer that belong to a line not yet finished
  let kept = 0;
  let position = part?.start ?? 0;
  const stop = part?.end ?? Number.POSITIVE_INFINITY;
  const input = await open(options.file);
  try {
    for (;;) {
      // A line longer than the buffer: make room for the rest of it.
      if (kept === buffer.length) buffer = Buffer.concat([buffer, Buffer.allocUnsafeSlow(buffer.length)]);
      const want = Math.min(buffer.length - kept, stop - position);
      const read = want > 0 ? (await input.read(buffer, kept, want, position)).bytesRead : 0;
      if (read === 0) break;
      position += read;
      bytesRead += read;
      options.contentHash?.update(buffer.subarray(kept, kept + read));
      const filled = kept + read;
      const rest = scan(buffer.subarray(0, filled));
      buffer.copyWithin(0, rest, filled);
      kept = filled - rest;
      yield { bytes: bytesRead, rows: summary.rowsRead };
    }
  } finally {
    await input.close();
  }
  if (kept > 0) scan(Buffer.concat([buffer.subarray(0, kept), Uint8Array.of(NEWLINE)]));
  if (!sink) throw new ImportFileError(`${options.file}: the file is empty`, importProblem('EMPTY_FILE', {}));
  yield { bytes: bytesRead, rows: summary.rowsRead };
  return line;
}

/** The first line of a file with its line ending. */
async function firstLine(file: string): Promise<Uint8Array> {
  const handle = await open(file);
  try {
    const pieces: Buffer[] = [];
    for (let position = 0; ; ) {
      const { bytesRead, buffer } = await handle.read({ buffer: Buffer.alloc(64 * 1024), position });
      const end = buffer.subarray(0, bytesRead).indexOf(NEWLINE);
      if (end >= 0 || bytesRead === 0) {
        pieces.push(buffer.subarray(0, end >= 0 ? end + 1 : bytesRead));
        return Buffer.concat([...pieces, ...(end >= 0 ? [] : [Uint8Array.of(NEWLINE)])]);
      }
      pieces.push(buffer.subarray(0, bytesRead));
      position += bytesRead;
    }
  } finally {
    await handle.close();
  }
}
