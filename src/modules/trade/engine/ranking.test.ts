import { describe, expect, it } from 'vitest';
import { notComputable } from './computed.ts';
import { rankOf, rankPartners, type PartnerRank } from './ranking.ts';

const shareOf = (entry: PartnerRank): number => (entry.sharePercent.ok ? entry.sharePercent.value : Number.NaN);

describe('rankPartners', () => {
  it('orders partners by value, largest first, with shares of their total', () => {
    const ranking = rankPartners(new Map([['KAZ', 20n], ['CHN', 50n], ['RUS', 30n]]));
    expect(ranking).toEqual([
      { partner: 'CHN', rank: 1, value: 50n, sharePercent: { ok: true, value: 50 } },
      { partner: 'RUS', rank: 2, value: 30n, sharePercent: { ok: true, value: 30 } },
      { partner: 'KAZ', rank: 3, value: 20n, sharePercent: { ok: true, value: 20 } },
    ]);
  });

  it('gives tied partners one rank and skips the next (1, 2, 2, 4), listing ties by code', () => {
    const ranking = rankPartners(new Map([['UZB', 5n], ['RUS', 30n], ['KGZ', 30n], ['CHN', 50n]]));
    expect(ranking.map(({ partner, rank }) => [partner, rank])).toEqual([
      ['CHN', 1],
      ['KGZ', 2],
      ['RUS', 2],
      ['UZB', 4],
    ]);
  });

  it('does not rank the world, but takes shares of it, so partners not listed still count', () => {
    const ranking = rankPartners(new Map([['WLD', 200n], ['CHN', 50n], ['RUS', 30n]]));
    expect(ranking.map((entry) => entry.partner)).toEqual(['CHN', 'RUS']);
    expect(ranking.map(shareOf)).toEqual([25, 15]);
  });

  it('leaves out other aggregates it is told of', () => {
    const ranking = rankPartners(new Map([['EUR', 90n], ['CHN', 50n], ['DEU', 30n]]), { aggregates: ['EUR'] });
    expect(ranking.map(({ partner, rank }) => [partner, rank])).toEqual([
      ['CHN', 1],
      ['DEU', 2],
    ]);
  });

  it('shares of a complete partner set add up to 100', () => {
    const values = new Map([['AAA', 1n], ['BBB', 2n], ['CCC', 3n], ['DDD', 7n], ['EEE', 11n], ['FFF', 13n]]);
    const total = rankPartners(values).reduce((sum, entry) => sum + shareOf(entry), 0);
    expect(Math.abs(total - 100)).toBeLessThan(1e-9);
  });

  it('has no shares when every partner traded nothing, and no ranks for no partners', () => {
    expect(rankPartners(new Map([['CHN', 0n]]))[0]?.sharePercent).toEqual(notComputable('zero_base'));
    expect(rankPartners(new Map())).toEqual([]);
  });
});

describe('rankOf', () => {
  const ranking = rankPartners(new Map([['CHN', 50n], ['RUS', 50n], ['KAZ', 10n]]));

  it("is the partner's rank, shared in a tie", () => {
    expect(rankOf(ranking, 'CHN')).toEqual({ ok: true, value: 1 });
    expect(rankOf(ranking, 'RUS')).toEqual({ ok: true, value: 1 });
    expect(rankOf(ranking, 'KAZ')).toEqual({ ok: true, value: 3 });
  });

  it('has no data for a partner not ranked', () => {
    expect(rankOf(ranking, 'PAK')).toEqual(notComputable('no_data', ['PAK']));
  });
});
