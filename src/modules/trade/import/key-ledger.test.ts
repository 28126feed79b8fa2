import { describe, expect, it } from 'vitest';
import { contentsOf, KeyLedger, mergedLedger, rollupFixesOf } from './key-ledger.ts';
import { LinePacker } from './packer.ts';

const chn = { year: 2021, month: 0, reporter: 'CHN', partner: 'RUS', flow: 'X' as const };

/** A packer that flushes after every `flushLines` lines, fed (product, cents) lines of one key. */
function packed(lines: [string, number][], flushLines = 2): LinePacker {
  const packer = new LinePacker({ flushLines });
  const key = packer.key(chn.year, chn.month, chn.reporter, chn.partner, chn.flow);
  for (const [product, cents] of lines) packer.add(key, packer.product(product), cents, Number.NaN, Number.NaN);
  packer.takePieces(true);
  return packer;
}

describe('the rollups a key needs summed again', () => {
  it('are none for a key of TOTAL or chapter lines only, which has no heading rollup to redo', () => {
    expect(rollupFixesOf(packed([['TOTAL', 500]]).ledger.state())).toEqual([]);
    expect(rollupFixesOf(packed([['01', 100], ['02', 200]]).ledger.state())).toEqual([]);
  });

  it('are the heading and chapter rollups of a key whose headings came after subheadings already rolled up', () => {
    const fixes = rollupFixesOf(packed([['010121', 100], ['010129', 50], ['0101', 150]]).ledger.state());
    expect(fixes).toEqual([
      { ...chn, level: 4, sourceLevel: 4 },
      { ...chn, level: 2, sourceLevel: 4 },
    ]);
  });

  it('are none when the coarser lines come first', () => {
    expect(rollupFixesOf(packed([['0101', 150], ['010121', 100], ['010129', 50]]).ledger.state())).toEqual([]);
  });
});

describe('ledgers of the parts of a file, merged', () => {
  it('add up sums and records, combine levels, and keep the finest rollup source', () => {
    const first = packed([['010121', 100]]).ledger.state();
    const second = packed([['0101', 40], ['TOTAL', 999]]).ledger.state();
    const other = new KeyLedger();
    other.add(other.key(2021, 0, 'KAZ', 'CHN', 'M'), 3, 7);
    const merged = mergedLedger([first, second, other.state()]);
    expect(merged.records).toBe(4);
    expect(merged.keys).toEqual([chn, { year: 2021, month: 0, reporter: 'KAZ', partner: 'CHN', flow: 'M' }]);
    expect(contentsOf(merged).totalCents).toBe(100n + 40n + 999n + 7n);
    expect(contentsOf(merged).productLevels).toEqual(new Set([0, 4, 6]));
    // The first part rolled the heading up from subheadings; the merged key has headings, so it is redone from them.
    expect(rollupFixesOf(merged)).toEqual([
      { ...chn, level: 4, sourceLevel: 4 },
      { ...chn, level: 2, sourceLevel: 4 },
    ]);
  });

  it('is the part itself when there is one', () => {
    const only = packed([['010121', 100]]).ledger.state();
    expect(mergedLedger([only])).toBe(only);
  });
});
