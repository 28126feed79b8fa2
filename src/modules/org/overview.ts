import type { Queryable } from '../../db/database.ts';
import { listIndicators } from './indicators.ts';
import { STATUSES, type Indicator, type Status } from './model.ts';
import { listStates } from './states.ts';
import { statusAsOf } from './status-history.ts';

/** The figures the home page shows about the organisation as a whole, in this order. */
export const HEADLINE_METRICS = ['member_states', 'area', 'area_share', 'population', 'population_share', 'gdp', 'gdp_share'] as const;

export interface Overview {
  asOf: string;
  founded: { date: string; source: string } | null;
  counts: Record<Status, number>;
  headline: Indicator[];
}

/** The SCO at a glance on `asOf`: founding date and its source, states by status, and published headline figures. */
export async function overview(db: Queryable, asOf: string): Promise<Overview> {
  const [states, indicators] = await Promise.all([listStates(db, { asOf }), listIndicators(db, { partner: 'SCO_MEMBERS' })]);
  const counts = Object.fromEntries(STATUSES.map((status) => [status, 0])) as Record<Status, number>;
  let founded: Overview['founded'] = null;
  for (const state of states) {
    const status = statusAsOf(state.history, asOf);
    if (status) counts[status] += 1;
    for (const entry of state.history) {
      if (entry.status === 'member' && entry.sincePrecision === 'day' && entry.since && (!founded || entry.since < founded.date)) {
        founded = { date: entry.since, source: entry.source };
      }
    }
  }
  const rank = (metric: string) => (HEADLINE_METRICS as readonly string[]).indexOf(metric);
  const headline = indicators.filter((i) => rank(i.metric) >= 0).sort((a, b) => rank(a.metric) - rank(b.metric));
  return { asOf, founded, counts, headline };
}
