import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { MAPPING_FIELDS, type ColumnMapping } from '../formats/mapped-csv.ts';

/** A SHA-256 to be fed the bytes of a file, then finished with contentHashOf. */
export const startContentHash = (): Hash => createHash('sha256');

/** The content hash of a dataset: its file's bytes, and the column mapping they were read with. */
export function contentHashOf(hash: Hash, mapping: ColumnMapping | undefined): string {
  // The same bytes read with another column mapping are other data: a corrected mapping must import again.
  if (mapping) hash.update(JSON.stringify(MAPPING_FIELDS.map((name) => mapping[name] ?? (name === 'valueScale' ? 0 : null))));
  return hash.digest('hex');
}

/** The content hash of a file read through once; `signal` stops the reading. */
export async function hashFileContent(file: string, mapping: ColumnMapping | undefined, signal?: AbortSignal): Promise<string> {
  const hash = startContentHash();
  for await (const chunk of createReadStream(file, { highWaterMark: 4 << 20, signal })) hash.update(chunk as Buffer);
  return contentHashOf(hash, mapping);
}
