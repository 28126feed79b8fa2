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

  constructor(initialBytes = 1 << 20) {
    this.buffer = Buffer.allocUnsafe(initialBytes);
    this.view = new DataView(this.buffer.buffer, this.buffer.byteOffset, this.buffer.byteLength);
  }

  /** Bytes written since the last take(). */
  get size(): number {
    return this.position;
  }

  /** Hands over the bytes written so far and starts afresh. */
  take(): Buffer {
    const written = Buffer.from(this.buffer.subarray(0, this.position));
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
    const hex = value.replace(/-/g, '');
    if (!/^[0-9a-f]{32}$/i.test(hex)) throw new RangeError(`not a uuid: ${value}`);
    this.reserve(20);
    this.view.setInt32(this.position, 16);
    this.buffer.write(hex, this.position + 4, 'hex');
    this.position += 20;
    return this;
  }

  textArray(count: number, textAt: (i: number) => string): this {
    const start = this.arrayStart(count, TEXT_OID, false);
    for (let i = 0; i < count; i++) {
      const value = textAt(i);
      this.reserve(4 + value.length * 3);
      const length = this.buffer.write(value, this.position + 4, 'utf8');
      this.view.setInt32(this.position, length);
      this.position += 4 + length;
    }
    return this.arrayEnd(start);
  }

  int8Array(count: number, valueAt: (i: number) => number): this {
    const start = this.arrayStart(count, INT8_OID, false);
    this.reserve(count * 12);
    for (let i = 0; i < count; i++) {
      this.view.setInt32(this.position, 8);
      this.writeInt64(this.position + 4, valueAt(i));
      this.position += 12;
    }
    return this.arrayEnd(start);
  }

  /** NaN elements are NULL (unknown), so a measure missing on some lines keeps its place in the array. */
  float8Array(count: number, valueAt: (i: number) => number): this {
    let hasNull = false;
    for (let i = 0; i < count && !hasNull; i++) hasNull = Number.isNaN(valueAt(i));
    const start = this.arrayStart(count, FLOAT8_OID, hasNull);
    this.reserve(count * 12);
    for (let i = 0; i < count; i++) {
      const value = valueAt(i);
      if (Number.isNaN(value)) {
        this.view.setInt32(this.position, -1);
        this.position += 4;
      } else {
        this.view.setInt32(this.position, 8);
        this.view.setFloat64(this.position + 4, value);
        this.position += 12;
      }
    }
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
    const grown = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.position + bytes));
    this.buffer.copy(grown, 0, 0, this.position);
    this.buffer = grown;
    this.view = new DataView(grown.buffer, grown.byteOffset, grown.byteLength);
  }
}

/** Wraps a stream of whole tuples in the header and trailer of one COPY. */
export async function* framedBinaryCopy(tuples: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  yield BINARY_COPY_HEADER;
  for await (const chunk of tuples) if (chunk.byteLength > 0) yield chunk;
  yield BINARY_COPY_TRAILER;
}
