import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, errorCode, loggedIn, multipart, type Client, type Part } from '../../../test/http.ts';
import type { Database } from '../../db/database.ts';
import { openSeededDatabase, testDatabaseKinds } from '../../db/testing.ts';
import type { App } from '../../http/app-types.ts';
import type { ProductAnswer, SummaryAnswer } from './analysis.ts';
import { ImportFileError } from './import/errors.ts';
import type { Dataset } from './store/datasets.ts';
import { importFailure } from './upload.ts';

/** Upload of trade files over HTTP: multipart bodies as a browser sends them. */

const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
const MAP = 'year=Year,month=Month,reporter=Reporter,partner=Partner,flow=Flow,value=Value';
const HEADER = 'Year,Month,Reporter,Partner,Flow,Value';

interface ImportBody {
  status: 'imported' | 'unchanged';
  dataset: { id: string; name: string; release: string };
  replacedRelease: string | null;
  rowsRead: number;
  records: number;
  periods: string[];
  reporters: number;
  totalValue: string;
  skipped: Record<string, number>;
}

interface ErrorBody {
  error: { code: string; message: string; details?: Record<string, unknown>[] };
}

const fixture = (path: string) => readFile(join(FIXTURES, path), 'utf8');

function expectError(response: LightMyRequestResponse, status: number, code: string): ErrorBody {
  expect(response.statusCode, response.body).toBe(status);
  expect(errorCode(response)).toBe(code);
  return response.json<ErrorBody>();
}

const q = (params: Record<string, string>) =>
  Object.entries(params)
    .map(([key, value]) => `${key}=${encodeURIComponent(value)}`)
    .join('&');

describe.each(testDatabaseKinds())('trade file upload on $name', (kind) => {
  let db: Database;
  let app: App;
  let admin: Client;
  let member: Client;
  let provider: Client;

  beforeAll(async () => {
    db = await openSeededDatabase(kind);
    app = await buildTestApp(db);
    admin = await loggedIn(app, db, 'admin');
    member = await loggedIn(app, db, 'member');
    provider = await loggedIn(app, db, 'provider');
  });

  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  async function upload(parts: readonly Part[], query: Record<string, string> = {}, headers: Record<string, string> = admin.headers) {
    const { payload, contentType } = await multipart(parts);
    return app.inject({ method: 'POST', url: `/api/trade/imports?${q(query)}`, payload, headers: { ...headers, 'content-type': contentType } });
  }

  const datasets = async () => (await app.inject({ method: 'GET', url: '/api/trade/datasets' })).json<{ datasets: Dataset[] }>().datasets;
  const datasetNamed = async (name: string) => (await datasets()).find((d) => d.name === name);
  /** Detailed records live in one partition per dataset; a failed import must leave none behind. */
  const partitions = async () => (await db.query<{ n: number }>(`SELECT count(*) AS n FROM pg_inherits WHERE inhparent = 'trade_lines'::regclass`))[0]?.n;

  async function expectNothingKept(action: () => Promise<void>) {
    const [before, partitionsBefore] = [await datasets(), await partitions()];
    await action();
    expect(await datasets()).toEqual(before);
    expect(await partitions()).toBe(partitionsBefore);
  }

  describe('who may upload', () => {
    it('an admin uploads a plain CSV with its column mapping: 201 with the summary, and the data answers questions', async () => {
      const response = await upload([{ field: 'file', filename: 'china-sco-claims.csv', content: await fixture('seed-claims/china-sco-claims.csv') }], { map: MAP });
      expect(response.statusCode, response.body).toBe(201);
      const body = response.json<ImportBody>();
      expect(body).toEqual({
        status: 'imported',
        dataset: { id: expect.stringMatching(/^[0-9a-f-]{36}$/) as string, name: 'china-sco-claims', release: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) as string },
        replacedRelease: null,
        rowsRead: 210,
        records: 210,
        periods: ['2001', '2020', '2021', '2021-01', '2021-02', '2021-03', '2021-04', '2021-05', '2021-06', '2021-07', '2022-01', '2022-02', '2022-03', '2022-04', '2022-05', '2022-06', '2022-07'],
        reporters: 6,
        totalValue: '13965322000000.00',
        skipped: {},
      });

      const summary = await app.inject({ method: 'GET', url: '/api/trade/summary?reporter=CHN&partners=SCO&year=2021' });
      expect(summary.json<SummaryAnswer>()).toMatchObject({ dataset: { name: 'china-sco-claims' }, value: { ok: true, value: '343300000000.00' } });
    });

    it('uploading the same file again changes nothing: 200 unchanged, the same dataset', async () => {
      const parts = [{ field: 'file', filename: 'same-twice.csv', content: await fixture('seed-claims/tjk-gaps.csv') }];
      const first = await upload(parts, { map: MAP });
      expect(first.statusCode, first.body).toBe(201);
      const second = await upload(parts, { map: MAP });
      expect(second.statusCode, second.body).toBe(200);
      expect(second.json<ImportBody>()).toEqual({
        status: 'unchanged',
        dataset: first.json<ImportBody>().dataset,
        replacedRelease: null,
        rowsRead: 0,
        records: 0,
        periods: [],
        reporters: 0,
        totalValue: '0.00',
        skipped: {},
      });
      expect((await datasets()).filter((d) => d.name === 'same-twice')).toHaveLength(1);
    });

    it('a member uploads too, naming the dataset and its release', async () => {
      const response = await upload([{ field: 'file', filename: 'tjk-gaps.csv', content: await fixture('seed-claims/tjk-gaps.csv') }], { map: MAP, dataset: 'member-upload', release: 'r1' }, member.headers);
      expect(response.statusCode, response.body).toBe(201);
      expect(response.json<ImportBody>()).toMatchObject({ status: 'imported', dataset: { name: 'member-upload', release: 'r1' }, records: 37, reporters: 1 });
      expect(await datasetNamed('member-upload')).toMatchObject({ release: 'r1', sourceFile: 'tjk-gaps.csv', layout: 'csv', records: 37 });
    });

    it('a new release of a dataset replaces the old one and says which it replaced', async () => {
      const content = await fixture('seed-claims/uzb-areas-nes.csv');
      const first = await upload([{ field: 'file', filename: 'uzb.csv', content }], { map: MAP, release: 'r1' });
      expect(first.statusCode, first.body).toBe(201);
      const revised = content.replace('2021,,UZB,TUR,M,2100000000', '2021,,UZB,TUR,M,2200000000');
      expect(revised).not.toBe(content);
      const second = await upload([{ field: 'file', filename: 'uzb.csv', content: revised }], { map: MAP, release: 'r2' });
      expect(second.statusCode, second.body).toBe(201);
      expect(second.json<ImportBody>()).toMatchObject({ status: 'imported', dataset: { name: 'uzb', release: 'r2' }, replacedRelease: 'r1' });
      expect((await datasets()).filter((d) => d.name === 'uzb').map((d) => d.release)).toEqual(['r2']);
    });

    it('a provider may not upload: 403 FORBIDDEN, nothing kept', async () => {
      const content = await fixture('seed-claims/tjk-gaps.csv');
      await expectNothingKept(async () => {
        expectError(await upload([{ field: 'file', filename: 'by-provider.csv', content }], { map: MAP }, provider.headers), 403, 'FORBIDDEN');
      });
    });

    it('without a session: 401 NOT_AUTHENTICATED, nothing kept', async () => {
      const content = await fixture('seed-claims/tjk-gaps.csv');
      await expectNothingKept(async () => {
        expectError(await upload([{ field: 'file', filename: 'anonymous.csv', content }], { map: MAP }, {}), 401, 'NOT_AUTHENTICATED');
      });
    });

    it('with the session cookie but without its CSRF token: 403 CSRF_CHECK_FAILED, nothing kept', async () => {
      const content = await fixture('seed-claims/tjk-gaps.csv');
      await expectNothingKept(async () => {
        expectError(await upload([{ field: 'file', filename: 'no-token.csv', content }], { map: MAP }, { cookie: admin.cookie }), 403, 'CSRF_CHECK_FAILED');
      });
    });
  });

  describe('formats', () => {
    it("imports a BACI release with BACI's country codes as the companion part", async () => {
      const response = await upload([
        { field: 'file', filename: 'BACI_HS17_Y2021_V202401.csv', content: await fixture('baci/BACI_HS17_Y2021_V202401.csv') },
        { field: 'companion', filename: 'country_codes_V202401.csv', content: await fixture('baci/country_codes_V202401.csv') },
      ]);
      expect(response.statusCode, response.body).toBe(201);
      expect(response.json<ImportBody>()).toMatchObject({
        status: 'imported',
        dataset: { name: 'baci_hs17_y2021', release: 'V202401' },
        rowsRead: 9,
        records: 9,
        periods: ['2021'],
        reporters: 6,
        totalValue: '46446980.00',
      });
      expect(await datasetNamed('baci_hs17_y2021')).toMatchObject({ layout: 'baci', reconciled: true, sourceFile: 'BACI_HS17_Y2021_V202401.csv' });

      const products = await app.inject({ method: 'GET', url: '/api/trade/products?dataset=baci_hs17_y2021&reporter=CHN&partners=SCO&year=2021&flow=import' });
      expect(products.json<ProductAnswer>().total).toBe('43513345.00');
    });

    it('refuses a BACI file without its country codes: 400 IMPORT_FILE_INVALID, nothing kept', async () => {
      const content = await fixture('baci/BACI_HS17_Y2021_V202401.csv');
      await expectNothingKept(async () => {
        const body = expectError(await upload([{ field: 'file', filename: 'BACI_HS92_Y2021_V202401.csv', content }]), 400, 'IMPORT_FILE_INVALID');
        expect(body.error.message).toContain('country_codes_V*.csv');
      });
    });

    it('refuses a plain CSV without a column mapping: 400 IMPORT_FILE_INVALID, naming the file but not the server folder', async () => {
      const content = await fixture('seed-claims/tjk-gaps.csv');
      await expectNothingKept(async () => {
        const body = expectError(await upload([{ field: 'file', filename: 'unmapped.csv', content }]), 400, 'IMPORT_FILE_INVALID');
        expect(body.error.message).toContain('unmapped.csv');
        expect(body.error.message).not.toContain(tmpdir());
      });
    });

    it.each([
      ['a field it does not know', 'year=Year,colour=Colour', 'map, field colour: unknown mapping field'],
      ['no partner column', 'year=Year,reporter=Reporter,flow=Flow,value=Value', 'map, field partner: the column mapping must name this field'],
    ])('refuses a mapping with %s: 400 IMPORT_FILE_INVALID', async (_what, map, reason) => {
      const content = await fixture('seed-claims/tjk-gaps.csv');
      await expectNothingKept(async () => {
        const body = expectError(await upload([{ field: 'file', filename: 'badly-mapped.csv', content }], { map }), 400, 'IMPORT_FILE_INVALID');
        expect(body.error.message).toContain(reason);
      });
    });
  });

  describe('unreadable rows', () => {
    it('refuses a file with a bad row: 400 IMPORT_ROW_INVALID naming file, line, column and reason; nothing kept', async () => {
      const content = `${HEADER}\n2021,,CHN,RUS,X,67565000000\n2021,,CHN,RUS,M,about 79 bn\n2021,,CHN,KAZ,X,13981000000\n`;
      await expectNothingKept(async () => {
        const body = expectError(await upload([{ field: 'file', filename: 'bad-row.csv', content }], { map: MAP }), 400, 'IMPORT_ROW_INVALID');
        expect(body.error.details).toEqual([{ file: 'bad-row.csv', line: 3, column: 'Value', reason: '"about 79 bn" is not a number', problem: 'NOT_A_NUMBER' }]);
        expect(body.error.message).toBe('bad-row.csv, line 3, column Value: "about 79 bn" is not a number. Nothing was imported.');
      });
    });

    it('refuses a mapping that names a column the file lacks: 400 IMPORT_ROW_INVALID at the header', async () => {
      const content = `${HEADER}\n2021,,CHN,RUS,X,1\n`;
      const body = expectError(await upload([{ field: 'file', filename: 'no-amount.csv', content }], { map: MAP.replace('value=Value', 'value=Amount') }), 400, 'IMPORT_ROW_INVALID');
      expect(body.error.details).toEqual([{ file: 'no-amount.csv', line: 1, column: 'Amount', reason: 'column missing from the header', problem: 'COLUMN_MISSING' }]);
    });

    it('keeps the live release of a dataset when its replacement has a bad row', async () => {
      const good = await upload([{ field: 'file', filename: 'kept.csv', content: `${HEADER}\n2021,,KGZ,CHN,X,100\n2021,,KGZ,CHN,M,900\n` }], { map: MAP, release: 'r1' });
      expect(good.statusCode, good.body).toBe(201);
      const live = await datasetNamed('kept');

      const bad = await upload([{ field: 'file', filename: 'kept.csv', content: `${HEADER}\n2021,,KGZ,CHN,X,100\n2021,,KGZ,CHN,M,-900\n` }], { map: MAP, release: 'r2' });
      expectError(bad, 400, 'IMPORT_ROW_INVALID');
      expect(await datasetNamed('kept')).toEqual(live);
      const summary = await app.inject({ method: 'GET', url: '/api/trade/summary?reporter=KGZ&partners=CHN&year=2021&dataset=kept' });
      expect(summary.json<SummaryAnswer>().value).toEqual({ ok: true, value: '1000.00' });
    });
  });

  describe("reasons in the request's language", () => {
    const badYear = `${HEADER}\n2021,,CHN,RUS,X,1\n20x1,,CHN,KAZ,X,2\n`;

    it.each([
      ['?lang=ru', { map: MAP, lang: 'ru' }, {}],
      ['Accept-Language: ru', { map: MAP }, { 'accept-language': 'ru-RU,ru;q=0.9,en;q=0.5' }],
    ])('a bad year asked for with %s: the reason in Russian, the problem as a stable code', async (_how, query, language) => {
      const body = expectError(await upload([{ field: 'file', filename: 'bad-year.csv', content: badYear }], query, { ...admin.headers, ...language }), 400, 'IMPORT_ROW_INVALID');
      expect(body.error.message).toBe('bad-year.csv, строка 3, столбец Year: «20x1» — не год. Ничего не импортировано.');
      expect(body.error.details).toEqual([{ file: 'bad-year.csv', line: 3, column: 'Year', reason: '«20x1» — не год', problem: 'NOT_A_YEAR' }]);
    });

    it('an unknown country code in Traditional Chinese, converted from the Simplified text', async () => {
      const content = `${HEADER}\n2021,,CHN,Narnia,X,1\n`;
      const body = expectError(await upload([{ field: 'file', filename: 'narnia.csv', content }], { map: MAP, lang: 'zh-Hant' }), 400, 'IMPORT_ROW_INVALID');
      expect(body.error.details).toEqual([{ file: 'narnia.csv', line: 2, column: 'Partner', reason: expect.stringContaining('“Narnia”不是國家或地區') as string, problem: 'UNKNOWN_AREA_CODE' }]);
    });

    it('a mapping with a field it does not know, in Simplified Chinese, naming the field', async () => {
      const content = await fixture('seed-claims/tjk-gaps.csv');
      const body = expectError(await upload([{ field: 'file', filename: 'badly-mapped.csv', content }], { map: 'year=Year,colour=Colour', lang: 'zh-Hans' }), 400, 'IMPORT_FILE_INVALID');
      expect(body.error.message).toContain('map 中的字段 colour：未知的映射字段');
      expect(body.error.details).toEqual([{ field: 'colour', reason: expect.stringContaining('未知的映射字段') as string, problem: 'UNKNOWN_MAPPING_FIELD' }]);
    });
  });

  describe('malformed requests', () => {
    it('refuses a body without the file field: 400 VALIDATION_FAILED at body.file', async () => {
      const body = expectError(await upload([{ field: 'companion', filename: 'country_codes_V202401.csv', content: await fixture('baci/country_codes_V202401.csv') }]), 400, 'VALIDATION_FAILED');
      expect(body.error.details?.[0]).toMatchObject({ path: 'body.file' });
    });

    it.each([
      ['before the file', (file: Part, note: Part) => [note, file]],
      ['after the file', (file: Part, note: Part) => [file, note]],
    ])('refuses a text field %s: 400 VALIDATION_FAILED naming it, nothing kept', async (_where, order) => {
      const file = { field: 'file', filename: 'with-note.csv', content: await fixture('seed-claims/tjk-gaps.csv') };
      const note = { field: 'note', content: 'Tajikistan, revised' };
      await expectNothingKept(async () => {
        const body = expectError(await upload(order(file, note), { map: MAP }), 400, 'VALIDATION_FAILED');
        expect(body.error.details?.[0]).toMatchObject({ path: 'body.note' });
      });
    });

    it('refuses a JSON body: 415 UNSUPPORTED_MEDIA_TYPE', async () => {
      const response = await app.inject({ method: 'POST', url: '/api/trade/imports', payload: { file: 'china-sco-claims.csv' }, headers: admin.headers });
      expectError(response, 415, 'UNSUPPORTED_MEDIA_TYPE');
    });

    it.each([
      ['a query parameter it does not know', { colour: 'red' }, 'querystring.colour'],
      ['a format it does not read', { format: 'xlsx' }, 'querystring.format'],
      ['a dataset name that is not lower-case', { dataset: 'My Data' }, 'querystring.dataset'],
    ])('refuses %s: 400 VALIDATION_FAILED', async (_what, query, path) => {
      const body = expectError(await upload([{ field: 'file', filename: 'any.csv', content: `${HEADER}\n` }], query), 400, 'VALIDATION_FAILED');
      expect(body.error.details?.[0]).toMatchObject({ path });
    });
  });
});

describe('a whole-file problem with a code', () => {
  const upload = { folder: '/tmp/scohub-upload-x', file: '/tmp/scohub-upload-x/empty.csv' };

  it("is answered in the request's language, naming the uploaded file but not the server folder", () => {
    const failure = importFailure(new ImportFileError(`${upload.file}: the file is empty`, { code: 'EMPTY_FILE', params: {} }), 'ru', upload);
    expect(failure).toMatchObject({ code: 'IMPORT_FILE_INVALID', params: { reason: 'empty.csv: файл пуст' }, details: [{ file: 'empty.csv', reason: 'файл пуст', problem: 'EMPTY_FILE' }] });
  });

  it('without a code keeps its English message, less the server folder', () => {
    const failure = importFailure(new ImportFileError(`${upload.file}: the file is empty`), 'ru', upload);
    expect(failure).toMatchObject({ code: 'IMPORT_FILE_INVALID', params: { reason: 'empty.csv: the file is empty' } });
    expect(failure?.details).toBeUndefined();
  });
});
