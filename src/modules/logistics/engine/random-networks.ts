/**
 * Seeded random small multimodal networks, departures and queries, for comparing planners in tests: mixed modes,
 * gauges, countries and link statuses, a few scheduled departures of random capacity, random constraints.
 */
import type { ContainerSize, Departure, Handling, LinkStatus, Mode, Network, NetworkLink, NetworkNode, RouteQuery } from './types.ts';
import { seededRandom } from '../synthetic/seeded-random.ts';

const T0 = 27_981_360;

export interface RandomCase {
  network: Network;
  departures: Departure[];
  queries: RouteQuery[];
}

/**
 * One network with its departures and three queries, the same for the same seed. `roads`: mostly open road links in
 * one or two countries, so that many junctions are plain road ones the planner contracts.
 */
export function randomCase(seed: number, shape: 'mixed' | 'roads' = 'mixed'): RandomCase {
  const random = seededRandom(seed);
  const int = (low: number, high: number): number => low + Math.floor(random() * (high - low + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const chance = (p: number): boolean => random() < p;
  const handling = (minutes: number, usd: number): Handling => ({ minutes: int(0, minutes), usd: { 20: int(0, usd), 40: int(0, usd * 2) } });

  const roads = shape === 'roads';
  const countries = ['CHN', 'KAZ', 'RUS', 'MNG'].slice(0, int(1, roads ? 2 : 4));
  const nodeCount = roads ? int(6, 10) : int(4, 9);
  const nodes: NetworkNode[] = Array.from({ length: nodeCount }, (_, i) => ({
    id: `N${i}`,
    name: `N${i}`,
    kind: 'rail_terminal',
    country: pick(countries),
    lat: 0,
    lon: 0,
    transshipment: handling(120, 100),
    customs: chance(0.9) ? handling(60, 40) : undefined,
    gaugeChange: chance(0.6) ? handling(400, 300) : undefined,
  }));
  const modes: Mode[] = roads ? ['rail', 'road', 'road', 'road', 'road', 'road', 'road', 'road'] : ['rail', 'rail', 'road', 'road', 'sea', 'inland_water'];
  const statuses: LinkStatus[] = ['open', 'open', 'open', 'open', 'open', 'open', 'open', 'open', 'under_construction', 'closed'].concat(roads ? Array(10).fill('open') : []) as LinkStatus[];
  const gauges: NetworkLink['gauge'][] = [1435, 1520, 1435, 1520, [1435, 1520], undefined];
  const links: NetworkLink[] = [];
  const addLink = (from: number, to: number): void => {
    const mode = pick(modes);
    const distanceKm = int(10, 1000);
    links.push({
      id: `L${links.length}`,
      from: `N${from}`,
      to: `N${to}`,
      oneWay: chance(0.15),
      mode,
      gauge: mode === 'rail' ? pick(gauges) : undefined,
      distanceKm,
      minutes: int(10, 1500),
      usd: { 20: int(0, 800), 40: int(0, 1400) },
      co2GramsPerTonneKm: chance(0.2) ? int(5, 100) : undefined,
      status: pick(statuses),
      corridors: [],
      crossesBorder: !roads && chance(0.1) ? chance(0.5) : undefined,
      scheduledOnly: (mode === 'rail' || mode === 'sea') && chance(0.3),
    });
  };
  // A random tree keeps most graphs connected; extra links (some parallel) make choices.
  for (let i = 1; i < nodeCount; i++) addLink(int(0, i - 1), i);
  const extra = int(1, nodeCount + 3);
  for (let i = 0; i < extra; i++) {
    const from = int(0, nodeCount - 1);
    let to = int(0, nodeCount - 1);
    if (to === from) to = (to + 1) % nodeCount;
    addLink(from, to);
  }

  const departures: Departure[] = [];
  const departureCount = int(0, 5);
  for (let d = 0; d < departureCount; d++) {
    const mode = pick(['rail', 'sea'] as const);
    const usable = links.filter((link) => link.mode === mode);
    if (usable.length === 0) continue;
    // A run follows links of its mode from a random one, occasionally jumping to a stop with no link (ignored).
    const first = pick(usable);
    const path = [first.from, first.to];
    const stopCount = int(2, 4);
    while (path.length < stopCount) {
      const here = path[path.length - 1]!;
      const next = usable.filter((link) => link.from === here || (!link.oneWay && link.to === here));
      if (next.length === 0 || chance(0.05)) break;
      const hop = pick(next);
      path.push(hop.from === here ? hop.to : hop.from);
    }
    if (chance(0.05)) path.push(`N${int(0, nodeCount - 1)}`);
    const usd = { 20: int(100, 2000), 40: int(200, 3000) };
    const cutoffMinutes = int(0, 300);
    // Some services run again: the same stops, price and cut-off at other times, now and then overtaking a run.
    const runs = chance(0.4) ? int(2, 4) : 1;
    const start = T0 + int(0, 3000);
    const hops = path.map(() => int(30, 1500));
    for (let run = 0; run < runs; run++) {
      let time = start + (run === 0 ? 0 : int(-600, 2400));
      const overtakes = run > 0 && chance(0.3);
      const stops = path.map((stopNode, i) => {
        const arriveAt = i === 0 ? undefined : (time += overtakes ? int(30, 1500) : hops[i]!);
        const departAt = i === path.length - 1 ? undefined : (time += int(0, 120));
        return { node: stopNode, arriveAt, departAt };
      });
      departures.push({
        id: `D${d}-${run}`,
        serviceId: `S${d}`,
        serviceName: `Service ${d}`,
        mode,
        stops,
        teuLeft: int(0, 6),
        usd,
        cutoffMinutes,
      });
    }
  }

  const queries: RouteQuery[] = [];
  for (let q = 0; q < 3; q++) {
    const containers: { size: ContainerSize; count: number }[] = [];
    if (chance(0.7)) containers.push({ size: 20, count: int(1, 3) });
    if (containers.length === 0 || chance(0.5)) containers.push({ size: 40, count: int(1, 2) });
    const query: RouteQuery = {
      from: `N${int(0, nodeCount - 1)}`,
      to: `N${int(0, nodeCount - 1)}`,
      containers,
      departAfter: T0 + int(0, 2000),
    };
    if (chance(0.1)) query.cargoTonnes = int(1, 60);
    if (chance(0.2)) query.modes = (['rail', 'road', 'sea', 'inland_water'] as const).filter(() => chance(0.6));
    if (chance(0.2)) query.avoidCountries = [pick(countries)];
    if (chance(0.15)) query.avoidNodes = [`N${int(0, nodeCount - 1)}`];
    if (chance(0.4)) query.maxBorderCrossings = int(0, 2);
    if (chance(0.3)) query.maxTransshipments = int(0, 2);
    if (chance(0.4)) query.allowUnderConstruction = true;
    queries.push(query);
  }
  return { network: { nodes, links, corridors: [] }, departures, queries };
}
