import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, errorCode, loggedIn, type Client } from '../../../test/http.ts';
import type { Database } from '../../db/database.ts';
import { openSeededDatabase, testDatabaseKinds } from '../../db/testing.ts';
import type { App } from '../../http/app-types.ts';
import { resolvePartnerGroupOn } from './groups.ts';
import { resolvePartnerGroup } from './store/partner-groups.ts';

describe.each(testDatabaseKinds())('custom partner groups on $name', (kind) => {
  let db: Database;
  let app: App;
  let admin: Client;
  let member: Client;
  beforeAll(async () => {
    db = await openSeededDatabase(kind);
    app = await buildTestApp(db);
    admin = await loggedIn(app, db, 'admin');
    member = await loggedIn(app, db, 'member');
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  const put = (code: string, payload: unknown, headers: Record<string, string> = admin.headers) =>
    app.inject({ method: 'PUT', url: `/api/trade/groups/${code}`, headers, payload: payload as object });

  it('lets an admin define a group that partners= then resolves, without the reporter', async () => {
    const saved = await put('CENTRAL_ASIA', { name: 'Central Asia', members: ['UZB', 'KAZ', 'KGZ', 'TJK', 'TKM'] });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toEqual({ code: 'CENTRAL_ASIA', name: 'Central Asia', members: ['KAZ', 'KGZ', 'TJK', 'TKM', 'UZB'] });
    const group = await resolvePartnerGroup(db, 'central_asia', 'KAZ', '2021-12-31');
    expect(group.members).toEqual(['KGZ', 'TJK', 'TKM', 'UZB']);
    const listed = (await app.inject('/api/trade/groups')).json<{ groups: { code: string }[]; statusGroups: Record<string, string[]> }>();
    expect(listed.groups.map((g) => g.code)).toContain('CENTRAL_ASIA');
    expect(listed.statusGroups.SCO_OBSERVERS).toEqual(['observer']);
  });

  it('replaces a group on a second PUT and deletes it', async () => {
    await put('CASPIAN', { name: 'Caspian', members: ['RUS', 'KAZ'] });
    expect((await put('CASPIAN', { name: 'Caspian states', members: ['RUS', 'KAZ', 'IRN', 'AZE', 'TKM'] })).json()).toMatchObject({ members: ['AZE', 'IRN', 'KAZ', 'RUS', 'TKM'] });
    expect((await app.inject({ method: 'DELETE', url: '/api/trade/groups/CASPIAN', headers: admin.headers })).statusCode).toBe(204);
    const again = await app.inject({ method: 'DELETE', url: '/api/trade/groups/CASPIAN', headers: admin.headers });
    expect([again.statusCode, errorCode(again)]).toEqual([404, 'GROUP_NOT_FOUND']);
  });

  it('keeps the registry-defined codes and the world reserved', async () => {
    for (const code of ['SCO_MEMBERS', 'SCO_PARTNERS']) {
      const response = await put(code, { name: 'Not allowed', members: ['RUS'] });
      expect([response.statusCode, errorCode(response)]).toEqual([409, 'GROUP_RESERVED']);
    }
  });

  it('validates codes and members', async () => {
    const isoLike = await put('KAZ', { name: 'Looks like a country', members: ['RUS'] });
    expect([isoLike.statusCode, errorCode(isoLike)]).toEqual([400, 'VALIDATION_FAILED']);
    const badMember = await put('SOME_GROUP', { name: 'Bad', members: ['russia'] });
    expect([badMember.statusCode, errorCode(badMember)]).toEqual([400, 'VALIDATION_FAILED']);
    const empty = await put('SOME_GROUP', { name: 'Empty', members: [] });
    expect([empty.statusCode, errorCode(empty)]).toEqual([400, 'VALIDATION_FAILED']);
  });

  describe('resolved on several dates at once', () => {
    /** Each side of every change of status: India and Pakistan 2017, Iran 2023, Belarus 2024, Tianjin 2025. */
    const DATES = ['2001-12-31', '2017-06-08', '2017-06-09', '2022-09-30', '2023-07-04', '2024-12-31', '2025-08-31', '2025-09-01'];

    it.each([
      ['SCO', 'USA'],
      ['sco_members_other', 'CHN'],
      ['SCO_OBSERVERS', 'USA'],
      ['SCO_PARTNERS', 'TUR'],
      ['SCO_FAMILY', 'IRN'],
      ['CENTRAL_ASIA', 'KAZ'],
      ['RUS,KAZ,RUS', 'CHN'],
      ['WLD', 'CHN'],
    ])('gives %s (reporter %s) on each date as resolving it on that date does', async (code, reporter) => {
      const oneByOne = await Promise.all(DATES.map((asOf) => resolvePartnerGroup(db, code, reporter, asOf)));
      expect(await resolvePartnerGroupOn(db, code, reporter, DATES)).toEqual(oneByOne);
    });

    it('gives the SCO of each date: six founders, eight from 2017, ten by the end of 2024', async () => {
      const groups = await resolvePartnerGroupOn(db, 'SCO', 'USA', ['2001-12-31', '2017-12-31', '2024-12-31']);
      expect(groups.map((g) => g.members.length)).toEqual([6, 8, 10]);
    });

    it('rejects a code that is no group, and asks nothing for no dates', async () => {
      await expect(resolvePartnerGroupOn(db, 'NO_SUCH_GROUP', 'USA', DATES)).rejects.toMatchObject({ code: 'UNKNOWN_PARTNER_GROUP' });
      expect(await resolvePartnerGroupOn(db, 'SCO', 'USA', [])).toEqual([]);
    });
  });

  it('is for admins only', async () => {
    const anonymous = await put('TEST_GROUP', { name: 'x', members: ['RUS'] }, {});
    expect([anonymous.statusCode, errorCode(anonymous)]).toEqual([401, 'NOT_AUTHENTICATED']);
    const forbidden = await put('TEST_GROUP', { name: 'x', members: ['RUS'] }, member.headers);
    expect([forbidden.statusCode, errorCode(forbidden)]).toEqual([403, 'FORBIDDEN']);
    const deleteForbidden = await app.inject({ method: 'DELETE', url: '/api/trade/groups/CENTRAL_ASIA', headers: member.headers });
    expect(deleteForbidden.statusCode).toBe(403);
  });
});
