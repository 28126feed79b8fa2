import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.ts';
import { openSeededDatabase, testDatabaseKinds } from '../../db/testing.ts';
import { checkClaims, mirrorOf, partnerRanking, productsOf, seriesFor, summaryOf, type ClaimRow, type MoneyFigure } from './analysis.ts';
import { centsFromDollars, type MirrorSide } from './engine/index.ts';
import { centsToDecimal } from './formats/decimal.ts';
import { parseColumnMapping } from './formats/mapped-csv.ts';
import { importTradeFile, type ImportRequest } from './import/import-dataset.ts';
import type { FlowSelector } from './model.ts';

/**
 * The analysis answers on hand-designed data whose totals are known (fixtures/README.md): China's trade with the
 * other SCO members as the 2022 report gives it, Tajikistan's data full of gaps, and a small BACI file for products.
 */

const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
const SEED_CLAIMS = join(FIXTURES, 'seed-claims', 'china-sco-claims.csv');
const TJK_GAPS = join(FIXTURES, 'seed-claims', 'tjk-gaps.csv');
const UZB_AREAS_NES = join(FIXTURES, 'seed-claims', 'uzb-areas-nes.csv');
const BACI = join(FIXTURES, 'baci', 'BACI_HS17_Y2021_V202401.csv');
const MAPPING = parseColumnMapping('year=Year,month=Month,reporter=Reporter,partner=Partner,flow=Flow,value=Value');

/** The report's ten trade claims: the figures trade data can answer. */
const TRADE_CLAIMS = [
  'seed2022.chn-sco.trade-growth.2021',
  'seed2022.chn-sco.trade-growth.2022-jan-jul',
  'seed2022.chn-sco.trade-multiple-vs-2001.2021',
  'seed2022.chn-sco.trade.2021',
  'seed2022.chn-sco.trade.2022-jan-jul',
  'seed2022.kaz-chn.trading-partner-rank.2021',
  'seed2022.kgz-chn.trading-partner-rank.2021',
  'seed2022.pak-chn.trading-partner-rank.2021',
  'seed2022.rus-chn.trading-partner-rank.2021',
  'seed2022.uzb-chn.trading-partner-rank.2021',
];

const MEMBERS_2021_BUT_CHINA = ['IND', 'KAZ', 'KGZ', 'PAK', 'RUS', 'TJK', 'UZB'];

/** Exact dollars as the answers give them: bn('343.3') = '343300000000.00'. */
const bn = (billions: string): string => centsToDecimal(centsFromDollars(billions) * 1_000_000_000n);
const mn = (millions: string): string => centsToDecimal(centsFromDollars(millions) * 1_000_000n);
const usd = (dollars: string): string => centsToDecimal(centsFromDollars(dollars));
const money = (value: string): MoneyFigure => ({ ok: true, value });
const about = (value: number) => ({ ok: true, value: expect.closeTo(value, 9) as number });

async function importFixture(db: Database, file: string, options: Partial<ImportRequest> = {}) {
  const result = await importTradeFile(db, { file, mapping: MAPPING, release: 'v1', ...options });
  expect(result.status).toBe('imported');
  return result;
}

/** Every number anywhere in an answer is finite: gaps are reasons, never NaN or Infinity. */
function expectOnlyFiniteNumbers(value: unknown, path = 'answer'): void {
  if (typeof value === 'number') expect(Number.isFinite(value), `${path} = ${value}`).toBe(true);
  else if (Array.isArray(value)) value.forEach((item, i) => expectOnlyFiniteNumbers(item, `${path}[${i}]`));
  else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) expectOnlyFiniteNumbers(item, `${path}.${key}`);
}

const byKey = (rows: readonly ClaimRow[]) => new Map(rows.map((row) => [row.indicator.key, row]));
const keysWithStatus = (rows: readonly ClaimRow[], status: string) => rows.filter((r) => r.check.status === status).map((r) => r.indicator.key).sort();

describe.each(testDatabaseKinds())('trade analysis on $name', (kind) => {
  describe('answers from the seed-shaped data', () => {
    let db: Database;

    beforeAll(async () => {
      db = await openSeededDatabase(kind);
      // BACI first, so that for China's 2021 trade the newer seed-shaped dataset is the default.
      await importTradeFile(db, { file: BACI });
      await importFixture(db, SEED_CLAIMS);
      await importFixture(db, TJK_GAPS);
      await db.query('INSERT INTO trade_groups (code, name, members) VALUES ($1, $2, $3)', ['CENTRAL_ASIA', 'Central Asia', ['KAZ', 'KGZ', 'TJK', 'TKM', 'UZB']]);
    });

    afterAll(async () => {
      await db?.close();
    });

    describe('summaryOf', () => {
      it("gives China's 2021 trade with the other SCO members: 343.3 bn, +40.0 % on 2020, 28.4 times 2001", async () => {
        const answer = await summaryOf(db, { reporter: 'CHN', partners: 'SCO_MEMBERS_OTHER', flow: 'total', period: '2021', base: '2001' });
        expect(answer).toEqual({
          dataset: { name: 'china-sco-claims', release: 'v1', synthetic: false },
          reporter: 'CHN',
          partners: { code: 'SCO_MEMBERS_OTHER', members: MEMBERS_2021_BUT_CHINA, asOf: '2021-12-31' },
          flow: 'total',
          period: '2021',
          value: money(bn('343.3')),
          previousPeriod: '2020',
          previous: money(bn('245.2')),
          growthPercent: about(((343.3 - 245.2) / 245.2) * 100),
          basePeriod: '2001',
          basePartners: { code: 'SCO_MEMBERS_OTHER', members: ['KAZ', 'KGZ', 'RUS', 'TJK', 'UZB'], asOf: '2001-12-31' },
          multiple: about(343.3 / 12.1),
        });
      });

      it('gives January–July 2022 against January–July 2021: 226.8 bn, +25.0 %, with the members as of 31 July 2022', async () => {
        const answer = await summaryOf(db, { reporter: 'chn', partners: 'sco', flow: 'total', period: '2022-01/2022-07' });
        expect(answer).toMatchObject({
          reporter: 'CHN',
          partners: { code: 'SCO', members: MEMBERS_2021_BUT_CHINA, asOf: '2022-07-31' },
          period: '2022-01/2022-07',
          value: money(bn('226.8')),
          previousPeriod: '2021-01/2021-07',
          previous: money(bn('181.4')),
          growthPercent: about(((226.8 - 181.4) / 181.4) * 100),
        });
        expect(answer).not.toHaveProperty('basePeriod');
        expect(answer).not.toHaveProperty('multiple');
      });

      it('gives a single month against the same month a year earlier', async () => {
        const answer = await summaryOf(db, { reporter: 'CHN', partners: 'SCO', flow: 'total', period: '2022-07' });
        expect(answer).toMatchObject({ period: '2022-07', value: money(bn('36.1')), previousPeriod: '2021-07', previous: money(bn('27.6')), growthPercent: about((8.5 / 27.6) * 100) });
        expect(answer.partners.asOf).toBe('2022-07-31');
      });

      it.each<[FlowSelector, MoneyFigure]>([
        ['export', money(mn('217916'))],
        ['import', money(mn('125384'))],
        ['total', money(mn('343300'))],
        ['re-export', { ok: false, reason: 'no_data' }],
      ])('measures the %s flow', async (flow, value) => {
        const answer = await summaryOf(db, { reporter: 'CHN', partners: 'SCO', flow, period: '2021' });
        expect(answer.flow).toBe(flow);
        expect(answer.value).toEqual(value);
      });

      it('does not count Iran, a member only from 2023, in 2021 although it trades with China that year', async () => {
        const answer = await summaryOf(db, { reporter: 'CHN', partners: 'SCO', flow: 'total', period: '2021' });
        expect(answer.partners.members).not.toContain('IRN');
        expect(answer.value).toEqual(money(bn('343.3')));
      });

      it.each([
        ['the members written out', 'IND,KAZ,KGZ,PAK,RUS,TJK,UZB', mn('343300')],
        ['two partners', 'rus,kaz', mn('172132')],
        ['a custom group', 'CENTRAL_ASIA', mn('42729')],
        ['the world', 'WLD', mn('6046664')],
      ])('sums over %s', async (_what, partners, value) => {
        const answer = await summaryOf(db, { reporter: 'CHN', partners, flow: 'total', period: '2021' });
        expect(answer.value).toEqual(money(value));
      });

      it('counts the members as of the end of the period: Tajikistan in 2001 trades with the founders, not yet with India', async () => {
        const answer = await summaryOf(db, { reporter: 'TJK', partners: 'SCO', flow: 'total', period: '2001' });
        expect(answer.dataset.name).toBe('tjk-gaps');
        expect(answer.partners).toEqual({ code: 'SCO', members: ['CHN', 'KAZ', 'KGZ', 'RUS', 'UZB'], asOf: '2001-12-31' });
        expect(answer.value).toEqual(money(mn('150')));
      });

      it('compares growth with the same members in both years, but a multiple of 2001 with the members of 2001', async () => {
        const answer = await summaryOf(db, { reporter: 'TJK', partners: 'SCO', flow: 'total', period: '2021', base: '2001' });
        expect(answer).toMatchObject({
          partners: { members: ['CHN', 'IND', 'KAZ', 'KGZ', 'PAK', 'RUS', 'UZB'], asOf: '2021-12-31' },
          basePartners: { members: ['CHN', 'KAZ', 'KGZ', 'RUS', 'UZB'], asOf: '2001-12-31' },
          value: money(mn('2040')),
          previous: money(mn('1720')),
          growthPercent: about((320 / 1720) * 100),
          multiple: about(2040 / 150),
        });
      });

      it('counts Iran from 2023 and Belarus from 2024, each in its comparison year too', async () => {
        const in2023 = await summaryOf(db, { reporter: 'TJK', partners: 'SCO', flow: 'total', period: '2023' });
        expect(in2023.partners.members).toEqual(['CHN', 'IND', 'IRN', 'KAZ', 'KGZ', 'PAK', 'RUS', 'UZB']);
        expect(in2023.value).toEqual(money(mn('1800')));

        const in2024 = await summaryOf(db, { reporter: 'TJK', partners: 'SCO', flow: 'total', period: '2024' });
        expect(in2024.partners.members).toEqual(['BLR', 'CHN', 'IND', 'IRN', 'KAZ', 'KGZ', 'PAK', 'RUS', 'UZB']);
        expect(in2024).toMatchObject({ value: money(mn('2110')), previousPeriod: '2023', previous: money(mn('1840')), growthPercent: about((270 / 1840) * 100) });
      });

      describe('figures that cannot be computed say why', () => {
        it('a zero base gives zero_base for growth and multiple', async () => {
          const answer = await summaryOf(db, { reporter: 'TJK', partners: 'AFG', flow: 'total', period: '2021', base: '2020' });
          expect(answer).toMatchObject({
            value: money(mn('120')),
            previous: money('0.00'),
            growthPercent: { ok: false, reason: 'zero_base' },
            multiple: { ok: false, reason: 'zero_base' },
          });
          expectOnlyFiniteNumbers(answer);
        });

        it('a month missing from the period gives incomplete_period, naming the month', async () => {
          const answer = await summaryOf(db, { reporter: 'TJK', partners: 'CHN', flow: 'total', period: '2022-01/2022-04' });
          expect(answer.value).toEqual({ ok: false, reason: 'incomplete_period', missing: ['2022-03'] });
          expect(answer.growthPercent).toEqual({ ok: false, reason: 'incomplete_period', missing: ['2022-03'] });
          expectOnlyFiniteNumbers(answer);
        });

        it('nothing a year earlier gives missing_base', async () => {
          const answer = await summaryOf(db, { reporter: 'TJK', partners: 'CHN', flow: 'total', period: '2022-01/2022-02' });
          expect(answer).toMatchObject({
            value: money(mn('102')),
            previousPeriod: '2021-01/2021-02',
            previous: { ok: false, reason: 'no_data' },
            growthPercent: { ok: false, reason: 'missing_base' },
          });
          expectOnlyFiniteNumbers(answer);
        });

        it('a year known only for some months is not a year: growth on it is incomplete_period', async () => {
          const answer = await summaryOf(db, { reporter: 'TJK', partners: 'SCO', flow: 'total', period: '2023' });
          const missing2022 = ['2022-03', '2022-05', '2022-06', '2022-07', '2022-08', '2022-09', '2022-10', '2022-11', '2022-12'];
          expect(answer.previous).toEqual({ ok: false, reason: 'incomplete_period', missing: missing2022 });
          expect(answer.growthPercent).toEqual({ ok: false, reason: 'incomplete_period', missing: missing2022 });
        });

        it('total trade needs exports and imports: exports alone give no total', async () => {
          const total = await summaryOf(db, { reporter: 'TJK', partners: 'TUR', flow: 'total', period: '2021' });
          expect(total).toMatchObject({ value: { ok: false, reason: 'no_data' }, growthPercent: { ok: false, reason: 'missing_current' } });
          const exports = await summaryOf(db, { reporter: 'TJK', partners: 'TUR', flow: 'export', period: '2021' });
          expect(exports).toMatchObject({ value: money(mn('200')), growthPercent: { ok: false, reason: 'missing_base' } });
          expectOnlyFiniteNumbers([total, exports]);
        });

        it('a base period without data gives missing_base for the multiple', async () => {
          const answer = await summaryOf(db, { reporter: 'CHN', partners: 'SCO', flow: 'total', period: '2021', base: '2010' });
          expect(answer).toMatchObject({ basePeriod: '2010', multiple: { ok: false, reason: 'missing_base' } });
        });
      });

      it('a reporter no dataset covers is TRADE_NO_DATA', async () => {
        await expect(summaryOf(db, { reporter: 'AFG', partners: 'SCO', flow: 'total', period: '2021' })).rejects.toMatchObject({ code: 'TRADE_NO_DATA' });
      });

      it('a partners code that is no group is UNKNOWN_PARTNER_GROUP', async () => {
        await expect(summaryOf(db, { reporter: 'CHN', partners: 'SCO_ALLIES', flow: 'total', period: '2021' })).rejects.toMatchObject({ code: 'UNKNOWN_PARTNER_GROUP' });
      });

      it('a period that is not one is INVALID_PERIOD', async () => {
        await expect(summaryOf(db, { reporter: 'CHN', partners: 'SCO', flow: 'total', period: '2021-07/2022-06' })).rejects.toMatchObject({ code: 'INVALID_PERIOD' });
      });
    });

    describe('seriesFor', () => {
      it("gives China's annual trade with the SCO as it stood at the end of the last year asked", async () => {
        const answer = await seriesFor(db, { reporter: 'CHN', partners: 'SCO', flow: 'total', frequency: 'annual', to: 2021 });
        expect(answer).toEqual({
          dataset: { name: 'china-sco-claims', release: 'v1', synthetic: false },
          reporter: 'CHN',
          partners: { code: 'SCO', members: MEMBERS_2021_BUT_CHINA, asOf: '2021-12-31' },
          flow: 'total',
          frequency: 'annual',
          points: [
            { period: '2001', value: bn('12.1') },
            { period: '2020', value: bn('245.2') },
            { period: '2021', value: bn('343.3') },
          ],
        });
      });

      it('keeps only the years from `from` to `to`', async () => {
        const answer = await seriesFor(db, { reporter: 'CHN', partners: 'SCO', flow: 'export', frequency: 'annual', from: 2020, to: 2021 });
        expect(answer.points).toEqual([
          { period: '2020', value: mn('153413') },
          { period: '2021', value: mn('217916') },
        ]);
      });

      it('counts in each year the members of that year, so Iran (a member from 2023) is not in 2021; 2022, known for seven months, is left out', async () => {
        const answer = await seriesFor(db, { reporter: 'CHN', partners: 'SCO', flow: 'total', frequency: 'annual' });
        expect(answer.partners.asOf).toBe(`${new Date().getUTCFullYear()}-12-31`);
        expect(answer.partners.members).toEqual(expect.arrayContaining(['IRN', 'BLR']));
        expect(answer.points).toEqual([
          { period: '2001', value: bn('12.1') },
          { period: '2020', value: bn('245.2') },
          { period: '2021', value: bn('343.3') },
        ]);
      });

      it('gives monthly values', async () => {
        const answer = await seriesFor(db, { reporter: 'CHN', partners: 'SCO', flow: 'total', frequency: 'monthly', from: 2022 });
        expect(answer.frequency).toBe('monthly');
        expect(answer.points).toEqual(
          ['30.2', '28.4', '32.1', '31.9', '33.5', '34.6', '36.1'].map((value, i) => ({ period: `2022-0${i + 1}`, value: bn(value) })),
        );
      });

      it('gives one partner monthly, by flow', async () => {
        const answer = await seriesFor(db, { reporter: 'CHN', partners: 'RUS', flow: 'import', frequency: 'monthly', from: 2022, to: 2022 });
        expect(answer.points.at(-1)).toEqual({ period: '2022-07', value: mn('8382') });
        expect(answer.points).toHaveLength(7);
      });

      it('leaves out years it cannot complete and months with no data, never inventing values', async () => {
        const annual = await seriesFor(db, { reporter: 'TJK', partners: 'SCO', flow: 'total', frequency: 'annual', to: 2024 });
        // India counts from 2017 and Iran from 2023, Belarus (2024) not yet in 2023
        expect(annual.points).toEqual([
          { period: '2001', value: mn('150') },
          { period: '2020', value: mn('1720') },
          { period: '2021', value: mn('2040') },
          { period: '2023', value: mn('1800') },
          { period: '2024', value: mn('2110') },
        ]);
        const monthly = await seriesFor(db, { reporter: 'TJK', partners: 'SCO', flow: 'total', frequency: 'monthly' });
        expect(monthly.points).toEqual([
          { period: '2022-01', value: mn('54') },
          { period: '2022-02', value: mn('48') },
          { period: '2022-04', value: mn('60') },
        ]);
      });
    });

    describe('partnerRanking', () => {
      it("ranks Russia's partners in 2021 with China first, and shares of its trade with the world", async () => {
        const answer = await partnerRanking(db, { reporter: 'RUS', flow: 'total', period: '2021' });
        expect(answer).toEqual({
          dataset: { name: 'china-sco-claims', release: 'v1', synthetic: false },
          reporter: 'RUS',
          flow: 'total',
          period: '2021',
          world: money(bn('789.4')),
          partners: [
            { partner: 'CHN', rank: 1, value: bn('140.7'), sharePercent: about((140.7 / 789.4) * 100) },
            { partner: 'DEU', rank: 2, value: bn('57.0'), sharePercent: about((57.0 / 789.4) * 100) },
            { partner: 'NLD', rank: 3, value: bn('40.2'), sharePercent: about((40.2 / 789.4) * 100) },
            { partner: 'BLR', rank: 4, value: bn('38.5'), sharePercent: about((38.5 / 789.4) * 100) },
            { partner: 'USA', rank: 5, value: bn('30.2'), sharePercent: about((30.2 / 789.4) * 100) },
          ],
        });
      });

      it.each([
        [1, 'PAK', ['CHN', 'ARE']],
        [2, 'KAZ', ['RUS', 'CHN']],
        [2, 'UZB', ['RUS', 'CHN']],
        [2, 'KGZ', ['RUS', 'CHN']],
      ])('puts China at rank %i among the partners of %s', async (rank, reporter, top2) => {
        const answer = await partnerRanking(db, { reporter, flow: 'total', period: '2021', limit: 2 });
        expect(answer.partners.map((p) => p.partner)).toEqual(top2);
        expect(answer.partners.find((p) => p.partner === 'CHN')?.rank).toBe(rank);
      });

      it("ranks by the flow asked: Kazakhstan's exports go first to Italy", async () => {
        const answer = await partnerRanking(db, { reporter: 'KAZ', flow: 'export', period: '2021' });
        expect(answer.world).toEqual(money(bn('60.3')));
        expect(answer.partners.map((p) => [p.partner, p.rank, p.value])).toEqual([
          ['ITA', 1, bn('12.4')],
          ['CHN', 2, bn('9.8')],
          ['RUS', 3, bn('6.5')],
          ['NLD', 4, bn('4.3')],
        ]);
      });

      it('ranks over months, with shares of the partners listed when there is no world total', async () => {
        const answer = await partnerRanking(db, { reporter: 'CHN', flow: 'total', period: '2022-01/2022-07' });
        expect(answer.period).toBe('2022-01/2022-07');
        expect(answer.world).toEqual({ ok: false, reason: 'no_data' });
        expect(answer.partners).toEqual([
          { partner: 'RUS', rank: 1, value: mn('97524'), sharePercent: about(43) },
          { partner: 'IND', rank: 2, value: mn('83916'), sharePercent: about(37) },
          { partner: 'KAZ', rank: 3, value: mn('27216'), sharePercent: about(12) },
          { partner: 'PAK', rank: 4, value: mn('18144'), sharePercent: about(8) },
        ]);
      });

      it('does not rank areas not elsewhere specified, a residual rather than a partner', async () => {
        const answer = await partnerRanking(db, { reporter: 'TJK', flow: 'import', period: '2021' });
        expect(answer.partners).toEqual([
          { partner: 'RUS', rank: 1, value: mn('1300'), sharePercent: about((1300 / 1920) * 100) },
          { partner: 'CHN', rank: 2, value: mn('600'), sharePercent: about((600 / 1920) * 100) },
          { partner: 'AFG', rank: 3, value: mn('20'), sharePercent: about((20 / 1920) * 100) },
        ]);
      });

      it('a reporter no dataset covers is TRADE_NO_DATA', async () => {
        await expect(partnerRanking(db, { reporter: 'AFG', flow: 'total', period: '2021' })).rejects.toMatchObject({ code: 'TRADE_NO_DATA' });
      });
    });

    describe('productsOf', () => {
      const baci = { dataset: 'baci_hs17_y2021', reporter: 'CHN', partners: 'SCO', period: '2021' } as const;

      it("gives China's exports to the other members by HS chapter, largest first, from the dataset named", async () => {
        const answer = await productsOf(db, { ...baci, flow: 'export', level: 2 });
        expect(answer).toEqual({
          dataset: { name: 'baci_hs17_y2021', release: 'V202401', synthetic: false },
          reporter: 'CHN',
          partners: { code: 'SCO', members: MEMBERS_2021_BUT_CHINA, asOf: '2021-12-31' },
          flow: 'export',
          period: '2021',
          level: 2,
          total: usd('2233635'),
          products: [
            { product: '84', value: usd('2230510'), sharePercent: about((2230510 / 2233635) * 100) },
            { product: '08', value: usd('3125'), sharePercent: about((3125 / 2233635) * 100) },
          ],
        });
      });

      it('gives headings at level 4', async () => {
        const answer = await productsOf(db, { ...baci, flow: 'export', level: 4 });
        expect(answer.products.map((p) => [p.product, p.value])).toEqual([
          ['8471', usd('2230510')],
          ['0804', usd('3125')],
        ]);
      });

      it("gives subheadings at level 6, a reconciled dataset's imports being its partners' exports", async () => {
        const answer = await productsOf(db, { ...baci, flow: 'import', level: 6 });
        expect(answer.total).toBe(usd('43513345'));
        expect(answer.products).toEqual([
          { product: '270900', value: usd('43500000'), sharePercent: about((43500000 / 43513345) * 100) },
          { product: '080410', value: usd('12346'), sharePercent: about((12346 / 43513345) * 100) },
          { product: '010121', value: usd('999'), sharePercent: about((999 / 43513345) * 100) },
        ]);
      });

      it('with top, lists the largest and sums the rest as OTHER, so the parts still make the total', async () => {
        const answer = await productsOf(db, { ...baci, flow: 'import', level: 2, top: 1 });
        expect(answer.total).toBe(usd('43513345'));
        expect(answer.products.map((p) => [p.product, p.value])).toEqual([
          ['27', usd('43500000')],
          ['OTHER', usd('13345')],
        ]);
      });

      it('counts only the partners asked', async () => {
        const answer = await productsOf(db, { ...baci, partners: 'RUS', flow: 'export', level: 6 });
        expect(answer.products.map((p) => [p.product, p.value])).toEqual([
          ['847130', usd('1250500')],
          ['080410', usd('3125')],
        ]);
      });

      it('a dataset name that does not exist is DATASET_NOT_FOUND', async () => {
        await expect(productsOf(db, { ...baci, dataset: 'baci_hs92', flow: 'export', level: 2 })).rejects.toMatchObject({ code: 'DATASET_NOT_FOUND' });
      });
    });

    describe('mirrorOf', () => {
      it.each<[MirrorSide, string]>([
        ['exporter', mn('67565')],
        ['importer', mn('72970.2')],
        ['max', mn('72970.2')],
        ['importer_else_exporter', mn('72970.2')],
      ])("sets China's exports to Russia against Russia's imports from China; side %s chooses %s", async (side, chosen) => {
        const answer = await mirrorOf(db, { exporter: 'chn', importer: 'rus', period: '2021', side });
        expect(answer).toEqual({
          dataset: { name: 'china-sco-claims', release: 'v1', synthetic: false },
          exporter: 'CHN',
          importer: 'RUS',
          period: '2021',
          exporterReported: money(mn('67565')),
          importerReported: money(mn('72970.2')),
          gap: money(mn('5405.2')),
          gapPercent: { ok: true, value: 8 },
          side,
          chosen: money(chosen),
        });
      });

      it('with one side unreported, the gap is not computable and the fallback takes the side there is', async () => {
        const fallback = await mirrorOf(db, { exporter: 'CHN', importer: 'TJK', period: '2021', side: 'importer_else_exporter' });
        expect(fallback).toMatchObject({
          exporterReported: money(mn('1700')),
          importerReported: { ok: false, reason: 'no_data' },
          gap: { ok: false, reason: 'missing_current' },
          gapPercent: { ok: false, reason: 'missing_current' },
          chosen: money(mn('1700')),
        });
        const importerOnly = await mirrorOf(db, { exporter: 'CHN', importer: 'TJK', period: '2021', side: 'importer' });
        expect(importerOnly.chosen).toEqual({ ok: false, reason: 'no_data' });
        expectOnlyFiniteNumbers([fallback, importerOnly]);
      });

      it('finds no gap in a reconciled dataset, where both sides are one record', async () => {
        const answer = await mirrorOf(db, { dataset: 'baci_hs17_y2021', exporter: 'CHN', importer: 'RUS', period: '2021', side: 'max' });
        expect(answer).toMatchObject({ exporterReported: money(usd('1253625')), importerReported: money(usd('1253625')), gap: money('0.00'), gapPercent: { ok: true, value: 0 } });
      });
    });

    it('checkClaims finds every trade claim consistent, each answered from the seed-shaped dataset', async () => {
      const rows = await checkClaims(db, { tolerancePercent: 1 });
      expect(rows.map((r) => r.indicator.key).sort()).toEqual(TRADE_CLAIMS);
      expect(keysWithStatus(rows, 'consistent')).toEqual(TRADE_CLAIMS);
      for (const row of rows) expect(row.dataset, row.indicator.key).toEqual({ name: 'china-sco-claims', release: 'v1', synthetic: false });
    });
  });

  describe('choosing the dataset', () => {
    let db: Database;
    let folder: string;

    beforeAll(async () => {
      db = await openSeededDatabase(kind);
      folder = await mkdtemp(join(tmpdir(), 'scohub-analysis-'));
      await importFixture(db, SEED_CLAIMS);
      // Newer, official, and only China's annual 2021 rows: the default for questions about China's 2021 as a year.
      const lines = (await readFile(SEED_CLAIMS, 'utf8')).trimEnd().split('\n');
      const annual2021 = join(folder, 'chn-2021-annual.csv');
      await writeFile(annual2021, [lines[0], ...lines.filter((line) => line.startsWith('2021,,CHN,'))].join('\n') + '\n');
      await importFixture(db, annual2021);
      // Newest, but synthetic: never preferred to official data, used only where nothing else has data.
      await importFixture(db, SEED_CLAIMS, { dataset: 'synthetic-sco', synthetic: true });
      await importFixture(db, TJK_GAPS, { dataset: 'synthetic-tjk', synthetic: true });
    });

    afterAll(async () => {
      await db?.close();
      if (folder) await rm(folder, { recursive: true, force: true });
    });

    it('takes the newest official dataset with data for the reporter in the year asked', async () => {
      const answer = await summaryOf(db, { reporter: 'CHN', partners: 'SCO', flow: 'total', period: '2021' });
      expect(answer.dataset).toEqual({ name: 'chn-2021-annual', release: 'v1', synthetic: false });
      expect(answer.value).toEqual(money(bn('343.3')));
    });

    it('never mixes sources: growth from the dataset chosen for 2021, which lacks 2020, is not computable', async () => {
      const answer = await summaryOf(db, { reporter: 'CHN', partners: 'SCO', flow: 'total', period: '2021' });
      expect(answer.growthPercent).toEqual({ ok: false, reason: 'missing_base' });
    });

    it('passes over a dataset without the year asked', async () => {
      const answer = await summaryOf(db, { reporter: 'CHN', partners: 'SCO', flow: 'total', period: '2020' });
      expect(answer.dataset.name).toBe('china-sco-claims');
      expect(answer.value).toEqual(money(bn('245.2')));
    });

    it('for months, passes over a dataset with annual data only', async () => {
      const answer = await summaryOf(db, { reporter: 'CHN', partners: 'SCO', flow: 'total', period: '2021-01/2021-07' });
      expect(answer.dataset.name).toBe('china-sco-claims');
      expect(answer.value).toEqual(money(bn('181.4')));
    });

    it('for a monthly series, takes the dataset with monthly data; for an annual one, the newest', async () => {
      const monthly = await seriesFor(db, { reporter: 'CHN', partners: 'SCO', flow: 'total', frequency: 'monthly', to: 2022 });
      expect(monthly.dataset.name).toBe('china-sco-claims');
      expect(monthly.points).toHaveLength(14);
      const annual = await seriesFor(db, { reporter: 'CHN', partners: 'SCO', flow: 'total', frequency: 'annual', to: 2021 });
      expect(annual.dataset.name).toBe('chn-2021-annual');
      expect(annual.points).toEqual([{ period: '2021', value: bn('343.3') }]);
    });

    it('prefers official data to newer synthetic data', async () => {
      const answer = await partnerRanking(db, { reporter: 'RUS', flow: 'total', period: '2021' });
      expect(answer.dataset).toEqual({ name: 'china-sco-claims', release: 'v1', synthetic: false });
    });

    it('uses synthetic data where nothing else covers the reporter, and says so', async () => {
      const answer = await summaryOf(db, { reporter: 'TJK', partners: 'SCO', flow: 'total', period: '2021' });
      expect(answer.dataset).toEqual({ name: 'synthetic-tjk', release: 'v1', synthetic: true });
    });

    it('chooses a mirror by its exporter', async () => {
      const answer = await mirrorOf(db, { exporter: 'RUS', importer: 'CHN', period: '2021', side: 'max' });
      expect(answer.dataset.name).toBe('china-sco-claims');
      expect(answer.exporterReported).toEqual(money(mn('67729.8')));
      expect(answer.importerReported).toEqual(money(mn('79318')));
    });

    it('answers from the dataset named, even when a newer one covers the question', async () => {
      const answer = await summaryOf(db, { dataset: 'china-sco-claims', reporter: 'CHN', partners: 'SCO', flow: 'total', period: '2021', base: '2001' });
      expect(answer.dataset.name).toBe('china-sco-claims');
      expect(answer.growthPercent).toEqual(about(((343.3 - 245.2) / 245.2) * 100));
      expect(answer.multiple).toEqual(about(343.3 / 12.1));
    });

    it('a dataset name that does not exist is DATASET_NOT_FOUND', async () => {
      await expect(summaryOf(db, { dataset: 'comtrade-2021', reporter: 'CHN', partners: 'SCO', flow: 'total', period: '2021' })).rejects.toMatchObject({ code: 'DATASET_NOT_FOUND' });
    });

    it('checkClaims names, claim by claim, the dataset each answer comes from', async () => {
      const rows = byKey(await checkClaims(db, { tolerancePercent: 1 }));
      expect(rows.get('seed2022.chn-sco.trade.2021')?.dataset?.name).toBe('chn-2021-annual');
      expect(rows.get('seed2022.chn-sco.trade.2021')?.check.status).toBe('consistent');
      expect(rows.get('seed2022.chn-sco.trade-growth.2021')?.dataset?.name).toBe('chn-2021-annual');
      expect(rows.get('seed2022.chn-sco.trade-growth.2021')?.check).toMatchObject({ status: 'not_computable', reason: 'missing_base' });
      expect(rows.get('seed2022.chn-sco.trade.2022-jan-jul')?.dataset?.name).toBe('china-sco-claims');
      expect(rows.get('seed2022.rus-chn.trading-partner-rank.2021')?.dataset?.name).toBe('china-sco-claims');
    });
  });

  describe('a series over years in which the group changes', () => {
    let db: Database;
    let folder: string;

    /**
     * Turkey (in no SCO group itself) trading with members old and new, in dollars and cents: India and Pakistan
     * join the SCO on 9 June 2017, Iran on 4 July 2023 and Belarus on 4 July 2024; the United States never does.
     */
    const TUR_ROWS = [
      ['2016', 'CHN', '1000.10', '2000.20'],
      ['2016', 'IND', '500.05', '499.95'],
      ['2016', 'IRN', '700', '300'],
      ['2016', 'USA', '9999.99', '1'],
      ['2017', 'CHN', '1100.11', '2100.21'],
      ['2017', 'IND', '600.06', '400.04'],
      ['2017', 'PAK', '200.02', '100.01'],
      ['2017', 'IRN', '800', '200'],
      ['2017', 'USA', '5', '5'],
      ['2023', 'CHN', '1200.12', '2200.22'],
      ['2023', 'IND', '700.07', '300.03'],
      ['2023', 'IRN', '900.09', '100.01'],
      ['2023', 'BLR', '400.04', '400.04'],
      ['2024', 'CHN', '1300.13', '2300.23'],
      ['2024', 'IND', '800.08', '200.02'],
      ['2024', 'IRN', '1000.10', '0'],
      ['2024', 'BLR', '500.05', '500.05'],
    ];
    /** Each year's members summed by hand: 2016 CHN; 2017 adds IND and PAK; 2023 adds IRN; 2024 adds BLR. */
    const SCO_TOTALS = [
      { period: '2016', value: usd('3000.30') },
      { period: '2017', value: usd('4500.45') },
      { period: '2023', value: usd('5400.54') },
      { period: '2024', value: usd('6600.66') },
    ];

    beforeAll(async () => {
      db = await openSeededDatabase(kind);
      folder = await mkdtemp(join(tmpdir(), 'scohub-series-'));
      const file = join(folder, 'tur-sco.csv');
      const lines = TUR_ROWS.flatMap(([year, partner, exports, imports]) => [`${year},,TUR,${partner},X,${exports}`, `${year},,TUR,${partner},M,${imports}`]);
      await writeFile(file, ['Year,Month,Reporter,Partner,Flow,Value', ...lines].join('\n') + '\n');
      await importFixture(db, file);
    });

    afterAll(async () => {
      await db?.close();
      if (folder) await rm(folder, { recursive: true, force: true });
    });

    it('counts in each year exactly the members of that year', async () => {
      const answer = await seriesFor(db, { reporter: 'TUR', partners: 'SCO', flow: 'total', frequency: 'annual', to: 2024 });
      expect(answer.partners).toEqual({ code: 'SCO', members: ['BLR', 'CHN', 'IND', 'IRN', 'KAZ', 'KGZ', 'PAK', 'RUS', 'TJK', 'UZB'], asOf: '2024-12-31' });
      expect(answer.points).toEqual(SCO_TOTALS);
    });

    it('agrees year by year with the figure for that year alone', async () => {
      const answer = await seriesFor(db, { reporter: 'TUR', partners: 'SCO', flow: 'total', frequency: 'annual' });
      for (const point of answer.points) {
        const summary = await summaryOf(db, { reporter: 'TUR', partners: 'SCO', flow: 'total', period: point.period });
        expect(summary.value, point.period).toEqual(money(point.value));
      }
      expect(answer.points).toEqual(SCO_TOTALS);
    });

    it('keeps the flow asked and the years from `from` to `to`', async () => {
      const answer = await seriesFor(db, { reporter: 'TUR', partners: 'SCO', flow: 'export', frequency: 'annual', from: 2017, to: 2023 });
      expect(answer.points).toEqual([
        { period: '2017', value: usd('1900.19') },
        { period: '2023', value: usd('2800.28') },
      ]);
    });

    it('counts a fixed group the same in every year, a partner named twice once', async () => {
      const answer = await seriesFor(db, { reporter: 'TUR', partners: 'IRN,USA,IRN', flow: 'import', frequency: 'annual' });
      expect(answer.points).toEqual([
        { period: '2016', value: usd('301.00') },
        { period: '2017', value: usd('205.00') },
        { period: '2023', value: usd('100.01') },
        { period: '2024', value: usd('0.00') },
      ]);
    });
  });

  describe('checking the published claims', () => {
    let db: Database;
    let folder: string;

    beforeAll(async () => {
      db = await openSeededDatabase(kind);
      folder = await mkdtemp(join(tmpdir(), 'scohub-claims-'));
    });

    afterAll(async () => {
      await db?.close();
      if (folder) await rm(folder, { recursive: true, force: true });
    });

    describe('before any trade data is imported', () => {
      it('lists the ten trade claims, each not computable for want of data and answered from no dataset', async () => {
        const rows = await checkClaims(db, { tolerancePercent: 1 });
        expect(rows.map((r) => r.indicator.key).sort()).toEqual(TRADE_CLAIMS);
        for (const row of rows) {
          expect(row.dataset, row.indicator.key).toBeNull();
          expect(row.check, row.indicator.key).toMatchObject({ status: 'not_computable', reason: 'no_data', computed: null, difference: null, differencePercent: null });
        }
      });
    });

    describe('with the seed-shaped data', () => {
      beforeAll(async () => {
        await importFixture(db, SEED_CLAIMS);
      });

      it('finds all ten trade claims consistent at a 1 % tolerance', async () => {
        const rows = await checkClaims(db, { tolerancePercent: 1 });
        expect(keysWithStatus(rows, 'consistent')).toEqual(TRADE_CLAIMS);
        expectOnlyFiniteNumbers(rows);
      });

      it('recomputes each figure from the data', async () => {
        const rows = byKey(await checkClaims(db, { tolerancePercent: 1 }));
        const computed = (key: string) => rows.get(key)?.check.computed;
        expect(computed('seed2022.chn-sco.trade.2021')).toBe('343300000000');
        expect(Number(computed('seed2022.chn-sco.trade-growth.2021'))).toBeCloseTo(40.008, 3);
        expect(Number(computed('seed2022.chn-sco.trade-multiple-vs-2001.2021'))).toBeCloseTo(28.372, 3);
        expect(computed('seed2022.chn-sco.trade.2022-jan-jul')).toBe('226800000000');
        expect(Number(computed('seed2022.chn-sco.trade-growth.2022-jan-jul'))).toBeCloseTo(25.028, 3);
        expect(['rus', 'pak', 'kaz', 'uzb', 'kgz'].map((r) => computed(`seed2022.${r}-chn.trading-partner-rank.2021`))).toEqual(['1', '1', '2', '2', '2']);
        expect(rows.get('seed2022.chn-sco.trade.2021')?.check).toMatchObject({ reported: '343300000000', difference: '0', allowedDifference: '3433000000' });
      });

      it("still finds them consistent at a zero tolerance: the publisher's rounding covers 40.0 %, 28.4 times and 25.0 %", async () => {
        const rows = await checkClaims(db, { tolerancePercent: 0 });
        expect(keysWithStatus(rows, 'consistent')).toEqual(TRADE_CLAIMS);
      });
    });

    describe('after importing a revised copy in which 2020 totals 260 bn', () => {
      beforeAll(async () => {
        const original = await readFile(SEED_CLAIMS, 'utf8');
        const revised = original.replace('\n2020,,CHN,RUS,X,50585000000\n', '\n2020,,CHN,RUS,X,65385000000\n');
        expect(revised).not.toBe(original);
        const file = join(folder, 'china-sco-claims-revised.csv');
        await writeFile(file, revised);
        await importFixture(db, file);
      });

      it('answers from the revised copy, now the newest dataset', async () => {
        const answer = await summaryOf(db, { reporter: 'CHN', partners: 'SCO', flow: 'total', period: '2020' });
        expect(answer.dataset.name).toBe('china-sco-claims-revised');
        expect(answer.value).toEqual(money(bn('260')));
      });

      it('finds exactly the 2021 growth claim inconsistent (+32.0 %, not 40 %); nothing else depends on 2020', async () => {
        const rows = await checkClaims(db, { tolerancePercent: 1 });
        expect(keysWithStatus(rows, 'inconsistent')).toEqual(['seed2022.chn-sco.trade-growth.2021']);
        expect(keysWithStatus(rows, 'consistent')).toEqual(TRADE_CLAIMS.filter((key) => key !== 'seed2022.chn-sco.trade-growth.2021'));
        const growth = byKey(rows).get('seed2022.chn-sco.trade-growth.2021');
        expect(growth?.dataset?.name).toBe('china-sco-claims-revised');
        expect(Number(growth?.check.computed)).toBeCloseTo((343.3 / 260 - 1) * 100, 9);
        expect(Number(growth?.check.difference)).toBeCloseTo((343.3 / 260 - 1) * 100 - 40, 9);
      });

      it('still finds every claim consistent when asked about the original dataset by name', async () => {
        const rows = await checkClaims(db, { dataset: 'china-sco-claims', tolerancePercent: 1 });
        expect(keysWithStatus(rows, 'consistent')).toEqual(TRADE_CLAIMS);
        for (const row of rows) expect(row.dataset?.name).toBe('china-sco-claims');
      });

      it('a dataset name that does not exist is DATASET_NOT_FOUND, not ten claims without data', async () => {
        await expect(checkClaims(db, { dataset: 'china-sco-claims-2023', tolerancePercent: 1 })).rejects.toMatchObject({ code: 'DATASET_NOT_FOUND' });
      });
    });

    describe("with an 'areas nes' residual larger than Russia in Uzbekistan's data", () => {
      beforeAll(async () => {
        await importFixture(db, UZB_AREAS_NES);
      });

      it('leaves China second among Uzbekistan’s partners in the claims check, as in the ranking', async () => {
        const ranking = await partnerRanking(db, { reporter: 'UZB', flow: 'total', period: '2021' });
        expect(ranking.dataset.name).toBe('uzb-areas-nes');
        expect(ranking.partners.map((p) => p.partner)).toEqual(['RUS', 'CHN', 'KAZ', 'TUR']);

        const claim = byKey(await checkClaims(db, { tolerancePercent: 1 })).get('seed2022.uzb-chn.trading-partner-rank.2021');
        expect(claim?.dataset?.name).toBe('uzb-areas-nes');
        expect(claim?.check).toMatchObject({ status: 'consistent', computed: '2' });
      });
    });
  });
});
