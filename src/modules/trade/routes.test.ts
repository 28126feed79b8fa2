import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, errorCode, loggedIn, type Client } from '../../../test/http.ts';
import type { Database } from '../../db/database.ts';
import { openSeededDatabase, testDatabaseKinds } from '../../db/testing.ts';
import type { App } from '../../http/app-types.ts';
import type { ClaimRow, MirrorAnswer, PartnerRanking, ProductAnswer, SeriesAnswer, SummaryAnswer } from './analysis.ts';
import { parseColumnMapping } from './formats/mapped-csv.ts';
import { importTradeFile } from './import/import-dataset.ts';
import type { Dataset } from './store/datasets.ts';

/** The trade API over HTTP, on the seed-shaped fixtures whose totals are in fixtures/README.md. */

const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
const SEED_CLAIMS = join(FIXTURES, 'seed-claims', 'china-sco-claims.csv');
const TJK_GAPS = join(FIXTURES, 'seed-claims', 'tjk-gaps.csv');
const BACI = join(FIXTURES, 'baci', 'BACI_HS17_Y2021_V202401.csv');
const MAPPING = parseColumnMapping('year=Year,month=Month,reporter=Reporter,partner=Partner,flow=Flow,value=Value');

const SEED_DATASET = { name: 'china-sco-claims', release: 'v1', synthetic: false };
const MEMBERS_2021_BUT_CHINA = ['IND', 'KAZ', 'KGZ', 'PAK', 'RUS', 'TJK', 'UZB'];

interface ErrorBody {
  error: { code: string; message: string; details?: { path: string; keyword: string; message: string }[] };
}

function expectError(response: LightMyRequestResponse, status: number, code: string): ErrorBody {
  expect(response.statusCode, response.body).toBe(status);
  expect(errorCode(response)).toBe(code);
  return response.json<ErrorBody>();
}

function expectValidationFailure(response: LightMyRequestResponse, path: string): void {
  const body = expectError(response, 400, 'VALIDATION_FAILED');
  expect(body.error.details?.[0]?.path).toBe(path);
}

function expectJson<T>(response: LightMyRequestResponse): T {
  expect(response.statusCode, response.body).toBe(200);
  expect(response.headers['content-type']).toMatch(/^application\/json/);
  return response.json<T>();
}

/** A CSV download: its rows, header first, cells split at commas (the values asked here never contain one). */
function expectCsv(response: LightMyRequestResponse, filename: string): string[][] {
  expect(response.statusCode, response.body).toBe(200);
  expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
  expect(response.headers['content-disposition']).toBe(`attachment; filename="${filename}"`);
  expect(response.body.endsWith('\r\n')).toBe(true);
  return response.body
    .slice(0, -2)
    .split('\r\n')
    .map((line) => line.split(','));
}

const q = (params: Record<string, string | number>) =>
  Object.entries(params)
    .map(([key, value]) => `${key}=${encodeURIComponent(String(value))}`)
    .join('&');

describe.each(testDatabaseKinds())('trade API on $name', (kind) => {
  let db: Database;
  let app: App;
  let admin: Client;
  let member: Client;
  let provider: Client;

  const get = (path: string, params: Record<string, string | number> = {}) => app.inject({ method: 'GET', url: `/api/trade${path}?${q(params)}` });
  const listDatasets = async () => expectJson<{ datasets: Dataset[] }>(await app.inject({ method: 'GET', url: '/api/trade/datasets' })).datasets;

  beforeAll(async () => {
    db = await openSeededDatabase(kind);
    await importTradeFile(db, { file: BACI });
    await importTradeFile(db, { file: SEED_CLAIMS, mapping: MAPPING, release: 'v1' });
    await importTradeFile(db, { file: TJK_GAPS, mapping: MAPPING, release: 'v1' });
    app = await buildTestApp(db);
    admin = await loggedIn(app, db, 'admin');
    member = await loggedIn(app, db, 'member');
    provider = await loggedIn(app, db, 'provider');
  });

  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  /** Failures every analysis route shares, given parameters that would otherwise succeed. */
  function itRejectsCommonMistakes(path: string, valid: Record<string, string | number>) {
    it('rejects a query parameter it does not know with VALIDATION_FAILED', async () => {
      expectValidationFailure(await get(path, { ...valid, colour: 'red' }), 'querystring.colour');
    });

    it('rejects a dataset name that is not lower-case with VALIDATION_FAILED', async () => {
      expectValidationFailure(await get(path, { ...valid, dataset: 'China SCO' }), 'querystring.dataset');
    });

    it('rejects a format other than json or csv with VALIDATION_FAILED', async () => {
      expectValidationFailure(await get(path, { ...valid, format: 'xlsx' }), 'querystring.format');
    });

    it('answers a dataset name that does not exist with 404 DATASET_NOT_FOUND', async () => {
      expectError(await get(path, { ...valid, dataset: 'comtrade-2021' }), 404, 'DATASET_NOT_FOUND');
    });
  }

  describe('GET /api/trade/summary', () => {
    it("answers China's 2021 trade with the other SCO members, its growth and its multiple of 2001", async () => {
      const body = expectJson<SummaryAnswer>(await get('/summary', { reporter: 'CHN', partners: 'SCO_MEMBERS_OTHER', year: 2021, base: 2001 }));
      expect(body).toEqual({
        dataset: SEED_DATASET,
        reporter: 'CHN',
        partners: { code: 'SCO_MEMBERS_OTHER', members: MEMBERS_2021_BUT_CHINA, asOf: '2021-12-31' },
        flow: 'total',
        period: '2021',
        value: { ok: true, value: '343300000000.00' },
        previousPeriod: '2020',
        previous: { ok: true, value: '245200000000.00' },
        growthPercent: { ok: true, value: expect.closeTo(40.008, 3) as number },
        basePeriod: '2001',
        basePartners: { code: 'SCO_MEMBERS_OTHER', members: ['KAZ', 'KGZ', 'RUS', 'TJK', 'UZB'], asOf: '2001-12-31' },
        multiple: { ok: true, value: expect.closeTo(28.372, 3) as number },
      });
    });

    it('takes period over year, and months within a year', async () => {
      const body = expectJson<SummaryAnswer>(await get('/summary', { reporter: 'chn', partners: 'sco', period: '2022-01/2022-07', year: 2021 }));
      expect(body).toMatchObject({
        period: '2022-01/2022-07',
        value: { ok: true, value: '226800000000.00' },
        previousPeriod: '2021-01/2021-07',
        previous: { ok: true, value: '181400000000.00' },
        growthPercent: { ok: true, value: expect.closeTo(25.028, 3) as number },
      });
      expect(body.partners.asOf).toBe('2022-07-31');
    });

    it('measures the flow asked', async () => {
      const body = expectJson<SummaryAnswer>(await get('/summary', { reporter: 'CHN', partners: 'SCO', year: 2021, flow: 'export' }));
      expect(body.flow).toBe('export');
      expect(body.value).toEqual({ ok: true, value: '217916000000.00' });
    });

    it('says why a figure cannot be computed: a zero base', async () => {
      const body = expectJson<SummaryAnswer>(await get('/summary', { reporter: 'TJK', partners: 'AFG', year: 2021 }));
      expect(body.growthPercent).toEqual({ ok: false, reason: 'zero_base' });
    });

    it('downloads the answer as CSV', async () => {
      const rows = expectCsv(await get('/summary', { reporter: 'CHN', partners: 'SCO', year: 2021, base: 2001, format: 'csv' }), 'summary-CHN-SCO-2021.csv');
      expect(rows[0]).toEqual(['reporter', 'partners', 'flow', 'period', 'value_usd', 'previous_period', 'previous_usd', 'growth_percent', 'base_period', 'multiple', 'dataset']);
      expect(rows).toHaveLength(2);
      const [reporter, partners, flow, period, value, previousPeriod, previous, growth, basePeriod, multiple, dataset] = rows[1]!;
      expect([reporter, partners, flow, period, value, previousPeriod, previous, basePeriod, dataset]).toEqual([
        'CHN',
        'SCO',
        'total',
        '2021',
        '343300000000.00',
        '2020',
        '245200000000.00',
        '2001',
        'china-sco-claims v1',
      ]);
      expect(Number(growth)).toBeCloseTo(40.008, 3);
      expect(Number(multiple)).toBeCloseTo(28.372, 3);
    });

    it('writes in CSV why a figure is not computable, and leaves cells empty for what was not asked', async () => {
      const rows = expectCsv(await get('/summary', { reporter: 'TJK', partners: 'AFG', period: '2021', format: 'csv' }), 'summary-TJK-AFG-2021.csv');
      expect(rows[1]).toEqual(['TJK', 'AFG', 'total', '2021', '120000000.00', '2020', '0.00', 'not computable: zero_base', '', '', 'tjk-gaps v1']);
    });

    it.each([
      ['a malformed period', { reporter: 'CHN', partners: 'SCO', period: '21' }, 'querystring.period'],
      ['a month without its leading zero', { reporter: 'CHN', partners: 'SCO', period: '2021-7' }, 'querystring.period'],
      ['a year out of range', { reporter: 'CHN', partners: 'SCO', year: 1800 }, 'querystring.year'],
      ['no reporter', { partners: 'SCO', year: 2021 }, 'querystring.reporter'],
      ['a reporter that is not a three-letter code', { reporter: 'CHINA', partners: 'SCO', year: 2021 }, 'querystring.reporter'],
      ['no partners', { reporter: 'CHN', year: 2021 }, 'querystring.partners'],
      ['partners with characters no code has', { reporter: 'CHN', partners: 'RUS;KAZ', year: 2021 }, 'querystring.partners'],
      ['neither period nor year', { reporter: 'CHN', partners: 'SCO' }, 'querystring.period'],
      ['an unknown flow', { reporter: 'CHN', partners: 'SCO', year: 2021, flow: 'transit' }, 'querystring.flow'],
      ['a malformed base', { reporter: 'CHN', partners: 'SCO', year: 2021, base: 'founding' }, 'querystring.base'],
      ['month 13', { reporter: 'CHN', partners: 'SCO', period: '2021-13' }, 'querystring.period'],
    ])('rejects %s with VALIDATION_FAILED', async (_what, params, path) => {
      expectValidationFailure(await get('/summary', params), path);
    });

    it.each([
      ['a range across two years', '2021-07/2022-06'],
      ['a range that ends before it starts', '2022-07/2022-01'],
    ])('rejects %s with INVALID_PERIOD', async (_what, period) => {
      expectError(await get('/summary', { reporter: 'CHN', partners: 'SCO', period }), 400, 'INVALID_PERIOD');
    });

    it('rejects partners that are no group, list or code with 400 UNKNOWN_PARTNER_GROUP', async () => {
      expectError(await get('/summary', { reporter: 'CHN', partners: 'SCO_ALLIES', year: 2021 }), 400, 'UNKNOWN_PARTNER_GROUP');
    });

    it('answers a reporter no dataset covers with 404 TRADE_NO_DATA', async () => {
      expectError(await get('/summary', { reporter: 'AFG', partners: 'SCO', year: 2021 }), 404, 'TRADE_NO_DATA');
    });

    itRejectsCommonMistakes('/summary', { reporter: 'CHN', partners: 'SCO', year: 2021 });
  });

  describe('GET /api/trade/series', () => {
    it('answers the annual series with the members as of the end of `to`', async () => {
      const body = expectJson<SeriesAnswer>(await get('/series', { reporter: 'CHN', partners: 'SCO', to: 2021 }));
      expect(body).toEqual({
        dataset: SEED_DATASET,
        reporter: 'CHN',
        partners: { code: 'SCO', members: MEMBERS_2021_BUT_CHINA, asOf: '2021-12-31' },
        flow: 'total',
        frequency: 'annual',
        points: [
          { period: '2001', value: '12100000000.00' },
          { period: '2020', value: '245200000000.00' },
          { period: '2021', value: '343300000000.00' },
        ],
      });
    });

    it('downloads a monthly series as CSV', async () => {
      const rows = expectCsv(await get('/series', { reporter: 'CHN', partners: 'SCO', frequency: 'monthly', from: 2022, format: 'csv' }), 'series-CHN-SCO.csv');
      expect(rows).toEqual([
        ['period', 'value_usd'],
        ['2022-01', '30200000000.00'],
        ['2022-02', '28400000000.00'],
        ['2022-03', '32100000000.00'],
        ['2022-04', '31900000000.00'],
        ['2022-05', '33500000000.00'],
        ['2022-06', '34600000000.00'],
        ['2022-07', '36100000000.00'],
      ]);
    });

    it.each([
      ['an unknown frequency', { reporter: 'CHN', partners: 'SCO', frequency: 'weekly' }, 'querystring.frequency'],
      ['a year before 1900', { reporter: 'CHN', partners: 'SCO', from: 1899 }, 'querystring.from'],
      ['a period, which a series does not take', { reporter: 'CHN', partners: 'SCO', period: '2021' }, 'querystring.period'],
      ['no reporter', { partners: 'SCO' }, 'querystring.reporter'],
    ])('rejects %s with VALIDATION_FAILED', async (_what, params, path) => {
      expectValidationFailure(await get('/series', params), path);
    });

    it('rejects partners that are no group with 400 UNKNOWN_PARTNER_GROUP', async () => {
      expectError(await get('/series', { reporter: 'CHN', partners: 'NOT_A_GROUP' }), 400, 'UNKNOWN_PARTNER_GROUP');
    });

    it('answers a reporter no dataset covers with 404 TRADE_NO_DATA', async () => {
      expectError(await get('/series', { reporter: 'AFG', partners: 'SCO' }), 404, 'TRADE_NO_DATA');
    });

    itRejectsCommonMistakes('/series', { reporter: 'CHN', partners: 'SCO' });
  });

  describe('GET /api/trade/partners', () => {
    it("ranks Russia's partners in 2021, China first, with shares of its trade with the world", async () => {
      const body = expectJson<PartnerRanking>(await get('/partners', { reporter: 'RUS', year: 2021, limit: 2 }));
      expect(body).toEqual({
        dataset: SEED_DATASET,
        reporter: 'RUS',
        flow: 'total',
        period: '2021',
        world: { ok: true, value: '789400000000.00' },
        partners: [
          { partner: 'CHN', rank: 1, value: '140700000000.00', sharePercent: { ok: true, value: expect.closeTo((140.7 / 789.4) * 100, 9) as number } },
          { partner: 'DEU', rank: 2, value: '57000000000.00', sharePercent: { ok: true, value: expect.closeTo((57 / 789.4) * 100, 9) as number } },
        ],
      });
    });

    it('downloads the ranking as CSV', async () => {
      const rows = expectCsv(await get('/partners', { reporter: 'KAZ', period: '2021', flow: 'export', format: 'csv' }), 'partners-KAZ-2021.csv');
      expect(rows[0]).toEqual(['rank', 'partner', 'value_usd', 'share_percent']);
      expect(rows.slice(1).map(([rank, partner, value]) => [rank, partner, value])).toEqual([
        ['1', 'ITA', '12400000000.00'],
        ['2', 'CHN', '9800000000.00'],
        ['3', 'RUS', '6500000000.00'],
        ['4', 'NLD', '4300000000.00'],
      ]);
      expect(Number(rows[1]![3])).toBeCloseTo((12.4 / 60.3) * 100, 9);
    });

    it.each([
      ['a limit of 0', { reporter: 'RUS', year: 2021, limit: 0 }, 'querystring.limit'],
      ['partners, which a ranking does not take', { reporter: 'RUS', year: 2021, partners: 'SCO' }, 'querystring.partners'],
      ['no reporter', { year: 2021 }, 'querystring.reporter'],
      ['neither period nor year', { reporter: 'RUS' }, 'querystring.period'],
    ])('rejects %s with VALIDATION_FAILED', async (_what, params, path) => {
      expectValidationFailure(await get('/partners', params), path);
    });

    it('answers a reporter no dataset covers with 404 TRADE_NO_DATA', async () => {
      expectError(await get('/partners', { reporter: 'AFG', year: 2021 }), 404, 'TRADE_NO_DATA');
    });

    itRejectsCommonMistakes('/partners', { reporter: 'RUS', year: 2021 });
  });

  describe('GET /api/trade/products', () => {
    const baci = { dataset: 'baci_hs17_y2021', reporter: 'CHN', partners: 'SCO', year: 2021 };

    it('answers the product mix by HS chapter by default', async () => {
      const body = expectJson<ProductAnswer>(await get('/products', { ...baci, flow: 'import' }));
      expect(body).toMatchObject({ dataset: { name: 'baci_hs17_y2021', release: 'V202401', synthetic: false }, flow: 'import', level: 2, total: '43513345.00' });
      expect(body.products.map((p) => [p.product, p.value])).toEqual([
        ['27', '43500000.00'],
        ['08', '12346.00'],
        ['01', '999.00'],
      ]);
    });

    it('downloads the top products and the rest as CSV', async () => {
      const rows = expectCsv(await get('/products', { ...baci, flow: 'import', level: 6, top: 1, format: 'csv' }), 'products-CHN-SCO-2021.csv');
      expect(rows[0]).toEqual(['product', 'value_usd', 'share_percent']);
      expect(rows.slice(1).map(([product, value]) => [product, value])).toEqual([
        ['270900', '43500000.00'],
        ['OTHER', '13345.00'],
      ]);
      expect(Number(rows[2]![2])).toBeCloseTo((13345 / 43513345) * 100, 9);
    });

    it.each([
      ['level 3', { ...baci, level: 3 }, 'querystring.level'],
      ['a top of 0', { ...baci, top: 0 }, 'querystring.top'],
      ['no partners', { reporter: 'CHN', year: 2021 }, 'querystring.partners'],
    ])('rejects %s with VALIDATION_FAILED', async (_what, params, path) => {
      expectValidationFailure(await get('/products', params), path);
    });

    it('rejects partners that are no group with 400 UNKNOWN_PARTNER_GROUP', async () => {
      expectError(await get('/products', { ...baci, partners: 'SCO_ALLIES' }), 400, 'UNKNOWN_PARTNER_GROUP');
    });

    it('answers a reporter no dataset covers with 404 TRADE_NO_DATA', async () => {
      expectError(await get('/products', { reporter: 'AFG', partners: 'SCO', year: 2021 }), 404, 'TRADE_NO_DATA');
    });

    itRejectsCommonMistakes('/products', baci);
  });

  describe('GET /api/trade/mirror', () => {
    it("sets China's exports to Russia against Russia's imports from China, choosing the importer's by default", async () => {
      const body = expectJson<MirrorAnswer>(await get('/mirror', { exporter: 'CHN', importer: 'RUS', year: 2021 }));
      expect(body).toEqual({
        dataset: SEED_DATASET,
        exporter: 'CHN',
        importer: 'RUS',
        period: '2021',
        exporterReported: { ok: true, value: '67565000000.00' },
        importerReported: { ok: true, value: '72970200000.00' },
        gap: { ok: true, value: '5405200000.00' },
        gapPercent: { ok: true, value: 8 },
        side: 'importer_else_exporter',
        chosen: { ok: true, value: '72970200000.00' },
      });
    });

    it('downloads the pair as CSV', async () => {
      const rows = expectCsv(await get('/mirror', { exporter: 'CHN', importer: 'RUS', period: '2021', side: 'exporter', format: 'csv' }), 'mirror-CHN-RUS-2021.csv');
      expect(rows).toEqual([
        ['exporter', 'importer', 'period', 'exporter_reported_usd', 'importer_reported_usd', 'gap_usd', 'gap_percent', 'side', 'chosen_usd'],
        ['CHN', 'RUS', '2021', '67565000000.00', '72970200000.00', '5405200000.00', '8', 'exporter', '67565000000.00'],
      ]);
    });

    it.each([
      ['an unknown side', { exporter: 'CHN', importer: 'RUS', year: 2021, side: 'average' }, 'querystring.side'],
      ['no importer', { exporter: 'CHN', year: 2021 }, 'querystring.importer'],
      ['partners, which a mirror does not take', { exporter: 'CHN', importer: 'RUS', year: 2021, partners: 'SCO' }, 'querystring.partners'],
    ])('rejects %s with VALIDATION_FAILED', async (_what, params, path) => {
      expectValidationFailure(await get('/mirror', params), path);
    });

    it('answers an exporter no dataset covers with 404 TRADE_NO_DATA', async () => {
      expectError(await get('/mirror', { exporter: 'AFG', importer: 'CHN', year: 2021 }), 404, 'TRADE_NO_DATA');
    });

    itRejectsCommonMistakes('/mirror', { exporter: 'CHN', importer: 'RUS', year: 2021 });
  });

  describe('GET /api/trade/claims', () => {
    it("finds the report's ten trade claims consistent at the default 1 % tolerance", async () => {
      const body = expectJson<{ tolerancePercent: number; claims: ClaimRow[] }>(await get('/claims'));
      expect(body.tolerancePercent).toBe(1);
      expect(body.claims).toHaveLength(10);
      for (const claim of body.claims) {
        expect(claim.check.status, claim.indicator.key).toBe('consistent');
        expect(claim.dataset, claim.indicator.key).toEqual(SEED_DATASET);
      }
      expect(body.claims.find((c) => c.indicator.key === 'seed2022.chn-sco.trade.2021')).toMatchObject({
        query: { kind: 'value', reporter: 'CHN', partner: 'SCO_MEMBERS_OTHER', period: '2021', flow: 'total' },
        check: { unit: 'USD', reported: '343300000000', computed: '343300000000', difference: '0', differencePercent: 0, allowedDifference: '3433000000' },
      });
    });

    it('takes the tolerance asked', async () => {
      const body = expectJson<{ tolerancePercent: number; claims: ClaimRow[] }>(await get('/claims', { tolerance: 0.5 }));
      expect(body.tolerancePercent).toBe(0.5);
      const value = body.claims.find((c) => c.indicator.key === 'seed2022.chn-sco.trade.2021');
      expect(value?.check.allowedDifference).toBe('1716500000');
    });

    it('downloads the check as CSV, one row per claim', async () => {
      const rows = expectCsv(await get('/claims', { format: 'csv' }), 'claims.csv');
      expect(rows[0]).toEqual(['indicator', 'metric', 'reporter', 'partner', 'period', 'unit', 'reported', 'computed', 'difference', 'difference_percent', 'status', 'dataset', 'source']);
      expect(rows).toHaveLength(11);
      const byIndicator = new Map(rows.slice(1).map((row) => [row[0], row]));
      expect(byIndicator.get('seed2022.rus-chn.trading-partner-rank.2021')).toEqual([
        'seed2022.rus-chn.trading-partner-rank.2021',
        'trading_partner_rank',
        'RUS',
        'CHN',
        '2021',
        'rank',
        '1',
        '1',
        '0',
        '0',
        'consistent',
        'china-sco-claims v1',
        'seed 000_58c6f946d9ed608e.txt',
      ]);
      for (const row of rows.slice(1)) expect(row[10], row[0]).toBe('consistent');
    });

    it.each([
      ['a tolerance over 100 %', { tolerance: 101 }, 'querystring.tolerance'],
      ['a negative tolerance', { tolerance: -1 }, 'querystring.tolerance'],
      ['a tolerance that is no number', { tolerance: 'loose' }, 'querystring.tolerance'],
      ['a query parameter it does not know', { reporter: 'CHN' }, 'querystring.reporter'],
    ])('rejects %s with VALIDATION_FAILED', async (_what, params, path) => {
      expectValidationFailure(await get('/claims', params), path);
    });

    it('answers a dataset name that does not exist with 404 DATASET_NOT_FOUND', async () => {
      expectError(await get('/claims', { dataset: 'comtrade-2021' }), 404, 'DATASET_NOT_FOUND');
    });
  });

  describe('GET /api/trade/datasets', () => {
    it('lists the imported datasets, newest first, with their summary', async () => {
      const datasets = await listDatasets();
      expect(datasets.map((d) => d.name).slice(0, 3)).toEqual(['tjk-gaps', 'china-sco-claims', 'baci_hs17_y2021']);
      expect(datasets.find((d) => d.name === 'china-sco-claims')).toMatchObject({
        release: 'v1',
        layout: 'csv',
        reconciled: false,
        synthetic: false,
        sourceFile: 'china-sco-claims.csv',
        rowsRead: 210,
        records: 210,
        rejected: 0,
        skipped: {},
        firstYear: 2001,
        lastYear: 2022,
        reporters: 6,
        totalValue: '13965322000000.00',
      });
      expect(datasets.find((d) => d.name === 'baci_hs17_y2021')).toMatchObject({ release: 'V202401', layout: 'baci', reconciled: true, records: 9, totalValue: '46446980.00' });
      for (const dataset of datasets) expect(new Date(dataset.importedAt).toISOString()).toBe(dataset.importedAt);
    });
  });

  describe('DELETE /api/trade/datasets/{id}', () => {
    const idOf = async (name: string) => {
      const found = (await listDatasets()).find((d) => d.name === name);
      expect(found, name).toBeDefined();
      return found!.id;
    };
    const del = (id: string, headers: Record<string, string> = {}) => app.inject({ method: 'DELETE', url: `/api/trade/datasets/${id}`, headers });

    it('refuses a request without a session with 401 NOT_AUTHENTICATED, and keeps the dataset', async () => {
      const id = await idOf('tjk-gaps');
      expectError(await del(id), 401, 'NOT_AUTHENTICATED');
      expect(await idOf('tjk-gaps')).toBe(id);
    });

    it.each([
      ['member', () => member],
      ['provider', () => provider],
    ])('refuses a %s with 403 FORBIDDEN, and keeps the dataset', async (_role, client) => {
      const id = await idOf('tjk-gaps');
      expectError(await del(id, client().headers), 403, 'FORBIDDEN');
      expect(await idOf('tjk-gaps')).toBe(id);
    });

    it("refuses an admin's request without the CSRF token with 403 CSRF_CHECK_FAILED", async () => {
      const id = await idOf('tjk-gaps');
      expectError(await del(id, { cookie: admin.cookie }), 403, 'CSRF_CHECK_FAILED');
      expect(await idOf('tjk-gaps')).toBe(id);
    });

    it('lets an admin delete a dataset with its partition and rollups (204); the others stay', async () => {
      await importTradeFile(db, { file: BACI, dataset: 'baci-to-delete' });
      const id = await idOf('baci-to-delete');
      const partition = `trade_lines_${id.replace(/-/g, '')}`;
      const countRows = async () => {
        const [row] = await db.query<{ totals: number; products: number }>(
          `SELECT (SELECT count(*) FROM trade_totals WHERE dataset_id = $1) AS totals, (SELECT count(*) FROM trade_lines WHERE dataset_id = $1) AS products`,
          [id],
        );
        return row;
      };
      const partitionExists = async () => (await db.query<{ found: string | null }>('SELECT to_regclass($1::text)::text AS found', [partition]))[0]?.found !== null;
      expect(await partitionExists()).toBe(true);
      const before = await countRows();
      expect(before?.totals).toBeGreaterThan(0);
      expect(before?.products).toBeGreaterThan(0);

      const response = await del(id, admin.headers);
      expect(response.statusCode, response.body).toBe(204);
      expect(response.body).toBe('');

      expect((await listDatasets()).map((d) => d.name)).not.toContain('baci-to-delete');
      expect(await partitionExists()).toBe(false);
      expect(await countRows()).toEqual({ totals: 0, products: 0 });
      expectError(await get('/products', { dataset: 'baci-to-delete', reporter: 'CHN', partners: 'SCO', year: 2021 }), 404, 'DATASET_NOT_FOUND');
      expect(expectJson<ProductAnswer>(await get('/products', { dataset: 'baci_hs17_y2021', reporter: 'CHN', partners: 'SCO', year: 2021, flow: 'import' })).total).toBe('43513345.00');

      expectError(await del(id, admin.headers), 404, 'DATASET_NOT_FOUND');
    });

    it.each([
      ['an id no dataset has', randomUUID()],
      ['an id that is not a UUID', 'china-sco-claims'],
    ])('answers %s with 404 DATASET_NOT_FOUND', async (_what, id) => {
      expectError(await del(id, admin.headers), 404, 'DATASET_NOT_FOUND');
    });

    it('rejects an id longer than 64 characters with VALIDATION_FAILED', async () => {
      expectValidationFailure(await del('a'.repeat(65), admin.headers), 'params.id');
    });
  });
});
