import { importProblem, importProblemReason, type ImportProblem } from '../../../errors/import-problems.ts';
import type { RowError } from '../formats/row.ts';

/**
 * A row of an import file that cannot be read: names the file, line and column, as a person fixing it needs, and
 * the problem, which the API words in the request's language. A reason given as text alone (a CSV parser's
 * message, say) is known only in English and becomes the problem UNREADABLE.
 */
export class ImportError extends Error {
  override readonly name = 'ImportError';
  readonly problem: ImportProblem;
  /** In English, as the command line gives it. */
  readonly reason: string;
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: string,
    problem: ImportProblem | string,
  ) {
    const known = typeof problem === 'string' ? importProblem('UNREADABLE', { detail: problem }) : problem;
    const reason = importProblemReason(known);
    super(`${file}, line ${line}, column ${column}: ${reason}`);
    this.problem = known;
    this.reason = reason;
  }
}

/** The ImportError for a row a format could not read, at a line of a file. */
export function importErrorAt(file: string, line: number, error: RowError): ImportError {
  return new ImportError(file, line, error.column, error.problem);
}

/**
 * A problem with the file as a whole (unknown layout, missing companion file). The message is English; with a
 * problem, the API words the reason in the request's language.
 */
export class ImportFileError extends Error {
  override readonly name = 'ImportFileError';
  constructor(
    message: string,
    readonly problem?: ImportProblem,
  ) {
    super(message);
  }
}
