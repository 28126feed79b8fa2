import type { UsdCents } from '../model.ts';
import { computed, notComputable, type Computed } from './computed.ts';
import { largestFirst } from './largest-first.ts';
import { sharePercent } from './ratio.ts';

/** Comtrade's partner code for the world: the reporter's trade with everyone. */
export const WORLD = 'WLD';

export interface PartnerRank {
  partner: string;
  /** Competition ranking: partners with equal values share a rank, and the next rank skips (1, 2, 2, 4). */
  rank: number;
  value: UsdCents;
  sharePercent: Computed<number>;
}

export interface RankingOptions {
  /** Pseudo-partners that are sums of others (regions, 'areas nes', groups); the world is always one. */
  aggregates?: Iterable<string>;
}

/**
 * Partners by value, largest first (ties by code, for a stable order). Aggregates are not ranked. Shares are of the
 * world value when one is given, which counts partners not listed; otherwise of the sum of the partners ranked.
 */
export function rankPartners(
  valuesByPartner: ReadonlyMap<string, UsdCents>,
  options: RankingOptions = {},
): PartnerRank[] {
  const aggregates = new Set([WORLD, ...(options.aggregates ?? [])]);
  const partners = [...valuesByPartner]
    .filter(([partner]) => !aggregates.has(partner))
    .sort(largestFirst);
  const whole = valuesByPartner.get(WORLD) ?? partners.reduce((sum, [, value]) => sum + value, 0n);
  let rank = 0;
  return partners.map(([partner, value], index) => {
    if (index === 0 || value !== partners[index - 1]?.[1]) rank = index + 1;
    return { partner, rank, value, sharePercent: sharePercent(value, whole) };
  });
}

/** The partner's rank, or no_data when it is not in the ranking. */
export function rankOf(ranking: readonly PartnerRank[], partner: string): Computed<number> {
  const entry = ranking.find((candidate) => candidate.partner === partner);
  return entry ? computed(entry.rank) : notComputable('no_data', [partner]);
}
