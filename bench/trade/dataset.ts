import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeSyntheticBaci, type SyntheticBaci } from '../../src/modules/trade/synthetic/baci.ts';
import { timed } from './measure.ts';

export interface BenchDataset extends Omit<SyntheticBaci, 'totalDollars'> {
  file: string;
  totalDollars: string;
  /** Whether this run generated the files (else they came from the cache). */
  generated: boolean;
  generateMs: number | null;
}

/**
 * The synthetic BACI file for a seed and row count, generated once and kept under the system temp folder; a marker
 * written last means a generation cut short is never reused.
 */
export async function benchDataset(rows: number, seed: number, fresh: boolean): Promise<BenchDataset> {
  const dir = join(tmpdir(), `scohub-bench-baci-s${seed}-r${rows}`);
  const marker = join(dir, 'generated.json');
  if (!fresh && existsSync(marker)) {
    const cached = JSON.parse(await readFile(marker, 'utf8')) as BenchDataset;
    if (cached.files.every((f) => existsSync(f.path))) return { ...cached, generated: false, generateMs: null };
  }
  await rm(dir, { recursive: true, force: true });
  const { result, ms } = await timed(() => writeSyntheticBaci({ dir, rows, seed }));
  const dataset: BenchDataset = { ...result, file: result.files[0]!.path, totalDollars: String(result.totalDollars), generated: true, generateMs: ms };
  await writeFile(marker, JSON.stringify(dataset, null, 2));
  return dataset;
}
