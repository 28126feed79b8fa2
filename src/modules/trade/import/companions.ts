import { readdir, readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { importProblem } from '../../../errors/import-problems.ts';
import { baciCountryCodes, type BaciCountryCodes } from '../formats/baci.ts';
import { ImportFileError } from './errors.ts';

/** BACI releases are named …_V202401.csv; the country codes file of the same release sits beside the data. */
export function releaseOf(file: string): string | undefined {
  return /_(V\d{6}[a-z]?)\b/i.exec(basename(file))?.[1];
}

export async function readBaciCountryCodes(dataFile: string): Promise<BaciCountryCodes> {
  const folder = dirname(dataFile);
  const candidates = (await readdir(folder)).filter((f) => /^country_codes_V\d{6}[a-z]?\.csv$/i.test(f)).sort();
  const release = releaseOf(dataFile);
  const chosen = candidates.find((f) => release !== undefined && f.toLowerCase() === `country_codes_${release.toLowerCase()}.csv`) ?? candidates.at(-1);
  if (!chosen) throw new ImportFileError(`${dataFile}: no country_codes_V*.csv beside it; BACI's country codes are its own and come in that file`, importProblem('BACI_COUNTRY_CODES_MISSING', {}));
  const [header = [], ...rows] = parse(await readFile(join(folder, chosen), 'utf8'), { bom: true, skip_empty_lines: true, relax_column_count: true });
  return baciCountryCodes(header, rows);
}
