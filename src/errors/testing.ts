/** Helpers for tests that expect a domain rule to refuse something. */
import { expect } from 'vitest';
import { DomainError } from './domain-error.ts';

/** The DomainError `action` throws; fails the test when it throws nothing or something else. */
export function domainErrorOf(action: () => unknown): DomainError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  }
  throw new Error('expected a DomainError, but nothing was thrown');
}

/** The code of the DomainError `promise` rejects with, 'no error' when it resolves, or what else it rejects with. */
export const codeOf = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => 'no error',
    (error: unknown) => (error instanceof DomainError ? error.code : error),
  );
