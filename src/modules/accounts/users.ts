import type { Queryable } from '../../db/database.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { DomainError } from '../../errors/domain-error.ts';
import type { Locale } from '../../i18n/locale.ts';
import { assertCountryCode } from '../org/countries.ts';
import { KINDS_BY_ROLE, type OrganisationKind, type Role, type User } from './model.ts';
import { hashPassword } from './password.ts';

export const MIN_PASSWORD_LENGTH = 10;

export interface UserRow {
  id: string;
  email: string;
  display_name: string;
  role: Role;
  locale: Locale | null;
  organisation_id: string | null;
  organisation_name: string | null;
  organisation_kind: OrganisationKind | null;
  organisation_country: string | null;
}

export const USER_COLUMNS = `u.id, u.email, u.display_name, u.role, u.locale, u.organisation_id,
  o.name AS organisation_name, o.kind AS organisation_kind, o.country_iso3 AS organisation_country`;

export function toUser(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    role: row.role,
    locale: row.locale,
    organisation:
      row.organisation_id === null
        ? null
        : { id: row.organisation_id, name: row.organisation_name ?? '', kind: row.organisation_kind!, country: row.organisation_country },
  };
}

export async function findUserById(db: Queryable, id: string): Promise<User | undefined> {
  const rows = await db.query<UserRow>(
    `SELECT ${USER_COLUMNS} FROM users u LEFT JOIN organisations o ON o.id = u.organisation_id WHERE u.id = $1`,
    [id],
  );
  return rows[0] && toUser(rows[0]);
}

export async function findCredentials(db: Queryable, email: string): Promise<{ id: string; passwordHash: string } | undefined> {
  const rows = await db.query<{ id: string; password_hash: string }>('SELECT id, password_hash FROM users WHERE lower(email) = lower($1)', [email]);
  return rows[0] && { id: rows[0].id, passwordHash: rows[0].password_hash };
}

// Deliberately loose: the mailbox itself is the only real check; this catches typos such as a missing @.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function assertPasswordStrength(email: string, password: string): void {
  if (!EMAIL.test(email.trim())) throw new DomainError('INVALID_EMAIL', { email });
  if ([...password].length < MIN_PASSWORD_LENGTH || password.trim().toLowerCase() === email.trim().toLowerCase()) {
    throw new DomainError('WEAK_PASSWORD');
  }
}

async function insertUser(
  db: Queryable,
  fields: { email: string; password: string; displayName: string; role: Role; organisationId: string | null; locale: Locale | null },
): Promise<string> {
  assertPasswordStrength(fields.email, fields.password);
  const passwordHash = await hashPassword(fields.password);
  try {
    const rows = await db.query<{ id: string }>(
      `INSERT INTO users (email, password_hash, display_name, role, organisation_id, locale)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [fields.email.trim(), passwordHash, fields.displayName.trim(), fields.role, fields.organisationId, fields.locale],
    );
    return rows[0]!.id;
  } catch (error) {
    if (isUniqueViolation(error, 'users_email_key')) throw new DomainError('EMAIL_TAKEN');
    throw error;
  }
}

export interface Registration {
  email: string;
  password: string;
  displayName: string;
  role: Exclude<Role, 'admin'>;
  organisation: { name: string; kind: OrganisationKind; country?: string | undefined };
  locale?: Locale | undefined;
}

/** Registers a member or provider together with the organisation it acts for. Run it inside a transaction. */
export async function registerUser(tx: Queryable, registration: Registration): Promise<User> {
  const { role, organisation } = registration;
  if (!KINDS_BY_ROLE[role].includes(organisation.kind)) {
    throw new DomainError('ORGANISATION_KIND_MISMATCH', { role, kind: organisation.kind });
  }
  const country = organisation.country === undefined ? null : assertCountryCode(organisation.country);
  const [org] = await tx.query<{ id: string }>('INSERT INTO organisations (name, kind, country_iso3) VALUES ($1, $2, $3) RETURNING id', [
    organisation.name.trim(),
    organisation.kind,
    country,
  ]);
  const id = await insertUser(tx, { ...registration, organisationId: org!.id, locale: registration.locale ?? null });
  return (await findUserById(tx, id))!;
}

/** Creates a platform administrator (used by the command line to bootstrap the first admin). */
export async function createAdmin(db: Queryable, fields: { email: string; password: string; displayName: string }): Promise<User> {
  const id = await insertUser(db, { ...fields, role: 'admin', organisationId: null, locale: null });
  return (await findUserById(db, id))!;
}

export async function updateProfile(db: Queryable, userId: string, changes: { locale?: Locale | undefined; displayName?: string | undefined }): Promise<User> {
  await db.query(
    `UPDATE users SET locale = coalesce($2, locale), display_name = coalesce($3, display_name) WHERE id = $1`,
    [userId, changes.locale ?? null, changes.displayName?.trim() ?? null],
  );
  return (await findUserById(db, userId))!;
}
