import type { Queryable } from '../../db/database.ts';
import { DomainError } from '../../errors/domain-error.ts';

/** Failed logins allowed in the window, per email and per client address. */
export const LOGIN_LIMITS = { windowMinutes: 15, perEmail: 5, perAddress: 30 } as const;

/** Refuses a login attempt while the email or the address has used up its failures in the window. */
export async function assertLoginAllowed(db: Queryable, email: string, ip: string): Promise<void> {
  const [row] = await db.query<{ by_email: number; by_ip: number; oldest: Date | null }>(
    `SELECT count(*) FILTER (WHERE email = $1) AS by_email,
            count(*) FILTER (WHERE ip = $2) AS by_ip,
            min(attempted_at) AS oldest
       FROM login_attempts
      WHERE NOT succeeded AND attempted_at > now() - make_interval(mins => $3) AND (email = $1 OR ip = $2)`,
    [email.trim().toLowerCase(), ip, LOGIN_LIMITS.windowMinutes],
  );
  if (!row || (row.by_email < LOGIN_LIMITS.perEmail && row.by_ip < LOGIN_LIMITS.perAddress)) return;
  const freedAt = (row.oldest?.getTime() ?? Date.now()) + LOGIN_LIMITS.windowMinutes * 60_000;
  const minutes = Math.max(1, Math.ceil((freedAt - Date.now()) / 60_000));
  throw new DomainError('TOO_MANY_LOGIN_ATTEMPTS', { minutes });
}

export async function recordLoginAttempt(db: Queryable, email: string, ip: string, succeeded: boolean): Promise<void> {
  await db.query('INSERT INTO login_attempts (email, ip, succeeded) VALUES ($1, $2, $3)', [email.trim().toLowerCase(), ip, succeeded]);
  if (!succeeded) await db.query(`DELETE FROM login_attempts WHERE attempted_at < now() - interval '1 day'`);
}
