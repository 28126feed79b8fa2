import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/database.ts';
import { migrate } from '../../../db/migrate.ts';
import { loadReferenceData } from '../../../db/reference.ts';
import { testDatabaseKinds } from '../../../db/testing.ts';
import { listIndicators, updateIndicator } from '../indicators.ts';
import type { Status } from '../model.ts';
import { overview } from '../overview.ts';
import { getState, listStates, renameState } from '../states.ts';
import { parseSourceDate, statusAsOf } from '../status-history.ts';
import { ReferenceDataError, readNameOverrides, readSeedIndicators, readStatusHistory } from './load.ts';

const history = await readStatusHistory();
const seed = await readSeedIndicators();
const stateCodes = [...new Set(history.map((row) => row.iso3))].sort();

const FOUNDERS = ['CHN', 'KAZ', 'KGZ', 'RUS', 'TJK', 'UZB'];
const MEMBERS_2022 = [...FOUNDERS, 'IND', 'PAK'].sort();
const MEMBERS_2025 = [...MEMBERS_2022, 'BLR', 'IRN'].sort();

async function count(db: Database, table: 'states' | 'state_statuses' | 'indicators'): Promise<number> {
  const [row] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
  return row!.n;
}

async function counts(db: Database) {
  return { states: await count(db, 'states'), statuses: await count(db, 'state_statuses'), indicators: await count(db, 'indicators') };
}

async function codesWithStatus(db: Database, status: Status, asOf: string): Promise<string[]> {
  return (await listStates(db, { asOf, status })).map((state) => state.iso3).sort();
}

describe.each(testDatabaseKinds())('organisation reference data on $name', (kind) => {
  let db: Database;
  let firstLoad: Record<string, Record<string, number>>;

  beforeAll(async () => {
    db = await kind.open();
    await migrate(db);
    firstLoad = await loadReferenceData(db);
  });

  afterAll(async () => {
    await db?.close();
  });

  describe('the first load', () => {
    it('reports how many states, status entries and indicators it inserted', () => {
      expect(stateCodes.length).toBeGreaterThan(0);
      expect(firstLoad.org).toEqual({ states: stateCodes.length, statuses: history.length, indicators: seed.length });
    });

    it('loads every state named in the status history, with its ISO codes and names', async () => {
      const rows = await db.query<{ iso3: string; iso2: string; m49: string; name_en: string }>(
        'SELECT iso3, iso2, m49, name_en FROM states ORDER BY iso3',
      );
      expect(rows.map((row) => row.iso3)).toEqual(stateCodes);
      expect(rows.find((row) => row.iso3 === 'AFG')).toEqual({ iso3: 'AFG', iso2: 'AF', m49: '004', name_en: 'Afghanistan' });
    });

    it('loads every status row of the CSV with its date, precision, event and source', async () => {
      const rows = await db.query<{ iso3: string; status: string; since: string | null; since_precision: string; event: string; source: string }>(
        'SELECT iso3, status, since::text AS since, since_precision, event, source FROM state_statuses',
      );
      const key = (row: { iso3: string; status: string; since: string | null }) => `${row.iso3} ${row.status} ${row.since ?? '-'}`;
      const expected = history.map((row) => {
        const { since, sincePrecision } = parseSourceDate(row.since);
        return { iso3: row.iso3, status: row.status, since, since_precision: sincePrecision, event: row.event, source: row.source };
      });
      expect([...rows].sort((a, b) => key(a).localeCompare(key(b)))).toEqual(expected.sort((a, b) => key(a).localeCompare(key(b))));
    });

    it('keeps the precision of the sources: year-only dates for Belarus, no date for Afghanistan as observer', async () => {
      const belarus = await getState(db, 'BLR');
      expect(belarus.history.map((e) => [e.status, e.since, e.sincePrecision])).toEqual([
        ['dialogue_partner', '2010-01-01', 'year'],
        ['observer', '2015-01-01', 'year'],
        ['accession_in_progress', '2022-09-16', 'day'],
        ['member', '2024-07-04', 'day'],
      ]);
      const afghanistan = await getState(db, 'AFG');
      expect(afghanistan.history[0]).toMatchObject({ status: 'observer', since: null, sincePrecision: 'unknown' });
    });

    it('uses the sourced short names where the ISO data gives only a long form', async () => {
      const overrides = await readNameOverrides();
      expect(overrides.get('CHN')).toEqual({ ru: 'Китай' });
      for (const [iso3, names] of overrides) {
        expect((await getState(db, iso3)).names, iso3).toMatchObject(names);
      }
    });

    it('loads every seed indicator as published, with its value as an exact decimal string', async () => {
      const loaded = await listIndicators(db);
      expect(loaded.map((i) => i.key).sort()).toEqual(seed.map((i) => i.key).sort());
      for (const figure of seed) {
        expect(loaded.find((i) => i.key === figure.key), figure.key).toEqual({ id: expect.any(String) as unknown, ...figure });
      }
    });
  });

  describe('loading again', () => {
    it('inserts nothing and leaves every row count unchanged', async () => {
      const before = await counts(db);
      expect(before).toEqual({ states: stateCodes.length, statuses: history.length, indicators: seed.length });
      const second = await loadReferenceData(db);
      expect(second.org).toEqual({ states: 0, statuses: 0, indicators: 0 });
      expect(await counts(db)).toEqual(before);
    });

    it("keeps an admin's correction of a reference indicator", async () => {
      const [original] = await listIndicators(db, { metric: 'trade_value', reporter: 'CHN', period: '2021' });
      expect(original?.value).toBe('343300000000');
      const corrected = await updateIndicator(db, original!.id, { value: '343312345678.9', qualifier: 'about' });
      await loadReferenceData(db);
      const [after] = await listIndicators(db, { metric: 'trade_value', reporter: 'CHN', period: '2021' });
      expect(after).toEqual(corrected);
      expect(after).toMatchObject({ value: '343312345678.9', qualifier: 'about' });
      expect(await count(db, 'indicators')).toBe(seed.length);
    });

    it("keeps an admin's correction of a state's name", async () => {
      await renameState(db, 'KGZ', { en: 'Kyrgyz Republic' });
      await loadReferenceData(db);
      expect((await getState(db, 'KGZ')).names.en).toBe('Kyrgyz Republic');
      expect(await count(db, 'states')).toBe(stateCodes.length);
    });
  });

  describe('the facts it records', () => {
    it('dates the founding of the SCO to 15 June 2001, with the source of that entry', async () => {
      const founding = history.find((row) => row.iso3 === 'CHN' && row.status === 'member')!;
      expect((await overview(db, '2022-09-30')).founded).toEqual({ date: '2001-06-15', source: founding.source });
    });

    it('has the six founders and no one else as members on the founding day', async () => {
      expect(await codesWithStatus(db, 'member', '2001-06-15')).toEqual(FOUNDERS);
      expect(await codesWithStatus(db, 'member', '2001-06-14')).toEqual([]);
    });

    it('has eight members on 30 September 2022: the founders, India and Pakistan', async () => {
      expect(await codesWithStatus(db, 'member', '2022-09-30')).toEqual(MEMBERS_2022);
      expect((await overview(db, '2022-09-30')).counts.member).toBe(8);
    });

    it('has Iran in accession on 30 September 2022, and a member from 4 July 2023', async () => {
      const iran = await getState(db, 'IRN');
      expect(statusAsOf(iran.history, '2022-09-30')).toBe('accession_in_progress');
      expect(statusAsOf(iran.history, '2023-07-03')).toBe('accession_in_progress');
      expect(statusAsOf(iran.history, '2023-07-04')).toBe('member');
    });

    it('has Saudi Arabia, Egypt and Qatar as dialogue partners on 30 September 2022', async () => {
      const partners = await codesWithStatus(db, 'dialogue_partner', '2022-09-30');
      expect(partners).toEqual(expect.arrayContaining(['EGY', 'QAT', 'SAU']));
      for (const iso3 of ['SAU', 'EGY', 'QAT']) {
        expect(statusAsOf((await getState(db, iso3)).history, '2022-09-30'), iso3).toBe('dialogue_partner');
      }
    });

    it('has ten members on 2 September 2025, Belarus and Iran among them', async () => {
      expect(await codesWithStatus(db, 'member', '2025-09-02')).toEqual(MEMBERS_2025);
    });

    it('makes every former observer and dialogue partner an SCO partner from the Tianjin summit', async () => {
      const before = await listStates(db, { asOf: '2025-08-31' });
      const former = before
        .filter((state) => ['observer', 'dialogue_partner'].includes(statusAsOf(state.history, '2025-08-31') ?? ''))
        .map((state) => state.iso3)
        .sort();
      expect(former).toEqual(expect.arrayContaining(['AFG', 'MNG', 'SAU', 'EGY', 'QAT', 'TUR']));
      expect(await codesWithStatus(db, 'partner', '2025-09-02')).toEqual([...former, 'LAO'].sort());
      const { counts: after } = await overview(db, '2025-09-02');
      expect(after).toEqual({ member: 10, accession_in_progress: 0, observer: 0, dialogue_partner: 0, partner: former.length + 1 });
    });
  });
});

describe('readStatusHistory', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sco-status-history-'));
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads the shipped CSV, every row with a known status', () => {
    expect(history.length).toBeGreaterThan(0);
    expect(history.find((row) => row.iso3 === 'IRN' && row.status === 'member')).toMatchObject({ since: '2023-07-04', event: 'accession completed' });
  });

  it('trims the fields of a well-formed file', async () => {
    const file = join(dir, 'well-formed.csv');
    await writeFile(file, 'iso3,status,since,event,source\n NOR , observer , 2015 , test fixture , https://example.org/fixture \n');
    expect(await readStatusHistory(pathToFileURL(file))).toEqual([
      { iso3: 'NOR', status: 'observer', since: '2015', event: 'test fixture', source: 'https://example.org/fixture' },
    ]);
  });

  it('rejects a row with an unknown status, naming the file, the line and the field', async () => {
    const file = join(dir, 'unknown-status.csv');
    await writeFile(
      file,
      [
        'iso3,status,since,event,source',
        'CHN,member,2001-06-15,founding,https://example.org/fixture',
        'NOR,ally,2020-01-01,test fixture,https://example.org/fixture',
        '',
      ].join('\n'),
    );
    const failure = readStatusHistory(pathToFileURL(file));
    await expect(failure).rejects.toBeInstanceOf(ReferenceDataError);
    await expect(failure).rejects.toThrow(`${file}, line 3, field status: unknown status "ally"`);
  });
});

describe('readNameOverrides', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sco-name-overrides-'));
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('gathers the names of one state across languages', async () => {
    const file = join(dir, 'two-languages.csv');
    await writeFile(file, 'iso3,locale,name,source\nNOR,en,Norway (test fixture),https://example.org/fixture\nNOR,ru,Норвегия (тест),https://example.org/fixture\n');
    expect(await readNameOverrides(pathToFileURL(file))).toEqual(new Map([['NOR', { en: 'Norway (test fixture)', ru: 'Норвегия (тест)' }]]));
  });

  it('rejects a row with a language the platform does not speak, naming the file, the line and the field', async () => {
    const file = join(dir, 'unknown-locale.csv');
    await writeFile(file, 'iso3,locale,name,source\nNOR,fr,Norvège,https://example.org/fixture\n');
    const failure = readNameOverrides(pathToFileURL(file));
    await expect(failure).rejects.toBeInstanceOf(ReferenceDataError);
    await expect(failure).rejects.toThrow(`${file}, line 2, field locale: unknown locale "fr"`);
  });
});
