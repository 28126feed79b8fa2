/**
 * Rows in PostgreSQL's binary COPY format. Bulk loads of numbers and arrays skip the server's text parsing this
 * way, which makes COPY several times faster than CSV for packed rows (see docs/benchmarks.md).
 */

/** The signature, flags and header extension that open a binary COPY stream. */
export const BINARY_COPY_HEADER = Uint8Array.from([0x50, 0x47, 0x43, 0x4f, 0x50, 0x59, 0x0a, 0xff, 0x0d, 0x0a, 0x00, 0, 0, 0, 0, 0, 0, 0, 0]);
/** The field count -1 that ends it. */
export const BINARY_COPY_TRAILER = Uint8Array.from([0xff, 0xff]);

const TEXT_OID = 25;
const INT8_OID = 20;
const FLOAT8_OID = 701;
const TWO_32 = 4294967296;

/**
 * Appends tuples to a growing buffer. Each tuple starts with `tuple(fieldCount)` followed by exactly that many
 * fields. Integers are JavaScript numbers and must be safe integers; NaN in a float array is written as NULL.
 */
export class BinaryTupleWriter {
  private buffer: Buffer;
  private view: DataView;
  private position = 0;
  private lastUuid = '';
  private lastUuidBytes = new Uint8Array(16);

  constructor(private readonly initialBytes = 1 << 20) {
    // Never from Node's shared pool: a buffer handed over by take() must be the writer's alone to transfer.
    this.buffer = Buffer.allocUnsafeSlow(initialBytes);
    this.view = new DataView(this.buffer.buffer, this.buffer.byteOffset, this.buffer.byteLength);
  }

  /** Bytes written since the last take(). */
  get size(): number {
    return this.position;
  }

  /**
   * Hands over the bytes written so far, without copying them, and starts afresh in a new buffer: the piece's
   * ArrayBuffer is its own and can be transferred to another thread.
   */
  take(): Uint8Array {
    const written = this.buffer.subarray(0, this.position);
    this.buffer = Buffer.allocUnsafeSlow(this.initialBytes);
    this.view = new DataView(this.buffer.buffer, this.buffer.byteOffset, this.buffer.byteLength);
    this.position = 0;
    return written;
  }

  tuple(fields: number): this {
    this.reserve(2);
    this.view.setInt16(this.position, fields);
    this.position += 2;
    return this;
  }

  null(): this {
    this.reserve(4);
    this.view.setInt32(this.position, -1);
    this.position += 4;
    return this;
  }

  int2(value: number): this {
    this.reserve(6);
    this.view.setInt32(this.position, 2);
    this.view.setInt16(this.position + 4, value);
    this.position += 6;
    return this;
  }

  int4(value: number): this {
    this.reserve(8);
    this.view.setInt32(this.position, 4);
    this.view.setInt32(this.position + 4, value);
    this.position += 8;
    return this;
  }

  int8(value: number): this {
    this.reserve(12);
    this.view.setInt32(this.position, 8);
    this.writeInt64(this.position + 4, value);
    this.position += 12;
    return this;
  }

  float8(value: number): this {
    this.reserve(12);
    this.view.setInt32(this.position, 8);
    this.view.setFloat64(this.position + 4, value);
    this.position += 12;
    return this;
  }

  text(value: string): this {
    this.reserve(4 + value.length * 3);
    const length = this.buffer.write(value, this.position + 4, 'utf8');
    this.view.setInt32(this.position, length);
    this.position += 4 + length;
    return this;
  }

  /** A uuid given as its usual text (with or without hyphens). */
  uuid(value: string): this {
    if (value !== this.lastUuid) {
      const hex = value.replace(/-/g, '');
      if (!/^[0-9a-f]{32}$/i.test(hex)) throw new RangeError(`not a uuid: ${value}`);
      this.lastUuidBytes = Buffer.from(hex, 'hex');
      this.lastUuid = value;
    }
    this.reserve(20);
    this.view.setInt32(this.position, 16);
    this.buffer.set(this.lastUuidBytes, this.position + 4);
    this.position += 20;
    return this;
  }

  bool(value: boolean): this {
    this.reserve(5);
    this.view.setInt32(this.position, 1);
    this.buffer[this.position + 4] = value ? 1 : 0;
    this.position += 5;
    return this;
  }

  /** A numeric with two decimals from its value in hundredths (cents), a safe integer. */
  numericCents(cents: number): this {
    if (!Number.isSafeInteger(cents)) throw new RangeError(`numeric value ${cents} / 100 is not held exactly`);
    // Base-10000 digits, most significant first: the whole part's groups, then the cents as one group of 0.01.
    const magnitude = Math.abs(cents);
    const fraction = magnitude % 100;
    const groups: number[] = [];
    for (let whole = (magnitude - fraction) / 100; whole > 0; whole = Math.floor(whole / 10_000)) groups.unshift(whole % 10_000);
    const weight = groups.length - 1;
    if (fraction > 0) groups.push(fraction * 100);
    this.reserve(12 + 2 * groups.length);
    this.view.setInt32(this.position, 8 + 2 * groups.length);
    this.view.setInt16(this.position + 4, groups.length);
    this.view.setInt16(this.position + 6, groups.length === 0 ? 0 : weight);
    this.view.setUint16(this.position + 8, cents < 0 ? 0x4000 : 0);
    this.view.setInt16(this.position + 10, 2);
    let at = this.position + 12;
    for (const group of groups) {
      this.view.setInt16(at, group);
      at += 2;
    }
    this.position = at;
    return this;
  }

  textArray(values: readonly string[]): this {
    const start = this.arrayStart(values.length, TEXT_OID, false);
    for (const value of values) {
      this.reserve(4 + value.length * 3);
      const length = this.buffer.write(value, this.position + 4, 'utf8');
      this.view.setInt32(this.position, length);
      this.position += 4 + length;
    }
    return this.arrayEnd(start);
  }

  /**
   * The texts of a pool for the ids in [from, to): their bytes are copied as they are, with no encoding per element.
   * Arrays are passed whole with a range, not as callbacks, so the loops over millions of elements stay monomorphic.
   */
  pooledTextArray(pool: TextPool, ids: Int32Array, from: number, to: number): this {
    const count = to - from;
    const start = this.arrayStart(count, TEXT_OID, false);
    this.reserve(count * (4 + pool.longest));
    const { buffer, view } = this;
    const { bytes, starts } = pool;
    let position = this.position;
    for (let i = from; i < to; i++) {
      const id = ids[i]!;
      const first = starts[id]!;
      const length = starts[id + 1]! - first;
      view.setInt32(position, length);
      position += 4;
      for (let b = 0; b < length; b++) buffer[position + b] = bytes[first + b]!;
      position += length;
    }
    this.position = position;
    return this.arrayEnd(start);
  }

  /** The values in [from, to), each a safe integer. */
  int8Array(values: Float64Array, from: number, to: number): this {
    const start = this.arrayStart(to - from, INT8_OID, false);
    this.reserve((to - from) * 12);
    const { view } = this;
    let position = this.position;
    for (let i = from; i < to; i++) {
      const value = values[i]!;
      if (!Number.isSafeInteger(value)) throw new RangeError(`int8 value ${value} is not a safe integer`);
      const high = Math.floor(value / TWO_32);
      view.setInt32(position, 8);
      view.setInt32(position + 4, high);
      view.setUint32(position + 8, value - high * TWO_32);
      position += 12;
    }
    this.position = position;
    return this.arrayEnd(start);
  }

  /** The values in [from, to); NaN is NULL (unknown), so a measure missing on some lines keeps its place. */
  float8Array(values: Float64Array, from: number, to: number): this {
    const start = this.arrayStart(to - from, FLOAT8_OID, false);
    this.reserve((to - from) * 12);
    const { view } = this;
    let position = this.position;
    let hasNull = false;
    for (let i = from; i < to; i++) {
      const value = values[i]!;
      if (Number.isNaN(value)) {
        hasNull = true;
        view.setInt32(position, -1);
        position += 4;
      } else {
        view.setInt32(position, 8);
        view.setFloat64(position + 4, value);
        position += 12;
      }
    }
    if (hasNull) view.setInt32(start + 8, 1);
    this.position = position;
    return this.arrayEnd(start);
  }

  private writeInt64(at: number, value: number): void {
    if (!Number.isSafeInteger(value)) throw new RangeError(`int8 value ${value} is not a safe integer`);
    const high = Math.floor(value / TWO_32);
    this.view.setInt32(at, high);
    this.view.setUint32(at + 4, value - high * TWO_32);
  }

  /** One-dimensional array header: ndim, has-null flag, element type, length, lower bound 1. */
  private arrayStart(count: number, elementOid: number, hasNull: boolean): number {
    this.reserve(24);
    const start = this.position;
    this.view.setInt32(start + 4, 1);
    this.view.setInt32(start + 8, hasNull ? 1 : 0);
    this.view.setInt32(start + 12, elementOid);
    this.view.setInt32(start + 16, count);
    this.view.setInt32(start + 20, 1);
    this.position += 24;
    return start;
  }

  private arrayEnd(start: number): this {
    this.view.setInt32(start, this.position - start - 4);
    return this;
  }

  private reserve(bytes: number): void {
    if (this.position + bytes <= this.buffer.length) return;
    const grown = Buffer.allocUnsafeSlow(Math.max(this.buffer.length * 2, this.position + bytes));
    this.buffer.copy(grown, 0, 0, this.position);
    this.buffer = grown;
    this.view = new DataView(grown.buffer, grown.byteOffset, grown.byteLength);
  }
}

/** Texts interned once as UTF-8 bytes, each known by an id, for arrays that repeat a small vocabulary. */
export class TextPool {
  readonly texts: string[] = [];
  bytes = new Uint8Array(4096);
  starts = new Int32Array(1025);
  /** Bytes of the longest text. */
  longest = 0;
  private readonly ids = new Map<string, number>();
  private readonly encoder = new TextEncoder();

  idOf(text: string): number {
    const known = this.ids.get(text);
    if (known !== undefined) return known;
    const id = this.texts.length;
    const encoded = this.encoder.encode(text);
    const from = this.starts[id]!;
    if (from + encoded.length > this.bytes.length) this.bytes = grownTo(this.bytes, from + encoded.length);
    if (id + 2 > this.starts.length) this.starts = grownTo(this.starts, id + 2);
    this.bytes.set(encoded, from);
    this.starts[id + 1] = from + encoded.length;
    this.longest = Math.max(this.longest, encoded.length);
    this.texts.push(text);
    this.ids.set(text, id);
    return id;
  }
}

function grownTo<T extends Uint8Array | Int32Array>(array: T, length: number): T {
  const next = new (array.constructor as new (n: number) => T)(Math.max(length, array.length * 2));
  next.set(array);
  return next;
}

/** Wraps a stream of whole tuples in the header and trailer of one COPY. */
export async function* framedBinaryCopy(tuples: AsyncIterable<Uint8Array> | Iterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  yield BINARY_COPY_HEADER;
  for await (const chunk of tuples as AsyncIterable<Uint8Array>) if (chunk.byteLength > 0) yield chunk;
  yield BINARY_COPY_TRAILER;
}
