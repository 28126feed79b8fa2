import type { ErrorCode } from './catalogue.ts';

export type ErrorParams = Record<string, string | number>;

/** An expected failure of a domain rule, with a stable code; translated and mapped to HTTP in one place. */
export class DomainError extends Error {
  override readonly name = 'DomainError';
  constructor(
    readonly code: ErrorCode,
    readonly params: ErrorParams = {},
    readonly details?: unknown[],
  ) {
    super(`${code} ${JSON.stringify(params)}`);
  }
}
