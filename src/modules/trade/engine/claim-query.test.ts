import { describe, expect, it } from 'vitest';
import type { Indicator } from '../../org/model.ts';
import { answerClaim, claimQuery, type QueriedIndicator } from './claim-query.ts';
import { notComputable } from './computed.ts';
import { rankPartners } from './ranking.ts';
import { buildSeries } from './series.ts';

const indicator = (fields: Partial<Indicator>): QueriedIndicator => ({
  metric: 'trade_value',
  reporter: 'CHN',
  partner: 'SCO_MEMBERS_OTHER',
  period: '2021',
  basePeriod: null,
  ...fields,
});

describe('claimQuery', () => {
  it('asks for the total trade of the reporter with the partner over the period', () => {
    expect(claimQuery(indicator({}))).toEqual({
      kind: 'value',
      reporter: 'CHN',
      partner: 'SCO_MEMBERS_OTHER',
      period: '2021',
      flow: 'total',
    });
  });

  it('compares growth with the stated base, or else the same months a year earlier', () => {
    expect(claimQuery(indicator({ metric: 'trade_growth_yoy', basePeriod: '2020' }))).toMatchObject({
      kind: 'growth',
      basePeriod: '2020',
    });
    expect(claimQuery(indicator({ metric: 'trade_growth_yoy', period: '2022-01/2022-07' }))).toMatchObject({
      kind: 'growth',
      period: '2022-01/2022-07',
      basePeriod: '2021-01/2021-07',
    });
  });

  it('asks for a multiple only against a stated base', () => {
    expect(claimQuery(indicator({ metric: 'trade_multiple_vs_base', basePeriod: '2001' }))).toMatchObject({
      kind: 'multiple',
      basePeriod: '2001',
    });
    expect(claimQuery(indicator({ metric: 'trade_multiple_vs_base' }))).toBeUndefined();
  });

  it("asks for a partner's rank among the reporter's partners", () => {
    expect(claimQuery(indicator({ metric: 'trading_partner_rank', reporter: 'RUS', partner: 'CHN' }))).toEqual({
      kind: 'rank',
      reporter: 'RUS',
      partner: 'CHN',
      period: '2021',
      flow: 'total',
    });
  });

  it.each<[Partial<Indicator>, string]>([
    [{ metric: 'area' }, 'a metric trade data does not measure'],
    [{ metric: 'trains_run' }, 'trains, not trade'],
    [{ metric: 'toString' }, 'a name that only an object prototype knows'],
    [{ reporter: null }, 'no reporter'],
    [{ partner: null }, 'no partner'],
    [{ period: '2021-12/2022-01' }, 'a period across two years'],
    [{ period: '2022-09-01' }, 'a day'],
    [{ metric: 'trade_growth_yoy', basePeriod: '2020/2021' }, 'a base the engine cannot read'],
  ])('cannot be answered from trade data for %o (%s)', (fields) => {
    expect(claimQuery(indicator(fields))).toBeUndefined();
  });
});

describe('answerClaim', () => {
  const series = buildSeries([
    { year: 2001, month: 0, value: 25n },
    { year: 2020, month: 0, value: 500n },
    { year: 2021, month: 0, value: 700n },
  ]);
  const ranking = rankPartners(new Map([['CHN', 9n], ['DEU', 4n]]));
  const answer = (fields: Partial<Indicator>) => {
    const query = claimQuery(indicator(fields));
    if (!query) throw new Error('the claim should be answerable');
    return answerClaim(query, { series, ranking });
  };

  it('computes the value, the growth, the multiple and the rank the claim states', () => {
    expect(answer({})).toEqual({ ok: true, value: 700n });
    expect(answer({ metric: 'trade_growth_yoy' })).toEqual({ ok: true, value: 40 });
    expect(answer({ metric: 'trade_multiple_vs_base', basePeriod: '2001' })).toEqual({ ok: true, value: 28 });
    expect(answer({ metric: 'trading_partner_rank', reporter: 'RUS', partner: 'DEU' })).toEqual({ ok: true, value: 2 });
  });

  it('says what is missing instead of guessing', () => {
    expect(answer({ period: '2022' })).toEqual(notComputable('no_data'));
    expect(answer({ metric: 'trade_growth_yoy', period: '2001' })).toEqual(notComputable('missing_base'));
    expect(answer({ metric: 'trading_partner_rank', reporter: 'RUS', partner: 'PAK' })).toEqual(
      notComputable('no_data', ['PAK']),
    );
    const query = claimQuery(indicator({}));
    expect(query && answerClaim(query, {})).toEqual(notComputable('no_data'));
  });
});
