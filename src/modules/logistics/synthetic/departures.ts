/**
 * Synthetic departures for benchmarks and tests — not real timetables. Seeded and deterministic: each run heads from
 * a random node towards another, hop by hop over open links, stopping at every node it passes (the planner needs a
 * link between consecutive stops), within the week after `start`, with a random number of free TEU (some full) and a
 * price per container under the links' own. Runs use the network's rail, sea and inland-water links, or its road
 * links (scheduled trucking) when it has none of those.
 */
import type { Departure, Mode, Network, NetworkLink } from '../engine/types.ts';
import { seededRandom } from './seeded-random.ts';

export interface SyntheticDepartureOptions {
  count: number;
  seed: number;
  /** The first possible departure, in minutes since the Unix epoch. */
  start: number;
}

const WEEK_MINUTES = 7 * 24 * 60;
const MIN_HOPS = 4;
const MAX_HOPS = 60;
/** A run's price per container as a share of the links' summed price: scheduled capacity sells cheaper. */
const PRICE_SHARE = 0.55;

export function syntheticDepartures(network: Network, options: SyntheticDepartureOptions): Departure[] {
  const random = seededRandom(options.seed ^ 0x5eed);
  const scheduledModes = new Set<Mode>(['rail', 'sea', 'inland_water']);
  const open = network.links.filter((link) => link.status === 'open');
  const eligible = open.some((link) => scheduledModes.has(link.mode)) ? open.filter((link) => scheduledModes.has(link.mode)) : open;
  const nodeIndex = new Map(network.nodes.map((node, at) => [node.id, at]));
  const lat = network.nodes.map((node) => node.lat);
  const lon = network.nodes.map((node) => node.lon);
  // Adjacency per node and mode, in both directions unless one-way.
  const out: { link: NetworkLink; to: number }[][] = network.nodes.map(() => []);
  for (const link of eligible) {
    const from = nodeIndex.get(link.from)!;
    const to = nodeIndex.get(link.to)!;
    out[from]!.push({ link, to });
    if (!link.oneWay) out[to]!.push({ link, to: from });
  }
  const starts = out.flatMap((arcs, at) => (arcs.length > 0 ? [at] : []));
  const departures: Departure[] = [];
  if (starts.length === 0) return departures;

  for (let attempt = 0; departures.length < options.count && attempt < options.count * 4; attempt++) {
    const first = starts[Math.floor(random() * starts.length)]!;
    const toward = starts[Math.floor(random() * starts.length)]!;
    const mode = out[first]![Math.floor(random() * out[first]!.length)]!.link.mode;
    const hops = MIN_HOPS + Math.floor(random() * (MAX_HOPS - MIN_HOPS + 1));
    const path = [first];
    const ridden: NetworkLink[] = [];
    const seen = new Set(path);
    while (ridden.length < hops) {
      const here = path[path.length - 1]!;
      const choices = out[here]!.filter(({ link, to }) => link.mode === mode && !seen.has(to));
      if (choices.length === 0) break;
      // Mostly the neighbour nearest the run's heading, sometimes any, so runs are lines with some wandering.
      const distance = (node: number): number => (lat[node]! - lat[toward]!) ** 2 + (lon[node]! - lon[toward]!) ** 2;
      const next =
        random() < 0.8 ? choices.reduce((best, choice) => (distance(choice.to) < distance(best.to) ? choice : best)) : choices[Math.floor(random() * choices.length)]!;
      path.push(next.to);
      ridden.push(next.link);
      seen.add(next.to);
      if (next.to === toward) break;
    }
    if (ridden.length < MIN_HOPS) continue;
    let time = options.start + Math.floor(random() * WEEK_MINUTES);
    const stops = path.map((at, i) => {
      const arriveAt = i === 0 ? undefined : (time += Math.ceil(ridden[i - 1]!.minutes));
      const departAt = i === path.length - 1 ? undefined : (time += i === 0 ? 0 : Math.floor(random() * 6));
      return { node: network.nodes[at]!.id, arriveAt, departAt };
    });
    const price = (size: 20 | 40): number => Math.round(ridden.reduce((sum, link) => sum + link.usd[size], 0) * PRICE_SHARE);
    const n = departures.length;
    departures.push({
      id: `SD${n}`,
      serviceId: `SS${n % 997}`,
      serviceName: `Synthetic service ${n % 997}`,
      mode,
      stops,
      teuLeft: random() < 0.1 ? 0 : Math.floor(random() * 80),
      usd: { 20: price(20), 40: price(40) },
      cutoffMinutes: 30 + Math.floor(random() * 8) * 30,
    });
  }
  return departures;
}
