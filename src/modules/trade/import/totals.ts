import type { Flow } from '../model.ts';
import { BinaryTupleWriter } from '../../../db/binary-copy.ts';
import { forEachTotal, type LedgerState } from './key-ledger.ts';

export const TOTAL_COLUMNS = ['dataset_id', 'year', 'month', 'reporter', 'partner', 'flow', 'value', 'summed'] as const;

/**
 * The all-product totals of a dataset, per reporter, partner, period and flow, as binary COPY tuples for
 * trade_totals. Reconciled datasets (BACI) hold each flow once, as the exporter's export: the importer's side is the
 * same value seen from the partner, and each reporter's world totals (partner 'WLD') are summed over its partners.
 */
export function totalTuples(datasetId: string, ledger: LedgerState, reconciled: boolean): Uint8Array[] {
  const output = new BinaryTupleWriter(1 << 20);
  const pieces: Uint8Array[] = [];
  const write = (year: number, month: number, reporter: string, partner: string, flow: Flow, cents: number, summed: boolean) => {
    output.tuple(TOTAL_COLUMNS.length).uuid(datasetId).int2(year).int2(month).text(reporter).text(partner).text(flow).numericCents(cents).bool(summed);
    if (output.size >= 1 << 20) pieces.push(output.take());
  };
  const world = new Map<string, { year: number; month: number; reporter: string; flow: Flow; cents: number }>();
  const addToWorld = (year: number, month: number, reporter: string, partner: string, flow: Flow, cents: number) => {
    if (partner === 'WLD') return;
    const name = `${year}|${month}|${reporter}|${flow}`;
    const sum = world.get(name);
    if (!sum) {
      world.set(name, { year, month, reporter, flow, cents });
      return;
    }
    sum.cents += cents;
    // Every partial sum is checked, so a sum that is a safe integer is exact.
    if (!Number.isSafeInteger(sum.cents)) throw new RangeError(`the world total of ${reporter} in ${year} is beyond what is held exactly`);
  };
  forEachTotal(ledger, ({ year, month, reporter, partner, flow }, cents, summed) => {
    write(year, month, reporter, partner, flow, cents, summed);
    if (!reconciled) return;
    addToWorld(year, month, reporter, partner, flow, cents);
    if (flow !== 'X') return;
    write(year, month, partner, reporter, 'M', cents, summed);
    addToWorld(year, month, partner, reporter, 'M', cents);
  });
  for (const w of world.values()) write(w.year, w.month, w.reporter, 'WLD', w.flow, w.cents, true);
  if (output.size > 0) pieces.push(output.take());
  return pieces;
}
