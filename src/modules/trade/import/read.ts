import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import type { Writable } from 'node:stream';
import { parse } from 'csv-parse';
import { baciMapper, type BaciCountryCodes } from '../formats/baci.ts';
import { comtradeCurrentMapper, comtradeLegacyMapper } from '../formats/comtrade.ts';
import { centsToDecimal } from '../formats/decimal.ts';
import { detectLayout, layoutMatchesFormat, type Layout, type TradeFormat } from '../formats/detect.ts';
import { mappedCsvMapper, type ColumnMapping } from '../formats/mapped-csv.ts';
import { RowError, type RowMapper } from '../formats/row.ts';
import { ImportError, ImportFileError, importErrorAt } from './errors.ts';

export interface ReadOptions {
  file: string;
  format?: TradeFormat | undefined;
  mapping?: ColumnMapping | undefined;
  /** Needed for BACI files; read from the country codes file beside the data. */
  baciCountries?: BaciCountryCodes | undefined;
  /** Write unreadable rows here (with the reason) and go on, instead of stopping at the first. */
  rejects?: Writable | undefined;
  onProgress?: ((progress: { bytes: number; rows: number }) => void) | undefined;
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
  /** Digits of the HS codes present (2, 4, 6); 0 for TOTAL. Rollups take a shortcut when there is one level. */
  productLevels: Set<number>;
}

export const COPY_COLUMNS = ['year', 'month', 'reporter', 'partner', 'flow', 'product', 'value', 'net_weight_kg', 'quantity'] as const;

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
      if (!options.baciCountries) throw new ImportFileError(`${options.file}: a BACI file needs its country_codes_V*.csv beside it`);
      return baciMapper(header, options.baciCountries);
    case 'csv':
      if (!options.mapping) throw new ImportFileError(`${options.file}: a plain CSV needs a column mapping (year=…,reporter=…,partner=…,flow=…,value=…)`);
      return mappedCsvMapper(header, options.mapping);
  }
}

function chooseLayout(header: readonly string[], options: ReadOptions): Layout {
  if (options.format === 'csv' || (options.mapping && !options.format)) return 'csv';
  const detected = detectLayout(header);
  if (!detected) {
    throw new ImportFileError(`${options.file}: the header matches neither UN Comtrade nor BACI; import it as a plain CSV with a column mapping`);
  }
  if (options.format && !layoutMatchesFormat(detected, options.format)) {
    throw new ImportFileError(`${options.file}: the format ${options.format} was named but the header is that of ${detected}`);
  }
  return detected;
}

const csvField = (text: string) => (/[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

/**
 * Streams a trade statistics file and yields the rows to load as COPY CSV text, in bounded memory, while filling
 * `summary`. Throws ImportError at the first unreadable row unless `rejects` is given.
 */
export async function* readTradeFile(options: ReadOptions, summary: ReadSummary): AsyncGenerator<string> {
  const name = basename(options.file);
  const input = createReadStream(options.file, { highWaterMark: 1024 * 1024 });
  let bytes = 0;
  input.on('data', (chunk) => (bytes += chunk.length));
  const parser = input.pipe(parse({ info: true, relax_column_count: true, bom: true, skip_empty_lines: true }));
  let map: RowMapper | undefined;
  let header: string[] = [];
  let chunk = '';
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      if (!map) {
        header = record;
        summary.layout = chooseLayout(header, options);
        try {
          map = mapperFor(summary.layout, header, options);
        } catch (error) {
          if (error instanceof RowError) throw importErrorAt(name, info.lines, error);
          throw error;
        }
        continue;
      }
      summary.rowsRead += 1;
      let outcome;
      try {
        // Checked here rather than by the parser, so that --skip-invalid can set such a row aside like any other.
        if (record.length !== header.length) throw new RowError('-', `expected ${header.length} fields as in the header, found ${record.length}`);
        outcome = map(record);
      } catch (error) {
        if (!(error instanceof RowError)) throw error;
        if (!options.rejects) throw importErrorAt(name, info.lines, error);
        summary.rejected += 1;
        options.rejects.write(`${info.lines},${csvField(error.column)},${csvField(error.reason)},${record.map(csvField).join(',')}\n`);
        continue;
      }
      if ('skipped' in outcome) {
        summary.skipped[outcome.skipped] = (summary.skipped[outcome.skipped] ?? 0) + 1;
        continue;
      }
      for (const r of outcome) {
        summary.records += 1;
        summary.totalValue += r.value;
        summary.reporters.add(r.reporter);
        summary.productLevels.add(r.product === 'TOTAL' ? 0 : r.product.length);
        summary.periods.add(r.month === 0 ? String(r.year) : `${r.year}-${String(r.month).padStart(2, '0')}`);
        if (summary.firstYear === undefined || r.year < summary.firstYear) summary.firstYear = r.year;
        if (summary.lastYear === undefined || r.year > summary.lastYear) summary.lastYear = r.year;
        chunk += `${r.year},${r.month},${r.reporter},${r.partner},${r.flow},${r.product},${centsToDecimal(r.value)},${r.netWeightKg ?? ''},${r.quantity ?? ''}\n`;
      }
      if (chunk.length > 256 * 1024) {
        yield chunk;
        chunk = '';
        options.onProgress?.({ bytes, rows: summary.rowsRead });
      }
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (typeof code === 'string' && code.startsWith('CSV_')) {
      const lines = (error as { lines?: number }).lines;
      throw new ImportError(name, lines ?? summary.rowsRead + 1, '-', (error as Error).message);
    }
    throw error;
  } finally {
    input.destroy();
  }
  if (!map) throw new ImportFileError(`${options.file}: the file is empty`);
  if (chunk) yield chunk;
  options.onProgress?.({ bytes, rows: summary.rowsRead });
}
