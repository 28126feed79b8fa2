import type { RowError } from '../formats/row.ts';

/** A row of an import file that cannot be read: names the file, line and column, as a person fixing it needs. */
export class ImportError extends Error {
  override readonly name = 'ImportError';
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: string,
    readonly reason: string,
  ) {
    super(`${file}, line ${line}, column ${column}: ${reason}`);
  }
}

/** The ImportError for a row a format could not read, at a line of a file. */
export function importErrorAt(file: string, line: number, error: RowError): ImportError {
  return new ImportError(file, line, error.column, error.reason);
}

/** A problem with the file as a whole (unknown layout, missing companion file). */
export class ImportFileError extends Error {
  override readonly name = 'ImportFileError';
}
