import type { Flow } from '../model.ts';

/** A reporter, partner, period and flow: the unit the dashboard's rollups are kept by. */
export interface TradeKey {
  year: number;
  month: number;
  reporter: string;
  partner: string;
  flow: Flow;
}

/** A key whose chapter (2) or heading (4) rollup must be summed again from `sourceLevel` lines once the file is read. */
export interface RollupFix extends TradeKey {
  level: 2 | 4;
  sourceLevel: 2 | 4 | 6;
}

/** Raised when the values of one key add up beyond what is held exactly; the reader names the line. */
export class ValueOverflowError extends Error {
  override readonly name = 'ValueOverflowError';
}

const overflowOf = (k: TradeKey) =>
  new ValueOverflowError(`the values of ${k.reporter} with ${k.partner} (${k.flow}, ${k.year}) add up to more than 90 trillion US dollars`);

// Levels by index: TOTAL, HS2, HS4, HS6; a key's mask has bit 1 << index for each level its lines have.
export const LEVEL_DIGITS = [0, 2, 4, 6] as const;
export const levelIndexOf = (product: string) => (product === 'TOTAL' ? 0 : product.length / 2);
/** Index of the coarsest level of at least `digits` digits in a mask, or -1. */
export const coarsestFrom = (mask: number, digits: 2 | 4) => {
  for (let index = digits / 2; index <= 3; index++) if (mask & (1 << index)) return index;
  return -1;
};

export function grown<T extends Int32Array | Float64Array | Uint8Array | Int16Array>(array: T, length: number): T {
  if (length <= array.length) return array;
  const next = new (array.constructor as new (n: number) => T)(Math.max(length, array.length * 2));
  next.set(array);
  return next;
}

/** A ledger as it crosses threads: its keys and their arrays. */
export interface LedgerState {
  keys: TradeKey[];
  mask: Uint8Array;
  sums: Float64Array;
  emitted: Uint8Array;
  /** Records (values) added. */
  records: number;
}

/**
 * The keys of a file with, per key, the levels its lines have, their sums by level and the finest level a rollup was
 * written from. Readers of parts of a file each keep one; merged, they give the file's totals and rollup fixes.
 */
export class KeyLedger {
  keys: TradeKey[] = [];
  records = 0;
  private readonly ids = new Map<string, number>();
  private mask = new Uint8Array(1024);
  private sums = new Float64Array(4096);
  private emitted = new Uint8Array(2048);

  key(year: number, month: number, reporter: string, partner: string, flow: Flow): number {
    const name = `${year}|${month}|${reporter}|${partner}|${flow}`;
    const known = this.ids.get(name);
    if (known !== undefined) return known;
    const id = this.keys.length;
    this.ids.set(name, id);
    this.keys.push({ year, month, reporter, partner, flow });
    this.mask = grown(this.mask, id + 1);
    this.sums = grown(this.sums, 4 * (id + 1));
    this.emitted = grown(this.emitted, 2 * (id + 1));
    return id;
  }

  /** One line's value at a level index; its key's sum at that level must stay a safe integer. */
  add(key: number, level: number, cents: number): void {
    const sum = this.sums[4 * key + level]! + cents;
    if (sum > Number.MAX_SAFE_INTEGER) throw overflowOf(this.keys[key]!);
    this.sums[4 * key + level] = sum;
    this.mask[key]! |= 1 << level;
    this.records += 1;
  }

  maskOf(key: number): number {
    return this.mask[key]!;
  }

  /** Notes that a rollup to `digits` of some of the key's lines was written from the level index `source`. */
  rolledUp(key: number, digits: 2 | 4, source: number): void {
    const slot = 2 * key + (digits === 4 ? 0 : 1);
    this.emitted[slot] = Math.max(this.emitted[slot]!, source);
  }

  state(): LedgerState {
    const n = this.keys.length;
    return { keys: this.keys, mask: this.mask.slice(0, n), sums: this.sums.slice(0, 4 * n), emitted: this.emitted.slice(0, 2 * n), records: this.records };
  }

  /** Adds another part's keys: sums add up, levels and rollup sources combine. */
  merge(other: LedgerState): void {
    other.keys.forEach((k, index) => {
      const key = this.key(k.year, k.month, k.reporter, k.partner, k.flow);
      for (let level = 0; level < 4; level++) {
        const sum = this.sums[4 * key + level]! + other.sums[4 * index + level]!;
        if (sum > Number.MAX_SAFE_INTEGER) throw overflowOf(k);
        this.sums[4 * key + level] = sum;
      }
      this.mask[key]! |= other.mask[index]!;
      for (const slot of [0, 1]) this.emitted[2 * key + slot] = Math.max(this.emitted[2 * key + slot]!, other.emitted[2 * index + slot]!);
    });
    this.records += other.records;
  }
}

/** The ledger of a whole file from those of its parts. */
export function mergedLedger(parts: readonly LedgerState[]): LedgerState {
  if (parts.length === 1) return parts[0]!;
  const ledger = new KeyLedger();
  for (const part of parts) ledger.merge(part);
  return ledger.state();
}

/** Keys whose rollups were written from finer lines than the coarsest the key turned out to have. */
export function rollupFixesOf(ledger: LedgerState): RollupFix[] {
  const fixes: RollupFix[] = [];
  ledger.keys.forEach((k, key) => {
    for (const digits of [4, 2] as const) {
      const emitted = ledger.emitted[2 * key + (digits === 4 ? 0 : 1)]!;
      const source = coarsestFrom(ledger.mask[key]!, digits);
      // A key with no lines of that many digits has no such rollup to fix.
      if (source >= 0 && emitted > source) fixes.push({ ...k, level: digits, sourceLevel: LEVEL_DIGITS[source] as 2 | 4 | 6 });
    }
  });
  return fixes;
}

/** Per key, the TOTAL line when there is one, else the sum of the coarsest product level. */
export function forEachTotal(ledger: LedgerState, visit: (key: TradeKey, cents: number, summed: boolean) => void): void {
  for (let key = 0; key < ledger.keys.length; key++) {
    const mask = ledger.mask[key]!;
    const level = mask & 1 ? 0 : mask & 2 ? 1 : mask & 4 ? 2 : 3;
    visit(ledger.keys[key]!, ledger.sums[4 * key + level]!, level > 0);
  }
}

/** What the file held: every line's value summed (all levels, as read), the keys and the product levels. */
export function contentsOf(ledger: LedgerState): { totalCents: bigint; keys: readonly TradeKey[]; productLevels: Set<number> } {
  let totalCents = 0n;
  let levels = 0;
  for (let key = 0; key < ledger.keys.length; key++) {
    for (let level = 0; level < 4; level++) totalCents += BigInt(ledger.sums[4 * key + level]!);
    levels |= ledger.mask[key]!;
  }
  return { totalCents, keys: ledger.keys, productLevels: new Set(LEVEL_DIGITS.filter((_, index) => levels & (1 << index))) };
}
