import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, errorCode, loggedIn, type Client } from '../../../test/http.ts';
import type { Database } from '../../db/database.ts';
import { openSeededDatabase, testDatabaseKinds } from '../../db/testing.ts';
import type { App } from '../../http/app-types.ts';
import type { Indicator, State, Status, StatusEntry } from './model.ts';
import { today } from './status-history.ts';

type Method = 'GET' | 'POST' | 'PATCH';

interface PresentedState extends State {
  name: string;
  status: Status | null;
  statusSince: string | null;
}

interface ErrorBody {
  error: { code: string; message: string; details?: { path: string; keyword: string; message: string }[] };
}

interface OverviewBody {
  asOf: string;
  founded: { date: string; source: string } | null;
  counts: Record<Status, number>;
  headline: Indicator[];
}

const FOUNDATION_SOURCE = 'seed 000_58c6f946d9ed608e.txt; https://head-post.com/belarus-joins-sco-becomes-its-10th-member-state';
const MEMBERS_2022_BY_ENGLISH_NAME = ['China', 'India', 'Kazakhstan', 'Kyrgyzstan', 'Pakistan', 'Russia', 'Tajikistan', 'Uzbekistan'];
const NIL_UUID = '00000000-0000-0000-0000-000000000000';
const FIXTURE_SOURCE = 'https://example.org/test-fixture';

/** A figure made up for the tests; only its key varies. */
function fixtureIndicator(key: string): Omit<Indicator, 'id'> {
  return {
    key,
    subject: 'Test fixture: a made-up trade figure',
    metric: 'trade_value',
    reporter: 'CHN',
    partner: 'SCO_MEMBERS_OTHER',
    period: '2021',
    value: '100',
    unit: 'USD',
    qualifier: 'exact',
    basePeriod: null,
    source: FIXTURE_SOURCE,
    quote: 'Not a published figure: a test fixture.',
  };
}

function fixtureStatus(status: Status, since: string | null): { status: Status; since: string | null; event: string; source: string } {
  return { status, since, event: `test fixture: made-up ${status} entry`, source: FIXTURE_SOURCE };
}

function expectError(response: LightMyRequestResponse, status: number, code: string): ErrorBody {
  expect(response.statusCode, response.body).toBe(status);
  expect(errorCode(response)).toBe(code);
  return response.json<ErrorBody>();
}

function expectValidationFailure(response: LightMyRequestResponse, path: string): ErrorBody {
  const body = expectError(response, 400, 'VALIDATION_FAILED');
  expect(body.error.details?.[0]?.path).toBe(path);
  return body;
}

describe.each(testDatabaseKinds())('organisation API on $name', (kind) => {
  let db: Database;
  let app: App;
  let admin: Client;
  let member: Client;
  let provider: Client;
  let seedTradeId: string;

  const request = (method: Method, url: string, options: { payload?: object; headers?: Record<string, string> } = {}) =>
    app.inject({ method, url, ...(options.payload ? { payload: options.payload } : {}), headers: options.headers ?? {} });
  const get = (url: string, headers: Record<string, string> = {}) => request('GET', url, { headers });
  const asAdmin = (method: Exclude<Method, 'GET'>, url: string, payload: object) => request(method, url, { payload, headers: admin.headers });

  async function addTestState(iso3: string): Promise<PresentedState> {
    const response = await asAdmin('POST', '/api/org/states', { iso3 });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<PresentedState>();
  }

  async function addTestIndicator(key: string, changes: Partial<Omit<Indicator, 'id' | 'key'>> = {}): Promise<Indicator> {
    const response = await asAdmin('POST', '/api/org/indicators', { ...fixtureIndicator(key), ...changes });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<Indicator>();
  }

  beforeAll(async () => {
    db = await openSeededDatabase(kind);
    app = await buildTestApp(db);
    admin = await loggedIn(app, db, 'admin');
    member = await loggedIn(app, db, 'member');
    provider = await loggedIn(app, db, 'provider');
    const list = await get('/api/org/indicators?metric=trade_value&reporter=CHN&period=2021');
    seedTradeId = list.json<{ indicators: Indicator[] }>().indicators[0]!.id;
  });

  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  describe('GET /api/org/overview', () => {
    it('gives the founding date with its source, states by status and the headline figures in order', async () => {
      const response = await get('/api/org/overview?asOf=2022-09-30');
      expect(response.statusCode, response.body).toBe(200);
      const body = response.json<OverviewBody>();
      expect(body.asOf).toBe('2022-09-30');
      expect(body.founded).toEqual({ date: '2001-06-15', source: FOUNDATION_SOURCE });
      expect(body.counts).toMatchObject({ member: 8, accession_in_progress: 2 });
      expect(Object.keys(body.counts).sort()).toEqual(['accession_in_progress', 'dialogue_partner', 'member', 'observer', 'partner']);
      expect(body.headline.map((i) => i.metric)).toEqual(['member_states', 'area', 'area_share', 'population', 'population_share', 'gdp', 'gdp_share']);
      expect(body.headline[0]).toMatchObject({ key: 'seed2022.sco.member-states', value: '8', partner: 'SCO_MEMBERS' });
    });

    it('counts ten members and no dialogue partners after the Tianjin summit', async () => {
      const body = (await get('/api/org/overview?asOf=2025-09-02')).json<OverviewBody>();
      expect(body.counts).toMatchObject({ member: 10, accession_in_progress: 0, dialogue_partner: 0 });
    });

    it('describes today when no date is given', async () => {
      const response = await get('/api/org/overview');
      expect(response.statusCode).toBe(200);
      expect(response.json<OverviewBody>().asOf).toBe(today());
    });

    it('rejects a date not of the form YYYY-MM-DD with VALIDATION_FAILED', async () => {
      expectValidationFailure(await get('/api/org/overview?asOf=30.09.2022'), 'querystring.asOf');
    });

    it('rejects a query parameter it does not know with VALIDATION_FAILED', async () => {
      expectValidationFailure(await get('/api/org/overview?status=member'), 'querystring.status');
    });

    it('rejects an impossible calendar date with INVALID_DATE', async () => {
      expectError(await get('/api/org/overview?asOf=2023-02-29'), 400, 'INVALID_DATE');
    });
  });

  describe('GET /api/org/states', () => {
    it('lists every state of the registry with its status today', async () => {
      const response = await get('/api/org/states');
      expect(response.statusCode, response.body).toBe(200);
      const body = response.json<{ asOf: string; states: PresentedState[] }>();
      expect(body.asOf).toBe(today());
      const codes = body.states.map((s) => s.iso3);
      expect(codes).toEqual(expect.arrayContaining(['CHN', 'RUS', 'IRN', 'BLR', 'AFG', 'LAO']));
      expect(body.states.find((s) => s.iso3 === 'BLR')).toMatchObject({ status: 'member', statusSince: '2024-07-04', name: 'Belarus' });
    });

    it('filters by the status in effect on the given date and sorts by name', async () => {
      const response = await get('/api/org/states?status=member&asOf=2022-09-30');
      expect(response.statusCode, response.body).toBe(200);
      const body = response.json<{ asOf: string; states: PresentedState[] }>();
      expect(body.asOf).toBe('2022-09-30');
      expect(body.states.map((s) => s.name)).toEqual(MEMBERS_2022_BY_ENGLISH_NAME);
      for (const state of body.states) expect(state.status).toBe('member');
    });

    it('lists Iran and Belarus as in accession on 30 September 2022', async () => {
      const body = (await get('/api/org/states?status=accession_in_progress&asOf=2022-09-30')).json<{ states: PresentedState[] }>();
      expect(body.states.map((s) => [s.iso3, s.statusSince])).toEqual([
        ['BLR', '2022-09-16'],
        ['IRN', '2021-09-17'],
      ]);
    });

    it('lists the former observers and dialogue partners as partners after the Tianjin summit', async () => {
      const body = (await get('/api/org/states?status=partner&asOf=2025-09-02')).json<{ states: PresentedState[] }>();
      const since = Object.fromEntries(body.states.map((s) => [s.iso3, s.statusSince]));
      for (const iso3 of ['AFG', 'MNG', 'SAU', 'EGY', 'QAT', 'TUR', 'LAO']) expect(since[iso3], iso3).toBe('2025-09-01');
      for (const state of body.states) expect(state.status).toBe('partner');
    });

    it('rejects a status it does not know with VALIDATION_FAILED', async () => {
      expectValidationFailure(await get('/api/org/states?status=ally'), 'querystring.status');
    });

    it('rejects a malformed asOf with VALIDATION_FAILED', async () => {
      expectValidationFailure(await get('/api/org/states?asOf=yesterday'), 'querystring.asOf');
    });

    it('rejects a query parameter it does not know with VALIDATION_FAILED', async () => {
      expectValidationFailure(await get('/api/org/states?colour=red'), 'querystring.colour');
    });

    it('rejects an impossible calendar date with INVALID_DATE', async () => {
      expectError(await get('/api/org/states?asOf=2023-02-30'), 400, 'INVALID_DATE');
    });
  });

  describe('GET /api/org/states/:iso3', () => {
    it('gives one state with its history, accepting a lower-case code', async () => {
      const response = await get('/api/org/states/chn');
      expect(response.statusCode, response.body).toBe(200);
      const state = response.json<PresentedState>();
      expect(state).toMatchObject({ iso3: 'CHN', iso2: 'CN', m49: '156', name: 'China', status: 'member', statusSince: '2001-06-15' });
      expect(state.names).toMatchObject({ en: 'China', 'zh-Hans': '中国', 'zh-Hant': '中國' });
      expect(state.history).toEqual([
        expect.objectContaining({ status: 'member', since: '2001-06-15', sincePrecision: 'day', event: 'founding of the SCO in Shanghai', source: FOUNDATION_SOURCE }),
      ]);
    });

    it('gives the status in effect on asOf', async () => {
      const before = (await get('/api/org/states/IRN?asOf=2022-09-30')).json<PresentedState>();
      expect(before).toMatchObject({ status: 'accession_in_progress', statusSince: '2021-09-17' });
      const after = (await get('/api/org/states/IRN?asOf=2023-07-04')).json<PresentedState>();
      expect(after).toMatchObject({ status: 'member', statusSince: '2023-07-04' });
    });

    it('gives no status before the first dated entry', async () => {
      expect((await get('/api/org/states/IRN?asOf=2021-09-16')).json<PresentedState>()).toMatchObject({ status: null, statusSince: null });
    });

    it('answers 404 STATE_NOT_FOUND for a state the registry does not have', async () => {
      const body = expectError(await get('/api/org/states/NZL'), 404, 'STATE_NOT_FOUND');
      expect(body.error.message).toBe('The registry has no state NZL.');
    });

    it('rejects a code that is not three letters with VALIDATION_FAILED', async () => {
      expectValidationFailure(await get('/api/org/states/C1N'), 'params.iso3');
      expectValidationFailure(await get('/api/org/states/CHINA'), 'params.iso3');
    });

    it('rejects a malformed asOf with VALIDATION_FAILED', async () => {
      expectValidationFailure(await get('/api/org/states/CHN?asOf=2022-9-30'), 'querystring.asOf');
    });
  });

  describe('POST /api/org/states', () => {
    it('adds a state with its ISO codes and the ISO 3166 names in each language', async () => {
      const response = await asAdmin('POST', '/api/org/states', { iso3: 'isl' });
      expect(response.statusCode, response.body).toBe(201);
      expect(response.json<PresentedState>()).toEqual({
        iso3: 'ISL',
        iso2: 'IS',
        m49: '352',
        name: 'Iceland',
        names: { en: 'Iceland', ru: 'Исландия', 'zh-Hans': '冰岛', 'zh-Hant': '冰島' },
        status: null,
        statusSince: null,
        history: [],
      });
      expect((await get('/api/org/states/ISL')).statusCode).toBe(200);
    });

    it('takes names given with the state in place of the ISO ones', async () => {
      const response = await asAdmin('POST', '/api/org/states', { iso3: 'LIE', names: { en: 'Liechtenstein (test fixture)' } });
      expect(response.statusCode, response.body).toBe(201);
      expect(response.json<PresentedState>().names).toEqual({
        en: 'Liechtenstein (test fixture)',
        ru: 'Лихтенштейн',
        'zh-Hans': '列支敦士登',
        'zh-Hant': '列支敦斯登',
      });
    });

    it('answers 409 STATE_EXISTS for a state already in the registry, whatever the case of its code', async () => {
      const body = expectError(await asAdmin('POST', '/api/org/states', { iso3: 'chn' }), 409, 'STATE_EXISTS');
      expect(body.error.message).toBe('The registry already has state CHN.');
    });

    it('answers 400 UNKNOWN_COUNTRY for a code ISO 3166 does not assign', async () => {
      expectError(await asAdmin('POST', '/api/org/states', { iso3: 'XXX' }), 400, 'UNKNOWN_COUNTRY');
      expect((await get('/api/org/states/XXX')).statusCode).toBe(404);
    });

    it('rejects a field it does not know with VALIDATION_FAILED', async () => {
      expectValidationFailure(await asAdmin('POST', '/api/org/states', { iso3: 'SMR', capital: 'San Marino' }), 'body.capital');
    });

    it('rejects an alpha-2 code with VALIDATION_FAILED', async () => {
      expectValidationFailure(await asAdmin('POST', '/api/org/states', { iso3: 'SM' }), 'body.iso3');
    });

    it('rejects a body without a code with VALIDATION_FAILED', async () => {
      expectValidationFailure(await asAdmin('POST', '/api/org/states', {}), 'body.iso3');
    });
  });

  describe('PATCH /api/org/states/:iso3', () => {
    it("corrects the names given and keeps the others", async () => {
      await addTestState('AND');
      const response = await asAdmin('PATCH', '/api/org/states/and', { names: { ru: 'Андорра (тест)', 'zh-Hant': '安道爾（測試）' } });
      expect(response.statusCode, response.body).toBe(200);
      const expected = { en: 'Andorra', ru: 'Андорра (тест)', 'zh-Hans': '安道尔', 'zh-Hant': '安道爾（測試）' };
      expect(response.json<PresentedState>()).toMatchObject({ iso3: 'AND', names: expected });
      expect((await get('/api/org/states/AND?lang=ru')).json<PresentedState>()).toMatchObject({ name: 'Андорра (тест)', names: expected });
    });

    it('answers 404 STATE_NOT_FOUND for a state the registry does not have', async () => {
      expectError(await asAdmin('PATCH', '/api/org/states/NZL', { names: { en: 'New Zealand' } }), 404, 'STATE_NOT_FOUND');
    });

    it('rejects a language it does not know with VALIDATION_FAILED', async () => {
      expectValidationFailure(await asAdmin('PATCH', '/api/org/states/CHN', { names: { fr: 'Chine' } }), 'body.names.fr');
    });

    it('rejects an empty name with VALIDATION_FAILED', async () => {
      expectValidationFailure(await asAdmin('PATCH', '/api/org/states/CHN', { names: { en: '' } }), 'body.names.en');
    });

    it('rejects a body without names with VALIDATION_FAILED', async () => {
      expectValidationFailure(await asAdmin('PATCH', '/api/org/states/CHN', {}), 'body.names');
    });
  });

  describe('POST /api/org/states/:iso3/statuses', () => {
    it("records a change of status and the state's current status follows it", async () => {
      expect((await addTestState('NOR')).status).toBeNull();

      const first = await asAdmin('POST', '/api/org/states/NOR/statuses', fixtureStatus('dialogue_partner', '2015'));
      expect(first.statusCode, first.body).toBe(201);
      expect(first.json<StatusEntry>()).toEqual({
        id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/) as unknown,
        status: 'dialogue_partner',
        since: '2015-01-01',
        sincePrecision: 'year',
        event: 'test fixture: made-up dialogue_partner entry',
        source: FIXTURE_SOURCE,
      });
      expect((await get('/api/org/states/NOR')).json<PresentedState>()).toMatchObject({ status: 'dialogue_partner', statusSince: '2015-01-01' });

      const second = await asAdmin('POST', '/api/org/states/nor/statuses', fixtureStatus('observer', '2016-05-10'));
      expect(second.statusCode, second.body).toBe(201);
      expect(second.json<StatusEntry>()).toMatchObject({ since: '2016-05-10', sincePrecision: 'day' });

      const now = (await get('/api/org/states/NOR')).json<PresentedState>();
      expect(now).toMatchObject({ status: 'observer', statusSince: '2016-05-10' });
      expect(now.history.map((e) => e.status)).toEqual(['dialogue_partner', 'observer']);
      expect((await get('/api/org/states/NOR?asOf=2015-06-01')).json<PresentedState>().status).toBe('dialogue_partner');
      expect((await get('/api/org/states/NOR?asOf=2014-12-31')).json<PresentedState>().status).toBeNull();
    });

    it('stores a year-only date as 1 January with year precision', async () => {
      await addTestState('MCO');
      const response = await asAdmin('POST', '/api/org/states/MCO/statuses', fixtureStatus('observer', '2015'));
      expect(response.statusCode, response.body).toBe(201);
      expect(response.json<StatusEntry>()).toMatchObject({ since: '2015-01-01', sincePrecision: 'year' });
      const [stored] = await db.query<{ since: string; since_precision: string }>(
        "SELECT since::text AS since, since_precision FROM state_statuses WHERE iso3 = 'MCO'",
      );
      expect(stored).toEqual({ since: '2015-01-01', since_precision: 'year' });
    });

    it('stores a change no source dates without a date, in effect before every dated one', async () => {
      await addTestState('SMR');
      await asAdmin('POST', '/api/org/states/SMR/statuses', fixtureStatus('partner', '2020-01-01'));
      const response = await asAdmin('POST', '/api/org/states/SMR/statuses', fixtureStatus('observer', null));
      expect(response.statusCode, response.body).toBe(201);
      expect(response.json<StatusEntry>()).toMatchObject({ status: 'observer', since: null, sincePrecision: 'unknown' });
      const state = (await get('/api/org/states/SMR?asOf=1999-01-01')).json<PresentedState>();
      expect(state).toMatchObject({ status: 'observer', statusSince: null });
      expect(state.history.map((e) => e.since)).toEqual([null, '2020-01-01']);
    });

    it('answers 409 STATUS_ENTRY_EXISTS for an entry the state already has', async () => {
      const response = await asAdmin('POST', '/api/org/states/CHN/statuses', fixtureStatus('member', '2001-06-15'));
      const body = expectError(response, 409, 'STATUS_ENTRY_EXISTS');
      expect(body.error.message).toBe('CHN already has status member from 2001-06-15.');
    });

    it('answers 404 STATE_NOT_FOUND for a state the registry does not have', async () => {
      expectError(await asAdmin('POST', '/api/org/states/NZL/statuses', fixtureStatus('observer', '2020-01-01')), 404, 'STATE_NOT_FOUND');
    });

    it('answers 400 INVALID_DATE for an impossible date', async () => {
      expectError(await asAdmin('POST', '/api/org/states/CHN/statuses', fixtureStatus('observer', '2023-02-29')), 400, 'INVALID_DATE');
      expectError(await asAdmin('POST', '/api/org/states/CHN/statuses', fixtureStatus('observer', '0000')), 400, 'INVALID_DATE');
      const china = (await get('/api/org/states/CHN')).json<PresentedState>();
      expect(china.history.map((e) => e.status)).toEqual(['member']);
    });

    it('rejects a status it does not know with VALIDATION_FAILED', async () => {
      expectValidationFailure(await asAdmin('POST', '/api/org/states/CHN/statuses', { ...fixtureStatus('observer', '2020-01-01'), status: 'ally' }), 'body.status');
    });

    it('rejects a date in another form with VALIDATION_FAILED', async () => {
      expectValidationFailure(await asAdmin('POST', '/api/org/states/CHN/statuses', fixtureStatus('observer', '15.06.2001')), 'body.since');
    });

    it('rejects a field it does not know with VALIDATION_FAILED', async () => {
      expectValidationFailure(
        await asAdmin('POST', '/api/org/states/CHN/statuses', { ...fixtureStatus('observer', '2020-01-01'), note: 'extra' }),
        'body.note',
      );
    });

    it('rejects an entry without a source with VALIDATION_FAILED', async () => {
      const { source: _source, ...withoutSource } = fixtureStatus('observer', '2020-01-01');
      expectValidationFailure(await asAdmin('POST', '/api/org/states/CHN/statuses', withoutSource), 'body.source');
    });

    it('rejects a code that is not three letters with VALIDATION_FAILED', async () => {
      expectValidationFailure(await asAdmin('POST', '/api/org/states/C1N/statuses', fixtureStatus('observer', '2020-01-01')), 'params.iso3');
    });
  });

  describe('GET /api/org/indicators', () => {
    it('lists the published figures with their sources and quotes', async () => {
      const response = await get('/api/org/indicators');
      expect(response.statusCode, response.body).toBe(200);
      const { indicators } = response.json<{ indicators: Indicator[] }>();
      expect(indicators.length).toBeGreaterThanOrEqual(27);
      const keys = indicators.map((i) => i.key);
      expect(keys).toEqual([...keys].sort());
      expect(indicators.find((i) => i.key === 'seed2022.sco.gdp.2021')).toMatchObject({ value: '23000000000000', unit: 'USD', source: 'seed 000_58c6f946d9ed608e.txt' });
    });

    it('filters by metric, reporter, partner and period', async () => {
      const response = await get('/api/org/indicators?metric=trade_value&reporter=CHN&partner=SCO_MEMBERS_OTHER&period=2022-01%2F2022-07');
      const { indicators } = response.json<{ indicators: Indicator[] }>();
      expect(indicators.map((i) => [i.key, i.value])).toEqual([['seed2022.chn-sco.trade.2022-jan-jul', '226800000000']]);
    });

    it('answers an empty list when nothing matches', async () => {
      expect((await get('/api/org/indicators?metric=no_such_metric')).json()).toEqual({ indicators: [] });
    });

    it('rejects a query parameter it does not know with VALIDATION_FAILED', async () => {
      expectValidationFailure(await get('/api/org/indicators?unit=USD'), 'querystring.unit');
    });
  });

  describe('GET /api/org/indicators/:id', () => {
    it('gives one published figure', async () => {
      const response = await get(`/api/org/indicators/${seedTradeId}`);
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json<Indicator>()).toMatchObject({ id: seedTradeId, key: 'seed2022.chn-sco.trade.2021', value: '343300000000', basePeriod: null });
    });

    it.each([NIL_UUID, 'not-an-id', '-'.repeat(36)])('answers 404 INDICATOR_NOT_FOUND for the id %s', async (id) => {
      const body = expectError(await get(`/api/org/indicators/${id}`), 404, 'INDICATOR_NOT_FOUND');
      expect(body.error.message).toBe(`No reported indicator has id ${id}.`);
    });

    it('rejects an id longer than 64 characters with VALIDATION_FAILED', async () => {
      expectValidationFailure(await get(`/api/org/indicators/${'a'.repeat(65)}`), 'params.id');
    });
  });

  describe('POST /api/org/indicators', () => {
    it('adds a figure and keeps its value as the exact decimal given', async () => {
      const response = await asAdmin('POST', '/api/org/indicators', { ...fixtureIndicator('test.fixture.trade.exact'), value: '343300000000.5' });
      expect(response.statusCode, response.body).toBe(201);
      const created = response.json<Indicator>();
      expect(created).toEqual({ id: expect.any(String) as unknown, ...fixtureIndicator('test.fixture.trade.exact'), value: '343300000000.5' });
      expect((await get(`/api/org/indicators/${created.id}`)).json<Indicator>()).toEqual(created);
    });

    it('keeps more digits than a floating-point number holds', async () => {
      const created = await addTestIndicator('test.fixture.trade.many-digits', { value: '12345678901234567890.123456789' });
      expect(created.value).toBe('12345678901234567890.123456789');
      expect((await get(`/api/org/indicators/${created.id}`)).json<Indicator>().value).toBe('12345678901234567890.123456789');
    });

    it('stores a figure without a base period as having none', async () => {
      const created = await addTestIndicator('test.fixture.trade.no-base', { basePeriod: null });
      expect(created.basePeriod).toBeNull();
      const [stored] = await db.query<{ missing: boolean }>('SELECT base_period IS NULL AS missing FROM indicators WHERE id = $1', [created.id]);
      expect(stored?.missing).toBe(true);
    });

    it('stores a base period when one is given', async () => {
      const created = await addTestIndicator('test.fixture.trade-growth', { metric: 'trade_growth_yoy', unit: 'percent', basePeriod: '2020' });
      expect(created.basePeriod).toBe('2020');
    });

    it('answers 409 INDICATOR_KEY_TAKEN for a key another figure has', async () => {
      const body = expectError(await asAdmin('POST', '/api/org/indicators', fixtureIndicator('seed2022.chn-sco.trade.2021')), 409, 'INDICATOR_KEY_TAKEN');
      expect(body.error.message).toBe('An indicator with key seed2022.chn-sco.trade.2021 already exists.');
    });

    it.each(['2022-13', '2022-07/2022-01', '2022/2022-07'])('answers 400 INVALID_PERIOD for the period %s', async (period) => {
      const key = `test.fixture.bad-period.${period.replace(/\//g, '-')}`;
      expectError(await asAdmin('POST', '/api/org/indicators', { ...fixtureIndicator(key), period }), 400, 'INVALID_PERIOD');
      expect((await get('/api/org/indicators?metric=trade_value&period=' + encodeURIComponent(period))).json()).toEqual({ indicators: [] });
    });

    it('answers 400 INVALID_PERIOD for a bad base period', async () => {
      expectError(await asAdmin('POST', '/api/org/indicators', { ...fixtureIndicator('test.fixture.bad-base'), basePeriod: 'a/b/c' }), 400, 'INVALID_PERIOD');
    });

    it('rejects a field it does not know with VALIDATION_FAILED', async () => {
      expectValidationFailure(await asAdmin('POST', '/api/org/indicators', { ...fixtureIndicator('test.fixture.extra'), currency: 'USD' }), 'body.currency');
    });

    it('rejects a value in scientific notation with VALIDATION_FAILED', async () => {
      expectValidationFailure(await asAdmin('POST', '/api/org/indicators', { ...fixtureIndicator('test.fixture.sci'), value: '3.433e11' }), 'body.value');
    });

    it('rejects a key with capitals with VALIDATION_FAILED', async () => {
      expectValidationFailure(await asAdmin('POST', '/api/org/indicators', fixtureIndicator('Test.Fixture')), 'body.key');
    });

    it('rejects a figure without a quote with VALIDATION_FAILED', async () => {
      const { quote: _quote, ...withoutQuote } = fixtureIndicator('test.fixture.no-quote');
      expectValidationFailure(await asAdmin('POST', '/api/org/indicators', withoutQuote), 'body.quote');
    });
  });

  describe('PATCH /api/org/indicators/:id', () => {
    it('corrects a figure, its value staying an exact decimal string', async () => {
      const created = await addTestIndicator('test.fixture.patched');
      const response = await asAdmin('PATCH', `/api/org/indicators/${created.id}`, { value: '343300000000.5', qualifier: 'about' });
      expect(response.statusCode, response.body).toBe(200);
      const expected = { ...created, value: '343300000000.5', qualifier: 'about' };
      expect(response.json<Indicator>()).toEqual(expected);
      expect((await get(`/api/org/indicators/${created.id}`)).json<Indicator>()).toEqual(expected);
    });

    it('clears a base period set to null', async () => {
      const created = await addTestIndicator('test.fixture.base-cleared', { metric: 'trade_growth_yoy', unit: 'percent', basePeriod: '2020' });
      const response = await asAdmin('PATCH', `/api/org/indicators/${created.id}`, { basePeriod: null });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json<Indicator>().basePeriod).toBeNull();
    });

    it('answers 400 INVALID_PERIOD for a bad period and leaves the figure as it was', async () => {
      const created = await addTestIndicator('test.fixture.bad-patch');
      expectError(await asAdmin('PATCH', `/api/org/indicators/${created.id}`, { period: '2022-07/2022-01' }), 400, 'INVALID_PERIOD');
      expectError(await asAdmin('PATCH', `/api/org/indicators/${created.id}`, { period: '2022-13', value: '1' }), 400, 'INVALID_PERIOD');
      expect((await get(`/api/org/indicators/${created.id}`)).json<Indicator>()).toEqual(created);
    });

    it('answers 404 INDICATOR_NOT_FOUND for an id no figure has', async () => {
      expectError(await asAdmin('PATCH', `/api/org/indicators/${NIL_UUID}`, { value: '1' }), 404, 'INDICATOR_NOT_FOUND');
    });

    it('rejects a change of key with VALIDATION_FAILED', async () => {
      expectValidationFailure(await asAdmin('PATCH', `/api/org/indicators/${seedTradeId}`, { key: 'seed2022.renamed' }), 'body.key');
    });

    it('rejects an empty body with VALIDATION_FAILED', async () => {
      expectValidationFailure(await asAdmin('PATCH', `/api/org/indicators/${seedTradeId}`, {}), 'body');
    });

    it('rejects a value that is not a decimal with VALIDATION_FAILED', async () => {
      expectValidationFailure(await asAdmin('PATCH', `/api/org/indicators/${seedTradeId}`, { value: '343,3' }), 'body.value');
    });
  });

  describe('language', () => {
    it('names states in Russian with ?lang=ru', async () => {
      const body = (await get('/api/org/states?status=member&asOf=2022-09-30&lang=ru')).json<{ states: PresentedState[] }>();
      const names = Object.fromEntries(body.states.map((s) => [s.iso3, s.name]));
      expect(names).toEqual({
        CHN: 'Китай',
        RUS: 'Россия',
        KAZ: 'Казахстан',
        KGZ: 'Кыргызстан',
        IND: 'Индия',
        PAK: 'Пакистан',
        TJK: 'Таджикистан',
        UZB: 'Узбекистан',
      });
      expect(body.states.map((s) => s.name)).toEqual(body.states.map((s) => s.name).sort((a, b) => a.localeCompare(b, 'ru')));
    });

    it('names states in Traditional Chinese for Accept-Language: zh-TW', async () => {
      const headers = { 'accept-language': 'zh-TW' };
      expect((await get('/api/org/states/CHN', headers)).json<PresentedState>().name).toBe('中國');
      expect((await get('/api/org/states/RUS', headers)).json<PresentedState>().name).toBe('俄羅斯');
    });

    it('names states in Simplified Chinese for Accept-Language: zh-CN', async () => {
      expect((await get('/api/org/states/RUS', { 'accept-language': 'zh-CN' })).json<PresentedState>().name).toBe('俄罗斯');
    });

    it('lets ?lang override Accept-Language', async () => {
      expect((await get('/api/org/states/RUS?lang=ru', { 'accept-language': 'zh-TW' })).json<PresentedState>().name).toBe('Россия');
    });

    it('gives error messages in Russian with ?lang=ru', async () => {
      expect(expectError(await get('/api/org/states/NZL?lang=ru'), 404, 'STATE_NOT_FOUND').error.message).toBe('В реестре нет государства NZL.');
      expect(expectValidationFailure(await get('/api/org/states?colour=red&lang=ru'), 'querystring.colour').error.message).toBe(
        'Некорректный запрос: неизвестное поле querystring.colour',
      );
    });

    it('gives error messages in Traditional Chinese for Accept-Language: zh-TW', async () => {
      const headers = { 'accept-language': 'zh-TW' };
      expect(expectError(await get('/api/org/states/NZL', headers), 404, 'STATE_NOT_FOUND').error.message).toBe('名錄中沒有國家 NZL。');
      expect(expectValidationFailure(await get('/api/org/states?colour=red', headers), 'querystring.colour').error.message).toBe(
        '請求無效：未知欄位 querystring.colour',
      );
    });

    it('rejects a language it does not speak with VALIDATION_FAILED', async () => {
      expectValidationFailure(await get('/api/org/states?lang=fr'), 'querystring.lang');
    });
  });

  describe('access', () => {
    it.each([
      '/api/org/overview',
      '/api/org/states',
      '/api/org/states/CHN',
      '/api/org/indicators',
    ])('answers GET %s without a login', async (url) => {
      expect((await get(url)).statusCode).toBe(200);
    });

    it('answers GET /api/org/indicators/:id without a login', async () => {
      expect((await get(`/api/org/indicators/${seedTradeId}`)).statusCode).toBe(200);
    });

    /** Admin requests that would succeed for an admin; none of them may take effect for anyone else. */
    const adminRequests: { method: Exclude<Method, 'GET'>; route: string; url: string; payload: object }[] = [
      { method: 'POST', route: '/api/org/states', url: '/api/org/states', payload: { iso3: 'VAT' } },
      { method: 'PATCH', route: '/api/org/states/:iso3', url: '/api/org/states/CHN', payload: { names: { en: 'Renamed by a test' } } },
      {
        method: 'POST',
        route: '/api/org/states/:iso3/statuses',
        url: '/api/org/states/CHN/statuses',
        payload: fixtureStatus('observer', '1990-01-01'),
      },
      { method: 'POST', route: '/api/org/indicators', url: '/api/org/indicators', payload: fixtureIndicator('test.fixture.denied') },
      { method: 'PATCH', route: '/api/org/indicators/:id', url: '/api/org/indicators/SEED', payload: { value: '1' } },
    ];
    const urlOf = (url: string) => url.replace('SEED', seedTradeId);

    it.each(adminRequests)('$method $route answers 401 NOT_AUTHENTICATED without a login', async ({ method, url, payload }) => {
      expectError(await request(method, urlOf(url), { payload }), 401, 'NOT_AUTHENTICATED');
    });

    it.each(adminRequests)('$method $route answers 403 FORBIDDEN to a member', async ({ method, url, payload }) => {
      const body = expectError(await request(method, urlOf(url), { payload, headers: member.headers }), 403, 'FORBIDDEN');
      expect(body.error.message).toBe('Your role (member) does not allow this action.');
    });

    it.each(adminRequests)('$method $route answers 403 FORBIDDEN to a provider', async ({ method, url, payload }) => {
      const body = expectError(await request(method, urlOf(url), { payload, headers: provider.headers }), 403, 'FORBIDDEN');
      expect(body.error.message).toBe('Your role (provider) does not allow this action.');
    });

    it.each(adminRequests)('$method $route answers 403 CSRF_CHECK_FAILED to an admin session without the X-CSRF-Token header', async ({ method, url, payload }) => {
      expectError(await request(method, urlOf(url), { payload, headers: { cookie: admin.cookie } }), 403, 'CSRF_CHECK_FAILED');
    });

    it.each(adminRequests)('$method $route answers 403 CSRF_CHECK_FAILED to an admin session with a wrong X-CSRF-Token', async ({ method, url, payload }) => {
      const headers = { cookie: admin.cookie, 'x-csrf-token': 'x'.repeat(admin.csrfToken.length) };
      expectError(await request(method, urlOf(url), { payload, headers }), 403, 'CSRF_CHECK_FAILED');
    });

    it.each(adminRequests)('$method $route answers 403 CSRF_CHECK_FAILED to a request from a foreign origin', async ({ method, url, payload }) => {
      const headers = { ...admin.headers, origin: 'https://evil.example' };
      expectError(await request(method, urlOf(url), { payload, headers }), 403, 'CSRF_CHECK_FAILED');
    });

    it('leaves the registry unchanged after the refused requests', async () => {
      expect((await get('/api/org/states/VAT')).statusCode).toBe(404);
      const china = (await get('/api/org/states/CHN')).json<PresentedState>();
      expect(china.names.en).toBe('China');
      expect(china.history.map((e) => e.since)).toEqual(['2001-06-15']);
      expect((await get('/api/org/indicators?metric=trade_value&reporter=CHN')).json<{ indicators: Indicator[] }>().indicators.map((i) => i.key)).not.toContain(
        'test.fixture.denied',
      );
      expect((await get(`/api/org/indicators/${seedTradeId}`)).json<Indicator>().value).toBe('343300000000');
    });

    it('accepts an admin request whose Origin is this server', async () => {
      const headers = { ...admin.headers, host: 'hub.example', origin: 'https://hub.example' };
      const response = await request('PATCH', '/api/org/states/CHN', { payload: { names: { en: 'China' } }, headers });
      expect(response.statusCode, response.body).toBe(200);
    });
  });
});
