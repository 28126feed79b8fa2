import { createHash, randomBytes } from 'node:crypto';
import type { Queryable } from '../../db/database.ts';
import type { User } from './model.ts';
import { USER_COLUMNS, toUser, type UserRow } from './users.ts';

export const SESSION_TTL_DAYS = 30;

export interface Session {
  user: User;
  csrfToken: string;
  tokenHash: string;
}

const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/** Opens a session and returns the bearer token for the cookie; only its hash is stored. */
export async function openSession(db: Queryable, userId: string): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const [row] = await db.query<{ expires_at: Date }>(
    `INSERT INTO sessions (token_hash, user_id, csrf_token, expires_at)
     VALUES ($1, $2, $3, now() + make_interval(days => $4)) RETURNING expires_at`,
    [hashToken(token), userId, csrfToken, SESSION_TTL_DAYS],
  );
  return { token, csrfToken, expiresAt: row!.expires_at };
}

/** The live session for a cookie token, or undefined when it is unknown or expired. */
export async function findSession(db: Queryable, token: string): Promise<Session | undefined> {
  const tokenHash = hashToken(token);
  const rows = await db.query<UserRow & { csrf_token: string }>(
    `SELECT ${USER_COLUMNS}, s.csrf_token FROM sessions s
       JOIN users u ON u.id = s.user_id
       LEFT JOIN organisations o ON o.id = u.organisation_id
      WHERE s.token_hash = $1 AND s.expires_at > now()`,
    [tokenHash],
  );
  const row = rows[0];
  if (!row) return undefined;
  return { user: toUser(row), csrfToken: row.csrf_token, tokenHash };
}

export async function closeSession(db: Queryable, tokenHash: string): Promise<void> {
  await db.query('DELETE FROM sessions WHERE token_hash = $1 OR expires_at < now()', [tokenHash]);
}
