import { Type } from 'typebox';
import type { Database, Queryable } from '../../db/database.ts';
import { DomainError } from '../../errors/domain-error.ts';
import type { App } from '../../http/app-types.ts';
import { errorResponses } from '../../http/schemas.ts';
import type { Status } from '../org/model.ts';
import { listStates } from '../org/states.ts';
import { statusAsOf } from '../org/status-history.ts';
import { resolvePartnerGroup, STATUS_GROUPS, type PartnerGroup } from './store/partner-groups.ts';

export interface CustomGroup {
  code: string;
  name: string;
  members: string[];
}

const GroupBody = Type.Object(
  {
    name: Type.String({ pattern: '\\S', maxLength: 200 }),
    members: Type.Array(Type.String({ pattern: '^[A-Z0-9]{3}$' }), { minItems: 1, maxItems: 300, uniqueItems: true }),
  },
  { additionalProperties: false },
);
const GroupCode = Type.Object({ code: Type.String({ pattern: '^[A-Z][A-Z0-9_]{3,40}$', description: 'At least four characters, so it never reads as an ISO code' }) }, { additionalProperties: false });
const GroupSchema = Type.Object({ code: Type.String(), name: Type.String(), members: Type.Array(Type.String()) });

export async function listGroups(db: Queryable): Promise<CustomGroup[]> {
  return db.query<CustomGroup>('SELECT code, name, members FROM trade_groups ORDER BY code');
}

/** Creates or replaces a named partner group; the SCO status groups are reserved, since the registry defines them. */
export async function saveGroup(db: Queryable, group: CustomGroup): Promise<CustomGroup> {
  if (Object.hasOwn(STATUS_GROUPS, group.code) || group.code === 'WLD') throw new DomainError('GROUP_RESERVED', { code: group.code });
  const [saved] = await db.query<CustomGroup>(
    `INSERT INTO trade_groups (code, name, members) VALUES ($1, $2, $3::text[])
     ON CONFLICT (code) DO UPDATE SET name = excluded.name, members = excluded.members RETURNING code, name, members`,
    [group.code, group.name.trim(), [...group.members].sort()],
  );
  return saved!;
}

export async function deleteGroup(db: Queryable, code: string): Promise<void> {
  const deleted = await db.query('DELETE FROM trade_groups WHERE code = $1 RETURNING code', [code]);
  if (deleted.length === 0) throw new DomainError('GROUP_NOT_FOUND', { code });
}

/**
 * `partners` as it stood on each of the dates, as resolvePartnerGroup gives it, from one read of the registry:
 * SCO status groups change as states join and leave, every other group is the same on all dates.
 */
export async function resolvePartnerGroupOn(db: Queryable, code: string, reporter: string, dates: readonly string[]): Promise<PartnerGroup[]> {
  const upper = code.trim().toUpperCase();
  const statuses: readonly (Status | null)[] | undefined = STATUS_GROUPS[upper];
  if (dates.length === 0) return [];
  if (!statuses) {
    const group = await resolvePartnerGroup(db, code, reporter, dates[0]!);
    return dates.map((asOf) => ({ ...group, asOf }));
  }
  const states = await listStates(db, { asOf: dates[0]! });
  return dates.map((asOf) => ({
    code: upper,
    members: states.filter((s) => s.iso3 !== reporter && statuses.includes(statusAsOf(s.history, asOf))).map((s) => s.iso3).sort(),
    asOf,
  }));
}

/** Custom partner groups (e.g. CENTRAL_ASIA), usable wherever `partners` is asked for. */
export function groupRoutes(db: Database) {
  return async (app: App) => {
    app.get(
      '/groups',
      {
        config: { access: 'public' },
        schema: {
          tags: ['trade'],
          summary: 'Partner groups: the SCO status groups (resolved from the registry on each date) and custom groups',
          response: { 200: Type.Object({ statusGroups: Type.Record(Type.String(), Type.Array(Type.String())), groups: Type.Array(GroupSchema) }) },
        },
      },
      async () => ({ statusGroups: Object.fromEntries(Object.entries(STATUS_GROUPS).map(([code, statuses]) => [code, [...statuses]])), groups: await listGroups(db) }),
    );
    app.put(
      '/groups/:code',
      {
        config: { access: ['admin'] },
        schema: {
          tags: ['trade'],
          summary: 'Create or replace a custom partner group',
          params: GroupCode,
          body: GroupBody,
          response: { 200: GroupSchema, ...errorResponses(400, 401, 403, 409) },
        },
      },
      async (request) => saveGroup(db, { code: request.params.code, ...request.body }),
    );
    app.delete(
      '/groups/:code',
      {
        config: { access: ['admin'] },
        schema: { tags: ['trade'], summary: 'Delete a custom partner group', params: GroupCode, response: { 204: Type.Null(), ...errorResponses(400, 401, 403, 404) } },
      },
      async (request, reply) => {
        await deleteGroup(db, request.params.code);
        return reply.status(204).send(null);
      },
    );
  };
}
