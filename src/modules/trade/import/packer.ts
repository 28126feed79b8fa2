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
    return id;
  }

  /** One line: `cents` a safe integer, weight and quantity NaN when unknown. */
  add(key: number, product: number, cents: number, netWeightKg: number, quantity: number): void {
    this.ledger.add(key, this.productLevel[product]!, cents);
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
    const { lineKey, keyCount } = this;
    const order: number[] = [];
    for (let i = 0; i < n; i++) if (keyCount[lineKey[i]!]!++ === 0) order.push(lineKey[i]!);
    // Counting sort of the lines by key, keys in order of first appearance.
    const start = new Int32Array(order.length + 1);
    for (let k = 0; k < order.length; k++) {
      start[k + 1] = start[k]! + keyCount[order[k]!]!;
      keyCount[order[k]!] = k;
    }
    const next = start.slice(0, order.length);
    const sorted = new Int32Array(n);
    for (let i = 0; i < n; i++) sorted[next[keyCount[lineKey[i]!]!]!++] = i;
    for (let k = 0; k < order.length; k++) {
      const key = order[k]!;
      keyCount[key] = 0;
      this.writeKey(key, sorted, start[k]!, start[k + 1]!);
      if (this.output.size >= this.pieceBytes) this.pieces.push(this.output.take());
    }
    this.buffered = 0;
    this.flushAt = Math.min(2 * this.flushAt, this.flushLines);
  }

  /** One tuple: the key, its lines, and the heading and chapter rollups of those lines (NULL where none). */
  private writeKey(key: number, lines: Int32Array, from: number, to: number): void {
    const { output, lineProduct, lineCents, lineWeight, lineQuantity, products } = this;
    const count = to - from;
    const k = this.ledger.keys[key]!;
    const at = (i: number) => lines[from + i]!;
    output.tuple(LINE_COLUMNS.length).int2(k.year).int2(k.month).text(k.reporter).text(k.partner).text(k.flow);
    output.pooledTextArray(count, products, (i) => lineProduct[at(i)]!);
    output.int8Array(count, (i) => lineCents[at(i)]!);
    for (const measure of [lineWeight, lineQuantity]) {
      let known = false;
      for (let i = from; i < to && !known; i++) known = !Number.isNaN(measure[lines[i]!]!);
      if (known) output.float8Array(count, (i) => measure[at(i)]!);
      else output.null();
    }
    this.writeRollups(key, lines, from, to);
  }

  /**
   * The key's heading and chapter rollups, each summed from the coarsest lines of at least that many digits, in one
   * pass over its lines (heading and chapter ids are different products, so they share the scratch sums).
   */
  private writeRollups(key: number, lines: Int32Array, from: number, to: number): void {
    const { lineProduct, lineCents, productLevel, productHeading, productChapter, headings, chapters } = this;
    const mask = this.ledger.maskOf(key);
    const headingSource = coarsestFrom(mask, 4);
    const chapterSource = coarsestFrom(mask, 2);
    for (let i = from; i < to; i++) {
      const line = lines[i]!;
      const product = lineProduct[line]!;
      const level = productLevel[product]!;
      if (level === headingSource) this.addToRollup(productHeading[product]!, headings, lineCents[line]!);
      if (level === chapterSource) this.addToRollup(productChapter[product]!, chapters, lineCents[line]!);
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
    output.pooledTextArray(touched.length, products, (i) => touched[i]!);
    output.int8Array(touched.length, (i) => scratch[touched[i]!]!);
    for (const id of touched) {
      scratch[id] = 0;
      inTouched[id] = 0;
    }
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
