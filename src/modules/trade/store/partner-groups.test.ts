import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/database.ts';
import { openSeededDatabase, testDatabaseKinds } from '../../../db/testing.ts';
import { resolvePartnerGroup } from './partner-groups.ts';

/** A reporter that is in no SCO group, so groups come back whole. */
const OUTSIDER = 'USA';

const FOUNDERS = ['CHN', 'KAZ', 'KGZ', 'RUS', 'TJK', 'UZB'];
const MEMBERS_2017_TO_2023 = ['CHN', 'IND', 'KAZ', 'KGZ', 'PAK', 'RUS', 'TJK', 'UZB'];
const MEMBERS_SINCE_2024 = ['BLR', 'CHN', 'IND', 'IRN', 'KAZ', 'KGZ', 'PAK', 'RUS', 'TJK', 'UZB'];
const DIALOGUE_PARTNERS_2022 = ['ARE', 'ARM', 'AZE', 'BHR', 'EGY', 'KHM', 'KWT', 'LKA', 'MDV', 'MMR', 'NPL', 'QAT', 'SAU', 'TUR'];
/** The single status that replaced observer and dialogue partner at the 2025 Tianjin summit. */
const PARTNERS_SINCE_TIANJIN = ['AFG', 'ARE', 'ARM', 'AZE', 'BHR', 'EGY', 'KHM', 'KWT', 'LAO', 'LKA', 'MDV', 'MMR', 'MNG', 'NPL', 'QAT', 'SAU', 'TUR'];

describe.each(testDatabaseKinds())('partner groups on $name', (kind) => {
  let db: Database;

  beforeAll(async () => {
    db = await openSeededDatabase(kind);
    await db.query('INSERT INTO trade_groups (code, name, members) VALUES ($1, $2, $3)', ['CENTRAL_ASIA', 'Central Asia', ['KAZ', 'KGZ', 'TJK', 'TKM', 'UZB']]);
  });

  afterAll(async () => {
    await db?.close();
  });

  const members = async (code: string, asOf: string, reporter = OUTSIDER) => (await resolvePartnerGroup(db, code, reporter, asOf)).members;

  describe('SCO status groups, as the registry stood on the date', () => {
    it('SCO at the end of 2021 is the eight members: the six founders, India and Pakistan', async () => {
      expect(await resolvePartnerGroup(db, 'SCO', OUTSIDER, '2021-12-31')).toEqual({ code: 'SCO', members: MEMBERS_2017_TO_2023, asOf: '2021-12-31' });
    });

    it('SCO at the end of 2024 is ten members, with Iran and Belarus', async () => {
      expect(await members('SCO', '2024-12-31')).toEqual(MEMBERS_SINCE_2024);
    });

    it('SCO at the end of 2001 is the six founders', async () => {
      expect(await members('SCO', '2001-12-31')).toEqual(FOUNDERS);
    });

    it.each([
      ['2017-06-08', FOUNDERS],
      ['2017-06-09', MEMBERS_2017_TO_2023],
      ['2023-07-03', MEMBERS_2017_TO_2023],
      ['2023-07-04', ['CHN', 'IND', 'IRN', 'KAZ', 'KGZ', 'PAK', 'RUS', 'TJK', 'UZB']],
      ['2024-07-03', ['CHN', 'IND', 'IRN', 'KAZ', 'KGZ', 'PAK', 'RUS', 'TJK', 'UZB']],
      ['2024-07-04', MEMBERS_SINCE_2024],
    ])('counts a new member from the very day it joins: SCO on %s', async (asOf, expected) => {
      expect(await members('SCO', asOf)).toEqual(expected);
    });

    it('SCO_MEMBERS and SCO_MEMBERS_OTHER are the members too', async () => {
      expect(await members('SCO_MEMBERS', '2021-12-31')).toEqual(MEMBERS_2017_TO_2023);
      expect(await members('SCO_MEMBERS_OTHER', '2021-12-31')).toEqual(MEMBERS_2017_TO_2023);
    });

    it('SCO_OBSERVERS on 30 September 2022 is Afghanistan and Mongolia; Belarus was by then in accession', async () => {
      expect(await members('SCO_OBSERVERS', '2022-09-30')).toEqual(['AFG', 'MNG']);
    });

    it('SCO_OBSERVERS on 15 September 2022 still has Belarus, the day before its accession began', async () => {
      expect(await members('SCO_OBSERVERS', '2022-09-15')).toEqual(['AFG', 'BLR', 'MNG']);
    });

    it('SCO_DIALOGUE_PARTNERS on 30 September 2022 is the fourteen dialogue partners of the time', async () => {
      expect(await members('SCO_DIALOGUE_PARTNERS', '2022-09-30')).toEqual(DIALOGUE_PARTNERS_2022);
    });

    it('SCO_FAMILY on 30 September 2022 adds the states in accession to members, observers and dialogue partners', async () => {
      expect(await members('SCO_FAMILY', '2022-09-30')).toEqual(
        [...MEMBERS_2017_TO_2023, 'AFG', 'MNG', 'BLR', 'IRN', ...DIALOGUE_PARTNERS_2022].sort(),
      );
    });

    it('SCO_PARTNERS is empty before the Tianjin summit and the former observers and dialogue partners after it', async () => {
      expect(await members('SCO_PARTNERS', '2025-08-31')).toEqual([]);
      expect(await members('SCO_PARTNERS', '2025-09-01')).toEqual(PARTNERS_SINCE_TIANJIN);
      expect(await members('SCO_OBSERVERS', '2025-09-01')).toEqual([]);
      expect(await members('SCO_DIALOGUE_PARTNERS', '2025-09-01')).toEqual([]);
    });

    it('reads group codes whatever their case and surrounding spaces', async () => {
      const group = await resolvePartnerGroup(db, ' sco_observers ', OUTSIDER, '2022-09-30');
      expect(group).toEqual({ code: 'SCO_OBSERVERS', members: ['AFG', 'MNG'], asOf: '2022-09-30' });
    });
  });

  describe('the reporter is never its own partner', () => {
    it('China reporting on the SCO of 2021 has the seven other members', async () => {
      expect(await members('SCO', '2021-12-31', 'CHN')).toEqual(['IND', 'KAZ', 'KGZ', 'PAK', 'RUS', 'TJK', 'UZB']);
    });

    it('Kazakhstan reporting on a list that names it has the others of the list', async () => {
      expect(await members('KAZ,RUS,CHN', '2021-12-31', 'KAZ')).toEqual(['CHN', 'RUS']);
    });

    it('Kazakhstan reporting on a custom group it belongs to has the other members of the group', async () => {
      expect(await members('CENTRAL_ASIA', '2021-12-31', 'KAZ')).toEqual(['KGZ', 'TJK', 'TKM', 'UZB']);
    });

    it('a reporter asking about itself alone has no partners', async () => {
      expect(await members('RUS', '2021-12-31', 'RUS')).toEqual([]);
    });
  });

  describe('ISO codes, the world and custom groups', () => {
    it('one ISO alpha-3 code is a group of one', async () => {
      expect(await resolvePartnerGroup(db, 'are', 'CHN', '2021-12-31')).toEqual({ code: 'ARE', members: ['ARE'], asOf: '2021-12-31' });
    });

    it('a comma-separated list of ISO codes is those partners, upper-cased and sorted', async () => {
      expect(await resolvePartnerGroup(db, 'rus,kaz,Ind', 'CHN', '2021-12-31')).toEqual({ code: 'RUS,KAZ,IND', members: ['IND', 'KAZ', 'RUS'], asOf: '2021-12-31' });
    });

    it('a list is taken as written, whatever the status of its members on the date', async () => {
      expect(await members('IRN,BLR', '2001-12-31', 'CHN')).toEqual(['BLR', 'IRN']);
    });

    it('WLD is the world as a single partner', async () => {
      expect(await resolvePartnerGroup(db, 'wld', 'CHN', '2021-12-31')).toEqual({ code: 'WLD', members: ['WLD'], asOf: '2021-12-31' });
    });

    it('a custom group is read from trade_groups, by its code in any case', async () => {
      expect(await resolvePartnerGroup(db, 'central_asia', 'CHN', '2021-12-31')).toEqual({
        code: 'CENTRAL_ASIA',
        members: ['KAZ', 'KGZ', 'TJK', 'TKM', 'UZB'],
        asOf: '2021-12-31',
      });
    });

    it('a custom group does not change with the date', async () => {
      expect(await members('CENTRAL_ASIA', '2001-12-31', 'CHN')).toEqual(await members('CENTRAL_ASIA', '2024-12-31', 'CHN'));
    });
  });

  describe('anything else', () => {
    it.each(['SCO_ALLIES', 'NOT_A_GROUP', 'RU', 'RUSS', 'RUS,KA', 'RUS;KAZ', 'RUS,,KAZ', ''])('%j is UNKNOWN_PARTNER_GROUP, naming what was asked', async (code) => {
      await expect(resolvePartnerGroup(db, code, 'CHN', '2021-12-31')).rejects.toMatchObject({ code: 'UNKNOWN_PARTNER_GROUP', params: { partners: code } });
    });
  });
});
