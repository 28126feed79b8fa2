import type { Queryable } from '../../db/database.ts';
import { DomainError } from '../../errors/domain-error.ts';
import { assertLoginAllowed, recordLoginAttempt } from './login-throttle.ts';
import type { User } from './model.ts';
import { decoyHash, verifyPassword } from './password.ts';
import { findCredentials, findUserById } from './users.ts';

/** Checks credentials under the login rate limit; unknown emails cost the same time as wrong passwords. */
export async function logIn(db: Queryable, email: string, password: string, ip: string): Promise<User> {
  await assertLoginAllowed(db, email, ip);
  const credentials = await findCredentials(db, email);
  const valid = await verifyPassword(password, credentials?.passwordHash ?? (await decoyHash));
  await recordLoginAttempt(db, email, ip, valid && credentials !== undefined);
  if (!credentials || !valid) throw new DomainError('INVALID_CREDENTIALS');
  return (await findUserById(db, credentials.id))!;
}
