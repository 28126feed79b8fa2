import { createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Command, Option } from 'commander';
import { SingleBar } from 'cli-progress';
import { centsToDecimal } from '../modules/trade/formats/decimal.ts';
import { TRADE_FORMATS, type TradeFormat } from '../modules/trade/formats/detect.ts';
import { parseColumnMapping } from '../modules/trade/formats/mapped-csv.ts';
import { RowError } from '../modules/trade/formats/row.ts';
import { ImportError, ImportFileError } from '../modules/trade/import/errors.ts';
import { importTradeFile } from '../modules/trade/import/import-dataset.ts';
import { startReadingWorkerAhead, WORKER_FILE_BYTES } from '../modules/trade/import/reading.ts';
import { CliError, withDatabase } from './runtime.ts';

interface ImportOptions {
  format?: TradeFormat;
  dataset?: string;
  release?: string;
  map?: string;
  skipInvalid?: boolean;
  rejects?: string;
  synthetic?: boolean;
  progress: boolean;
}

const formatUsd = (cents: bigint) => `${centsToDecimal(cents).replace(/\B(?=(\d{3})+(?!\d))/g, ',')} USD`;

async function importCommand(file: string, options: ImportOptions): Promise<void> {
  const size = (await stat(file).catch(() => undefined))?.size;
  if (size === undefined) throw new CliError(`${file}: no such file`);
  // A large file is read in a worker thread: it loads while the database opens.
  if (size >= WORKER_FILE_BYTES) startReadingWorkerAhead();
  let mapping;
  try {
    mapping = options.map ? parseColumnMapping(options.map) : undefined;
  } catch (error) {
    if (error instanceof RowError) throw new CliError(`--map, field ${error.column}: ${error.reason}`);
    throw error;
  }
  const rejectsPath = options.skipInvalid ? (options.rejects ?? `${file}.rejects.csv`) : undefined;
  const rejects = rejectsPath ? createWriteStream(rejectsPath) : undefined;
  rejects?.write('line,column,reason,row\n');
  const bar = options.progress && process.stderr.isTTY ? new SingleBar({ format: ' {bar} {percentage}% | {rows} rows | {speed} rows/s | {eta_formatted} left', stream: process.stderr }) : undefined;
  let started = Date.now();
  try {
    const result = await withDatabase((db) => {
      started = Date.now();
      bar?.start(size, 0, { rows: 0, speed: 0 });
      return importTradeFile(db, {
        file,
        format: options.format,
        mapping,
        dataset: options.dataset,
        release: options.release,
        synthetic: options.synthetic,
        rejects,
        onProgress: ({ bytes, rows }) => bar?.update(bytes, { rows, speed: Math.round(rows / Math.max(0.001, (Date.now() - started) / 1000)) }),
      });
    });
    bar?.stop();
    if (result.status === 'unchanged') {
      console.log(`${file} is already imported as dataset ${result.dataset.name} (release ${result.dataset.release}); nothing changed.`);
      return;
    }
    const { summary, dataset, replaced } = result;
    const seconds = (Date.now() - started) / 1000;
    const periods = [...summary.periods].sort();
    console.log(`Imported ${file} as dataset ${dataset.name} (release ${dataset.release}, ${summary.layout})${replaced ? `, replacing release ${replaced.release}` : ''}.`);
    console.log(`  rows read      ${summary.rowsRead.toLocaleString('en')} in ${seconds.toFixed(1)} s (${Math.round(summary.rowsRead / Math.max(seconds, 0.001)).toLocaleString('en')} rows/s)`);
    console.log(`  records        ${summary.records.toLocaleString('en')}`);
    console.log(`  periods        ${periods.length} (${periods[0] ?? '-'} … ${periods.at(-1) ?? '-'})`);
    console.log(`  reporters      ${summary.reporters.size}`);
    console.log(`  total value    ${formatUsd(summary.totalValue)}`);
    for (const [reason, count] of Object.entries(summary.skipped)) console.log(`  left out       ${count.toLocaleString('en')} rows: ${reason}`);
    if (rejectsPath) console.log(`  rejected       ${summary.rejected.toLocaleString('en')} rows, written with reasons to ${rejectsPath}`);
  } catch (error) {
    bar?.stop();
    if (error instanceof ImportError || error instanceof ImportFileError) throw new CliError(`${error.message}\nNothing was imported.`);
    throw error;
  } finally {
    rejects?.end();
  }
}

export function tradeCommand(): Command {
  const trade = new Command('trade').description('Trade statistics: import files of UN Comtrade, CEPII BACI or plain CSV');
  trade
    .command('import')
    .description('Import a trade statistics file as a dataset, in one transaction (all or nothing)')
    .argument('<file>', 'CSV file: UN Comtrade bulk (legacy or current layout), BACI (with country_codes_V*.csv beside it), or plain CSV with --map')
    .addOption(new Option('--format <format>', 'format, detected from the header when omitted').choices(TRADE_FORMATS))
    .option('--dataset <name>', 'dataset name; a file with new content under the same name replaces the old release')
    .option('--release <release>', 'release label (default: the _V###### suffix of the file name, or today)')
    .option('--map <mapping>', 'columns of a plain CSV: year=…,month=…,reporter=…,partner=…,flow=…,product=…,value=…,valueScale=3')
    .option('--skip-invalid', 'write unreadable rows with reasons to a rejects file and import the rest')
    .option('--rejects <file>', 'where --skip-invalid writes rejected rows (default: FILE.rejects.csv)')
    .option('--synthetic', 'mark the dataset as synthetic (benchmarks and tests; never shown as official data)')
    .option('--no-progress', 'no progress bar')
    .action(importCommand);
  return trade;
}
