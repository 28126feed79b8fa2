import type { Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import type { Writable } from 'node:stream';
import { parse } from 'csv-parse';
import { importProblem } from '../../../errors/import-problems.ts';
import { baciMapper, type BaciCountryCodes } from '../formats/baci.ts';
import { centsToDecimal } from '../formats/decimal.ts';
import { comtradeCurrentMapper, comtradeLegacyMapper } from '../formats/comtrade.ts';
import { detectLayout, layoutMatchesFormat, type Layout, type TradeFormat } from '../formats/detect.ts';
import { mappedCsvMapper, type ColumnMapping } from '../formats/mapped-csv.ts';
import { RowError, type RowMapper } from '../formats/row.ts';
import { readBaciLines } from './baci-lines.ts';
import { ImportError, ImportFileError, importErrorAt } from './errors.ts';
import { contentsOf, ValueOverflowError, type LedgerState } from './key-ledger.ts';
import type { LinePacker } from './packer.ts';

export interface ReadOptions {
  file: string;
  format?: TradeFormat | undefined;
  mapping?: ColumnMapping | undefined;
  /** Needed for BACI files; read from the country codes file beside the data. */
  baciCountries?: BaciCountryCodes | undefined;
  /** Write unreadable rows here (with the reason) and go on, instead of stopping at the first. */
  rejects?: Writable | undefined;
  onProgress?: ((progress: { bytes: number; rows: number }) => void) | undefined;
  /** Fed every byte of the file as it is read. */
  contentHash?: Hash | undefined;
  /**
   * For a BACI file read in parts: the bytes [start, end) of this part, beginning and ending at a line. A part that
   * starts past the header reads the header first and numbers its lines from 1 after it.
   */
  part?: { start: number; end: number } | undefined;
}

export interface ReadSummary {
  layout: Layout | undefined;
  rowsRead: number;
  records: number;
  rejected: number;
  skipped: Record<string, number>;
  periods: Set<string>;
  reporters: Set<string>;
  totalValue: bigint;
  firstYear: number | undefined;
  lastYear: number | undefined;
  /** Digits of the HS codes present (2, 4, 6); 0 for TOTAL. */
  productLevels: Set<number>;
}

export function emptySummary(): ReadSummary {
  return { layout: undefined, rowsRead: 0, records: 0, rejected: 0, skipped: {}, periods: new Set(), reporters: new Set(), totalValue: 0n, firstYear: undefined, lastYear: undefined, productLevels: new Set() };
}

function mapperFor(layout: Layout, header: readonly string[], options: ReadOptions): RowMapper {
  switch (layout) {
    case 'comtrade-legacy':
      return comtradeLegacyMapper(header);
    case 'comtrade-current':
      return comtradeCurrentMapper(header);
    case 'baci':
      if (!options.baciCountries) throw new ImportFileError(`${options.file}: a BACI file needs its country_codes_V*.csv beside it`, importProblem('BACI_COUNTRY_CODES_MISSING', {}));
      return baciMapper(header, options.baciCountries);
    case 'csv':
      if (!options.mapping) throw new ImportFileError(`${options.file}: a plain CSV needs a column mapping (year=…,reporter=…,partner=…,flow=…,value=…)`, importProblem('COLUMN_MAPPING_MISSING', {}));
      return mappedCsvMapper(header, options.mapping);
  }
}

function chooseLayout(header: readonly string[], options: ReadOptions): Layout {
  if (options.format === 'csv' || (options.mapping && !options.format)) return 'csv';
  const detected = detectLayout(header);
  if (!detected) {
    throw new ImportFileError(`${options.file}: the header matches neither UN Comtrade nor BACI; import it as a plain CSV with a column mapping`, importProblem('UNKNOWN_LAYOUT', {}));
  }
  if (options.format && !layoutMatchesFormat(detected, options.format)) {
    throw new ImportFileError(`${options.file}: the format ${options.format} was named but the header is that of ${detected}`, importProblem('FORMAT_MISMATCH', { format: options.format, layout: detected }));
  }
  return detected;
}

const csvField = (text: string) => (/[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

/**
 * Handles the rows of a file once its header is read: maps each row with the format's mapper and hands its
 * records to the packer; an unreadable row stops the import, or goes to the rejects file with its reason.
 */
export class RowSink {
  private readonly name: string;
  constructor(
    private readonly options: ReadOptions,
    private readonly summary: ReadSummary,
    private readonly packer: LinePacker,
    private readonly map: RowMapper,
    private readonly width: number,
  ) {
    this.name = basename(options.file);
  }

  row(line: number, record: readonly string[]): void {
    this.summary.rowsRead += 1;
    let outcome;
    try {
      // Checked here rather than by the parser, so that --skip-invalid can set such a row aside like any other.
      if (record.length !== this.width) throw new RowError('-', 'FIELD_COUNT', { expected: this.width, found: record.length });
      outcome = this.map(record);
      if (!('skipped' in outcome)) {
        for (const r of outcome) {
          if (r.value > BigInt(Number.MAX_SAFE_INTEGER)) throw new RowError('-', 'VALUE_TOO_LARGE', { value: centsToDecimal(r.value) });
        }
      }
    } catch (error) {
      if (!(error instanceof RowError)) throw error;
      this.reject(line, record, error);
      return;
    }
    if ('skipped' in outcome) {
      this.summary.skipped[outcome.skipped] = (this.summary.skipped[outcome.skipped] ?? 0) + 1;
      return;
    }
    const { packer } = this;
    for (const r of outcome) {
      this.add(line, () =>
        packer.add(packer.key(r.year, r.month, r.reporter, r.partner, r.flow), packer.product(r.product), Number(r.value), r.netWeightKg ?? Number.NaN, r.quantity ?? Number.NaN),
      );
    }
  }

  /** Runs one packer.add, naming the line when the values of a key overflow. */
  add(line: number, add: () => void): void {
    try {
      add();
    } catch (error) {
      if (error instanceof ValueOverflowError) throw new ImportError(this.name, line, '-', error.message);
      throw error;
    }
  }

  reject(line: number, record: readonly string[], error: RowError): void {
    if (!this.options.rejects) throw importErrorAt(this.name, line, error);
    this.summary.rejected += 1;
    this.options.rejects.write(`${line},${csvField(error.column)},${csvField(error.reason)},${record.map(csvField).join(',')}\n`);
  }
}

/** Reads the header and makes the sink for the rows below it; a header the format cannot use names line 1. */
export function sinkFor(header: readonly string[], options: ReadOptions, summary: ReadSummary, packer: LinePacker): RowSink {
  summary.layout = chooseLayout(header, options);
  try {
    return new RowSink(options, summary, packer, mapperFor(summary.layout, header, options), header.length);
  } catch (error) {
    if (error instanceof RowError) throw importErrorAt(basename(options.file), 1, error);
    throw error;
  }
}

/** Fills the summary from the ledger of every line read. */
export function summarise(summary: ReadSummary, ledger: LedgerState): void {
  const contents = contentsOf(ledger);
  summary.records = ledger.records;
  summary.totalValue = contents.totalCents;
  summary.productLevels = contents.productLevels;
  for (const k of contents.keys) {
    summary.reporters.add(k.reporter);
    summary.periods.add(k.month === 0 ? String(k.year) : `${k.year}-${String(k.month).padStart(2, '0')}`);
    if (summary.firstYear === undefined || k.year < summary.firstYear) summary.firstYear = k.year;
    if (summary.lastYear === undefined || k.year > summary.lastYear) summary.lastYear = k.year;
  }
}

/**
 * Streams a trade statistics file (or the part of a BACI file named in `part`) through the packer and yields
 * trade_lines tuples in binary COPY format, in bounded memory, filling `summary`; returns the number of lines read. Throws ImportError at the first unreadable row unless `rejects` is given.
 * BACI, which never quotes a field, is read by its own line scanner; other layouts by csv-parse.
 */
export async function* packTradeFile(options: ReadOptions, summary: ReadSummary, packer: LinePacker): AsyncGenerator<Uint8Array, number> {
  const lines = readsAsBaci(options) ? readBaciLines(options, summary, packer) : readCsvLines(options, summary, packer);
  for (;;) {
    const next = await lines.next();
    if (next.done === true) {
      yield* packer.takePieces(true);
      summarise(summary, packer.ledger.state());
      return next.value;
    }
    yield* packer.takePieces();
    options.onProgress?.(next.value);
  }
}

/** Whether a file is read as BACI: the importer passes BACI country codes only for a BACI header read without a mapping. */
export const readsAsBaci = (options: ReadOptions): boolean => options.baciCountries !== undefined && options.format !== 'csv' && !options.mapping;

/** Any layout, parsed by csv-parse; yields progress every so many rows. */
async function* readCsvLines(options: ReadOptions, summary: ReadSummary, packer: LinePacker): AsyncGenerator<{ bytes: number; rows: number }, number> {
  const name = basename(options.file);
  const input = createReadStream(options.file, { highWaterMark: 1024 * 1024 });
  let bytes = 0;
  input.on('data', (chunk: string | Buffer) => {
    bytes += chunk.length;
    options.contentHash?.update(chunk);
  });
  const parser = input.pipe(parse({ info: true, relax_column_count: true, bom: true, skip_empty_lines: true }));
  let sink: RowSink | undefined;
  let lines = 1;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      if (!sink) {
        sink = sinkFor(record, options, summary, packer);
        continue;
      }
      lines = info.lines;
      sink.row(info.lines, record);
      if (summary.rowsRead % 8192 === 0) yield { bytes, rows: summary.rowsRead };
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (typeof code === 'string' && code.startsWith('CSV_')) {
      const lines = (error as { lines?: number }).lines;
      throw new ImportError(name, lines ?? summary.rowsRead + 1, '-', importProblem('MALFORMED_CSV', { detail: (error as Error).message }));
    }
    throw error;
  } finally {
    input.destroy();
  }
  if (!sink) throw new ImportFileError(`${options.file}: the file is empty`, importProblem('EMPTY_FILE', {}));
  yield { bytes, rows: summary.rowsRead };
  return lines;
}
