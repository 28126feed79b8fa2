/** True when a driver error carries the SQLSTATE `code` and, when one is named, breaks that constraint or index. */
function isViolation(error: unknown, code: string, constraint: string | undefined): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code: raised, constraint: violated } = error as { code?: unknown; constraint?: unknown };
  return raised === code && (constraint === undefined || violated === constraint);
}

/** True when a driver error is a violation of the named unique constraint or index (SQLSTATE 23505). */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  return isViolation(error, '23505', constraint);
}

/** True when a driver error is a violation of the named foreign key (SQLSTATE 23503): a row it points at is missing. */
export function isForeignKeyViolation(error: unknown, constraint?: string): boolean {
  return isViolation(error, '23503', constraint);
}
