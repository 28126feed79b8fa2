import type { Flow } from '../model.ts';
import type { KeyTotal, LinePacker } from './packer.ts';

export const TOTAL_COLUMNS = ['dataset_id', 'year', 'month', 'reporter', 'partner', 'flow', 'value', 'summed'] as const;

/** Safe-integer cents as dollars with two decimals, exactly. */
const dollars = (cents: number) => {
  const rest = cents % 100;
  return `${(cents - rest) / 100}.${rest < 10 ? '0' : ''}${rest}`;
};

/**
 * The all-product totals of a dataset, per reporter, partner, period and flow. Reconciled datasets (BACI) hold
 * each flow once, as the exporter's export: the importer's side is the same value seen from the partner, and each
 * reporter's world totals (partner 'WLD') are summed over its partners.
 */
export function* datasetTotals(packer: LinePacker, reconciled: boolean): Generator<KeyTotal> {
  const world = new Map<string, { year: number; month: number; reporter: string; flow: Flow; cents: bigint }>();
  const addToWorld = (t: KeyTotal) => {
    if (t.partner === 'WLD') return;
    const name = `${t.year}|${t.month}|${t.reporter}|${t.flow}`;
    const sum = world.get(name) ?? { year: t.year, month: t.month, reporter: t.reporter, flow: t.flow, cents: 0n };
    sum.cents += BigInt(t.cents);
    world.set(name, sum);
  };
  for (const total of packer.totals()) {
    yield total;
    if (!reconciled) continue;
    addToWorld(total);
    if (total.flow !== 'X') continue;
    const mirrored: KeyTotal = { ...total, reporter: total.partner, partner: total.reporter, flow: 'M' };
    yield mirrored;
    addToWorld(mirrored);
  }
  for (const w of world.values()) {
    if (w.cents > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError(`the world total of ${w.reporter} in ${w.year} is beyond what is held exactly`);
    yield { year: w.year, month: w.month, reporter: w.reporter, partner: 'WLD', flow: w.flow, cents: Number(w.cents), summed: true };
  }
}

/** The totals as CSV chunks for COPY into trade_totals. */
export async function* totalsCsv(datasetId: string, totals: Iterable<KeyTotal>): AsyncGenerator<string> {
  let chunk = '';
  for (const t of totals) {
    chunk += `${datasetId},${t.year},${t.month},${t.reporter},${t.partner},${t.flow},${dollars(t.cents)},${t.summed}\n`;
    if (chunk.length >= 1 << 18) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}
