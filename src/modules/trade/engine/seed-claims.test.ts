import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Indicator } from '../../org/model.ts';
import { answerClaim, claimQuery } from './claim-query.ts';
import { checkClaim, type ClaimStatus } from './claims.ts';
import { centsFromDollars } from './decimal.ts';
import { rankPartners } from './ranking.ts';
import { buildSeries } from './series.ts';

/**
 * The trade claims of the 2022 China–SCO report, checked end to end against data shaped to match them. The totals
 * are the report's (2020 and 2001 as the growth and the multiple imply; January–July 2021 as 226.8 bn / 1.25); the
 * split into months and the partners' values are illustrative.
 */
const indicators = JSON.parse(
  readFileSync(new URL('../../org/reference/seed-indicators.json', import.meta.url), 'utf8'),
) as Omit<Indicator, 'id'>[];

const TOLERANCE_PERCENT = 1;

/** China's trade with the other SCO members, bn USD, by year or month. */
const CHINA_WITH_SCO: Readonly<Record<string, string>> = {
  '2001': '12.1',
  '2020': '245.2',
  '2021-01': '24.0',
  '2021-02': '22.5',
  '2021-03': '26.1',
  '2021-04': '26.8',
  '2021-05': '27.0',
  '2021-06': '27.4',
  '2021-07': '27.6',
  '2021-08': '31.0',
  '2021-09': '31.5',
  '2021-10': '32.0',
  '2021-11': '33.0',
  '2021-12': '34.4',
  '2022-01': '30.2',
  '2022-02': '28.4',
  '2022-03': '32.1',
  '2022-04': '31.9',
  '2022-05': '33.5',
  '2022-06': '34.6',
  '2022-07': '36.1',
};

/** Each reporter's total trade with its largest partners in 2021, bn USD. */
const PARTNERS_2021: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  RUS: { WLD: '789.4', CHN: '140.7', DEU: '57.0', NLD: '40.2', BLR: '38.5', USA: '30.2' },
  PAK: { WLD: '103.0', CHN: '27.8', ARE: '11.2', USA: '8.5', SAU: '5.4' },
  KAZ: { WLD: '101.5', RUS: '24.6', CHN: '18.0', ITA: '13.9', NLD: '5.2' },
  UZB: { WLD: '42.1', RUS: '7.5', CHN: '7.4', KAZ: '4.3', TUR: '3.7' },
  KGZ: { WLD: '7.0', RUS: '2.2', CHN: '1.3', KAZ: '1.0', TUR: '0.6' },
};

const billions = (text: string): bigint => centsFromDollars(text) * 1_000_000_000n;

function seriesOf(values: Readonly<Record<string, string>>) {
  return buildSeries(
    Object.entries(values).map(([label, bn]) => {
      const [year = '', month = '0'] = label.split('-');
      return { year: Number(year), month: Number(month), value: billions(bn) };
    }),
  );
}

function rankingsOf(partners: typeof PARTNERS_2021) {
  return new Map(
    Object.entries(partners).map(([reporter, values]) => [
      reporter,
      rankPartners(new Map(Object.entries(values).map(([partner, bn]) => [partner, billions(bn)]))),
    ]),
  );
}

/** Every trade claim of the report checked against the data, by key. */
function checkAll(series = CHINA_WITH_SCO, partners = PARTNERS_2021): Map<string, ClaimStatus> {
  const chinaWithSco = seriesOf(series);
  const rankings = rankingsOf(partners);
  const statuses = new Map<string, ClaimStatus>();
  for (const indicator of indicators) {
    const query = claimQuery(indicator);
    if (!query) continue;
    const evidence = query.kind === 'rank' ? { ranking: rankings.get(query.reporter) } : { series: chinaWithSco };
    statuses.set(indicator.key, checkClaim(indicator, answerClaim(query, evidence), TOLERANCE_PERCENT).status);
  }
  return statuses;
}

const inconsistent = (statuses: Map<string, ClaimStatus>): string[] =>
  [...statuses].filter(([, status]) => status !== 'consistent').map(([key]) => key).sort();

describe("the report's trade claims", () => {
  it('are the ten the trade data can answer; the others (trains, area, loans…) are left alone', () => {
    expect([...checkAll().keys()].sort()).toEqual([
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
    ]);
  });

  it('are all consistent with data matching the report, at a 1 % tolerance', () => {
    // 343.3 bn; 343.3 / 245.2 − 1 = 40.0 %; 343.3 / 12.1 = 28.4 times; 226.8 bn; 226.8 / 181.4 − 1 = 25.0 %.
    expect(inconsistent(checkAll())).toEqual([]);
  });

  it.each([
    ['2020 down to 230.0 bn', { '2020': '230.0' }, ['seed2022.chn-sco.trade-growth.2021']],
    ['2001 down to 11.0 bn', { '2001': '11.0' }, ['seed2022.chn-sco.trade-multiple-vs-2001.2021']],
    [
      'March 2021 up 1.4 bn: the year and its multiple stay within bounds, both growth rates do not',
      { '2021-03': '27.5' },
      ['seed2022.chn-sco.trade-growth.2021', 'seed2022.chn-sco.trade-growth.2022-jan-jul'],
    ],
    [
      'December 2021 up 4 bn: the year, its growth and its multiple, not January–July',
      { '2021-12': '38.4' },
      [
        'seed2022.chn-sco.trade-growth.2021',
        'seed2022.chn-sco.trade-multiple-vs-2001.2021',
        'seed2022.chn-sco.trade.2021',
      ],
    ],
    [
      'July 2022 down to 30.0 bn',
      { '2022-07': '30.0' },
      ['seed2022.chn-sco.trade-growth.2022-jan-jul', 'seed2022.chn-sco.trade.2022-jan-jul'],
    ],
  ])('change %s, and exactly the claims built on it become inconsistent', (_change, changed, expected) => {
    expect(inconsistent(checkAll({ ...CHINA_WITH_SCO, ...changed }))).toEqual(expected);
  });

  it("change one reporter's partners, and only that reporter's rank claim fails", () => {
    const partners = { ...PARTNERS_2021, KAZ: { ...PARTNERS_2021.KAZ, ITA: '19.0' } };
    expect(inconsistent(checkAll(CHINA_WITH_SCO, partners))).toEqual(['seed2022.kaz-chn.trading-partner-rank.2021']);
  });

  it('a month missing from January–July leaves the claims that need it not computable, not inconsistent', () => {
    const { ['2021-04']: _april, ...withoutApril } = CHINA_WITH_SCO;
    const statuses = checkAll(withoutApril);
    expect(inconsistent(statuses)).toEqual([
      'seed2022.chn-sco.trade-growth.2021',
      'seed2022.chn-sco.trade-growth.2022-jan-jul',
      'seed2022.chn-sco.trade-multiple-vs-2001.2021',
      'seed2022.chn-sco.trade.2021',
    ]);
    expect(new Set([...statuses.values()])).toEqual(new Set(['consistent', 'not_computable']));
  });
});
