import { BinaryTupleWriter, TextPool } from '../../../db/binary-copy.ts';
import type { Flow } from '../model.ts';
import { coarsestFrom, grown, KeyLedger, levelIndexOf } from './key-ledger.ts';

/** The array columns of trade_lines: the lines of a key, then its heading (HS4) and chapter (HS2) rollups. */
export const LINE_ARRAY_COLUMNS = ['products', 'value_cents', 'net_weights_kg', 'quantities', 'heading_products', 'heading_cents', 'chapter_products', 'chapter_cents'] as const;
/** The columns of trade_lines that packed tuples fill, in order; dataset_id is the partition's default. */
export const LINE_COLUMNS = ['year', 'month', 'reporter', 'partner', 'flow', ...LINE_ARRAY_COLUMNS] as const;

/**
 * Packs the lines of a statistics file into trade_lines tuples: per key, the products and values as parallel
 * arrays, with their heading and chapter rollups beside them in the same row. Lines are buffered up to
 * `flushLines` and then written grouped by key, so memory stays bounded whatever the file's size; a key whose lines
 * are spread over the file takes several rows, which every query sums. Per-key sums are kept in its ledger, for
 * everything it packs, to give the all-product totals.
 */
export class LinePacker {
  /** Every key met, with its sums per product level: what totals and rollup fixes are computed from. */
  readonly ledger = new KeyLedger();

  private readonly output: BinaryTupleWriter;
  private readonly pieces: Uint8Array[] = [];
  private readonly flushLines: number;
  // Flushes start small and double up to flushLines, so the first tuples reach COPY soon after reading starts.
  private flushAt: number;
  private readonly pieceBytes: number;
  // products, interned
  private readonly products = new TextPool();
  private productLevel = new Uint8Array(1024);
  private productHeading = new Int32Array(1024);
  private productChapter = new Int32Array(1024);
  // lines per key in the current flush
  private keyCount = new Int32Array(1024);
  // buffered lines, columnar
  private lineKey: Int32Array;
  private lineProduct: Int32Array;
  private lineCents: Float64Array;
  private lineWeight: Float64Array;
  private lineQuantity: Float64Array;
  private buffered = 0;
  // scratch for rollups: value per product id, and the heading and chapter ids touched
  private scratch = new Float64Array(1024);
  private inTouched = new Uint8Array(1024);
  private readonly headings: number[] = [];
  private readonly chapters: number[] = [];
  // a rollup's products and sums, gathered before writing
  private gatheredIds = new Int32Array(1024);
  private gatheredValues = new Float64Array(1024);
  // Whether each key's buffered lines are together, as in a file sorted by key: then they need no reordering.
  private grouped = true;
  private lastKey = -1;
  private flushes = 1;
  private keyFlush = new Int32Array(1024);

  constructor(options: { flushLines?: number | undefined; pieceBytes?: number | undefined } = {}) {
    this.flushLines = options.flushLines ?? 1 << 20;
    this.pieceBytes = options.pieceBytes ?? 1 << 20;
    this.flushAt = Math.min(this.flushLines, 1 << 15);
    // A piece is cut after the key that fills it: room for the piece and a key's tuples beyond it.
    this.output = new BinaryTupleWriter(this.pieceBytes + (this.pieceBytes >> 2));
    const size = Math.min(this.flushLines, 1 << 16);
    this.lineKey = new Int32Array(size);
    this.lineProduct = new Int32Array(size);
    this.lineCents = new Float64Array(size);
    this.lineWeight = new Float64Array(size);
    this.lineQuantity = new Float64Array(size);
  }

  /** Lines added so far. */
  get lines(): number {
    return this.ledger.records;
  }

  /** The id of a product code already normalised ('TOTAL', or 2, 4 or 6 digits). */
  product(code: string): number {
    const known = this.products.texts.length;
    const id = this.products.idOf(code);
    if (id < known) return id;
    this.productLevel = grown(this.productLevel, id + 1);
    this.productHeading = grown(this.productHeading, id + 1);
    this.productChapter = grown(this.productChapter, id + 1);
    this.scratch = grown(this.scratch, id + 1);
    this.inTouched = grown(this.inTouched, id + 1);
    const level = levelIndexOf(code);
    this.productLevel[id] = level;
    this.productHeading[id] = level >= 2 ? (level === 2 ? id : this.product(code.slice(0, 4))) : -1;
    this.productChapter[id] = level >= 1 ? (level === 1 ? id : this.product(code.slice(0, 2))) : -1;
    return id;
  }

  key(year: number, month: number, reporter: string, partner: string, flow: Flow): number {
    const id = this.ledger.key(year, month, reporter, partner, flow);
    this.keyCount = grown(this.keyCount, id + 1);
    this.keyFlush = grown(this.keyFlush, id + 1);
    return id;
  }

  /** One line: `cents` a safe integer, weight and quantity NaN when unknown. */
  add(key: number, product: number, cents: number, netWeightKg: number, quantity: number): void {
    this.ledger.add(key, this.productLevel[product]!, cents);
    if (key !== this.lastKey) {
      // A key met again after another one in the same flush: its lines are not together.
      if (this.keyFlush[key] === this.flushes) this.grouped = false;
      this.keyFlush[key] = this.flushes;
      this.lastKey = key;
    }
    const n = this.buffered;
    if (n === this.lineKey.length) this.growLines();
    this.lineKey[n] = key;
    this.lineProduct[n] = product;
    this.lineCents[n] = cents;
    this.lineWeight[n] = netWeightKg;
    this.lineQuantity[n] = quantity;
    this.buffered = n + 1;
    if (this.buffered >= this.flushAt) this.flush();
  }

  /**
   * Pieces of tuples of about `pieceBytes` each, written so far, handed over once; `last` also hands over the
   * rest, once every line has been added and flushed.
   */
  takePieces(last = false): Uint8Array[] {
    if (last) this.flush();
    if (last && this.output.size > 0) this.pieces.push(this.output.take());
    return this.pieces.splice(0);
  }

  /** Writes the buffered lines, grouped by key, with their rollups, in pieces. */
  flush(): void {
    const n = this.buffered;
    if (n === 0) return;
    if (!this.grouped) this.groupLines(n);
    const { lineKey } = this;
    for (let from = 0, i = 1; i <= n; i++) {
      if (i < n && lineKey[i] === lineKey[from]) continue;
      this.writeKey(lineKey[from]!, from, i);
      if (this.output.size >= this.pieceBytes) this.pieces.push(this.output.take());
      from = i;
    }
    this.buffered = 0;
    this.grouped = true;
    this.lastKey = -1;
    this.flushes += 1;
    this.flushAt = Math.min(2 * this.flushAt, this.flushLines);
  }

  /** Reorders the buffered lines so each key's lines are together: a counting sort, keys in order of first appearance. */
  private groupLines(n: number): void {
    const { lineKey, keyCount } = this;
    const order: number[] = [];
    for (let i = 0; i < n; i++) if (keyCount[lineKey[i]!]!++ === 0) order.push(lineKey[i]!);
    const next = new Int32Array(order.length);
    for (let k = 1; k < order.length; k++) next[k] = next[k - 1]! + keyCount[order[k - 1]!]!;
    for (let k = 0; k < order.length; k++) keyCount[order[k]!] = k;
    const place = new Int32Array(n);
    for (let i = 0; i < n; i++) place[i] = next[keyCount[lineKey[i]!]!]!++;
    for (const key of order) keyCount[key] = 0;
    const moved = <T extends Int32Array | Float64Array>(column: T): T => {
      const sorted = new (column.constructor as new (length: number) => T)(column.length);
      for (let i = 0; i < n; i++) sorted[place[i]!] = column[i]!;
      return sorted;
    };
    this.lineKey = moved(this.lineKey);
    this.lineProduct = moved(this.lineProduct);
    this.lineCents = moved(this.lineCents);
    this.lineWeight = moved(this.lineWeight);
    this.lineQuantity = moved(this.lineQuantity);
  }

  /** One tuple: the key, its lines [from, to), and the heading and chapter rollups of those lines (NULL where none). */
  private writeKey(key: number, from: number, to: number): void {
    const { output, lineProduct, lineCents, lineWeight, lineQuantity, products } = this;
    const k = this.ledger.keys[key]!;
    output.tuple(LINE_COLUMNS.length).int2(k.year).int2(k.month).text(k.reporter).text(k.partner).text(k.flow);
    output.pooledTextArray(products, lineProduct, from, to);
    output.int8Array(lineCents, from, to);
    for (const measure of [lineWeight, lineQuantity]) {
      let known = false;
      for (let i = from; i < to && !known; i++) known = !Number.isNaN(measure[i]!);
      if (known) output.float8Array(measure, from, to);
      else output.null();
    }
    this.writeRollups(key, from, to);
  }

  /**
   * The key's heading and chapter rollups, each summed from the coarsest lines of at least that many digits, in one
   * pass over its lines (heading and chapter ids are different products, so they share the scratch sums).
   */
  private writeRollups(key: number, from: number, to: number): void {
    const { lineProduct, lineCents, productLevel, productHeading, productChapter, headings, chapters } = this;
    const mask = this.ledger.maskOf(key);
    const headingSource = coarsestFrom(mask, 4);
    const chapterSource = coarsestFrom(mask, 2);
    for (let i = from; i < to; i++) {
      const product = lineProduct[i]!;
      const level = productLevel[product]!;
      if (level === headingSource) this.addToRollup(productHeading[product]!, headings, lineCents[i]!);
      if (level === chapterSource) this.addToRollup(productChapter[product]!, chapters, lineCents[i]!);
    }
    this.writeRollup(key, 4, headingSource, headings);
    this.writeRollup(key, 2, chapterSource, chapters);
  }

  private addToRollup(id: number, touched: number[], cents: number): void {
    if (this.inTouched[id] === 0) {
      this.inTouched[id] = 1;
      touched.push(id);
    }
    this.scratch[id] = this.scratch[id]! + cents;
  }

  /** One rollup's arrays (or two NULLs), its sums then cleared for the next key. */
  private writeRollup(key: number, digits: 2 | 4, source: number, touched: number[]): void {
    const { output, products, scratch, inTouched } = this;
    if (touched.length === 0) {
      output.null().null();
      return;
    }
    // The coarsest level seen so far only gets coarser; a rollup from finer lines is redone at the end if so.
    this.ledger.rolledUp(key, digits, source);
    const count = touched.length;
    const ids = (this.gatheredIds = grown(this.gatheredIds, count));
    const values = (this.gatheredValues = grown(this.gatheredValues, count));
    for (let i = 0; i < count; i++) {
      const id = touched[i]!;
      ids[i] = id;
      values[i] = scratch[id]!;
      scratch[id] = 0;
      inTouched[id] = 0;
    }
    output.pooledTextArray(products, ids, 0, count);
    output.int8Array(values, 0, count);
    touched.length = 0;
  }

  private growLines(): void {
    const size = this.lineKey.length * 2;
    this.lineKey = grown(this.lineKey, size);
    this.lineProduct = grown(this.lineProduct, size);
    this.lineCents = grown(this.lineCents, size);
    this.lineWeight = grown(this.lineWeight, size);
    this.lineQuantity = grown(this.lineQuantity, size);
  }
}
