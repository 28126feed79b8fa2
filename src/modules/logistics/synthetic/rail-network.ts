/**
 * Synthetic multimodal networks and timetables for benchmarks and tests — not real railways. Seeded and
 * deterministic: the synthetic road graph with a rail lattice laid over it, as the region's networks are (dense
 * roads, sparse rail lines between terminals), and scheduled trains on the rail lines from weekly timetables over a
 * season, as booked services publish them. Rail links are run only by the trains; roads are driven at once.
 */
import type { Corridor, Departure, Network, NetworkLink, NetworkNode } from '../engine/types.ts';
import { haversineKm, syntheticRoadNetwork } from './road-network.ts';
import { seededRandom } from './seeded-random.ts';

export interface SyntheticMultimodalOptions {
  /** Links wanted, road and rail together. */
  edges: number;
  seed: number;
}

/** Road links per rail link, about that of a dense road network beside its main rail lines. */
const ROAD_LINKS_PER_RAIL_LINK = 400;
const RAIL_DETOUR = 1.1;
const RAIL_KMH = 60;
const TERMINAL_HANDLING = { minutes: 120, usd: { 20: 60, 40: 90 } } as const;

/** Grid points of the road graph, `spacing` apart, as rows and columns of the rail lattice. */
function latticePoints(nodeCount: number, spacing: number): number[][] {
  const cols = Math.ceil(Math.sqrt(nodeCount));
  const rows = Math.ceil(nodeCount / cols);
  const lattice: number[][] = [];
  for (let r = spacing >> 1; r < rows; r += spacing) {
    const row: number[] = [];
    for (let c = spacing >> 1; c < cols; c += spacing) if (r * cols + c < nodeCount) row.push(r * cols + c);
    lattice.push(row);
  }
  return lattice;
}

/** The lattice spacing that gives about one rail link per `ROAD_LINKS_PER_RAIL_LINK` road links, and at least 2 × 2 terminals. */
function latticeSpacing(edges: number): number {
  const nodeCount = Math.round(edges / 1.35);
  const side = Math.ceil(Math.sqrt(nodeCount));
  // A lattice of n × n terminals has 2n(n − 1) links.
  const wanted = Math.max(4, edges / ROAD_LINKS_PER_RAIL_LINK);
  const n = Math.max(2, Math.round((1 + Math.sqrt(1 + 2 * wanted)) / 2));
  return Math.max(2, Math.floor(side / n));
}

/**
 * The synthetic road network with rail terminals at lattice points and scheduled-only rail links (1,435 mm) between
 * neighbouring terminals: nodes `S…` as in the road network, rail links `SR0`, `SR1`, …; the link count is `edges`
 * give or take the rounding of the lattice. Terminals hand containers between road and rail in 2 h.
 */
export function syntheticMultimodalNetwork({ edges, seed }: SyntheticMultimodalOptions): Network {
  const spacing = latticeSpacing(edges);
  const estimate = latticePoints(Math.round(edges / 1.35), spacing);
  const side = estimate[0]?.length ?? 0;
  const road = syntheticRoadNetwork({ edges: Math.max(20, edges - (estimate.length * (side - 1) + (estimate.length - 1) * side)), seed });
  const lattice = latticePoints(road.nodes.length, spacing);
  const nodes: NetworkNode[] = road.nodes.slice();
  for (const row of lattice) {
    for (const at of row) nodes[at] = { ...nodes[at]!, kind: 'rail_terminal', name: `Synthetic terminal ${at}`, transshipment: TERMINAL_HANDLING };
  }
  const links: NetworkLink[] = road.links.slice();
  const corridors: Corridor[] = [];
  // Each row and column of the lattice is one rail line, its links in order from west or north.
  const line = (terminals: readonly number[], name: string): void => {
    if (terminals.length < 2) return;
    const corridor = { id: `SC${corridors.length}`, name, kind: 'railway_express' as const };
    corridors.push(corridor);
    for (let i = 0; i + 1 < terminals.length; i++) {
      const a = nodes[terminals[i]!]!;
      const b = nodes[terminals[i + 1]!]!;
      const km = haversineKm(a.lat, a.lon, b.lat, b.lon) * RAIL_DETOUR;
      links.push({
        id: `SR${links.length - road.links.length}`,
        from: a.id,
        to: b.id,
        mode: 'rail',
        gauge: 1435,
        distanceKm: Math.round(km * 100) / 100,
        minutes: (km / RAIL_KMH) * 60,
        usd: { 20: Math.round(km * 0.5), 40: Math.round(km * 0.8) },
        status: 'open',
        corridors: [corridor.id],
        scheduledOnly: true,
      });
    }
  };
  lattice.forEach((row, r) => line(row, `Synthetic line east–west ${r}`));
  for (let c = 0; c < (lattice[0]?.length ?? 0); c++) line(lattice.flatMap((row) => row.slice(c, c + 1)), `Synthetic line north–south ${c}`);
  return { nodes, links, corridors };
}

export interface SyntheticTimetableOptions {
  /** Departures wanted; the timetable has exactly this many when the network has rail lines. */
  count: number;
  seed: number;
  /** Monday 00:00 of the season's first week, in minutes since the Unix epoch. */
  start: number;
  /** Weeks the season runs. */
  weeks: number;
}

const WEEK_MINUTES = 7 * 24 * 60;
const DWELL_MINUTES = 45;

interface Line {
  /** Terminals in order; each consecutive pair joined by a rail link. */
  stops: string[];
  /** Minutes between consecutive stops at the rail links' speed. */
  hops: number[];
  km: number[];
}

/**
 * Departures of synthetic train services over the season: each service runs a stretch of one line (a corridor of
 * rail links in order, in one direction) on fixed weekdays at a fixed time, at its own speed and price, with its own cut-off;
 * every run has its own free TEU (one in ten full). Services are drawn until the season holds `count` runs.
 */
export function syntheticTimetable(network: Network, options: SyntheticTimetableOptions): Departure[] {
  const random = seededRandom(options.seed ^ 0x7a11);
  const rail = network.links.filter((link) => link.mode === 'rail' && link.status === 'open');
  if (rail.length === 0) return [];
  // Each corridor is a line, its links in order; trains run it either way.
  const lines: Line[] = [];
  for (const corridor of network.corridors) {
    const hops = rail.filter((link) => link.corridors.includes(corridor.id));
    if (hops.length === 0) continue;
    const line: Line = { stops: [hops[0]!.from, ...hops.map((hop) => hop.to)], hops: hops.map((hop) => hop.minutes), km: hops.map((hop) => hop.distanceKm) };
    lines.push(line, { stops: line.stops.slice().reverse(), hops: line.hops.slice().reverse(), km: line.km.slice().reverse() });
  }
  if (lines.length === 0) return [];
  const departures: Departure[] = [];
  for (let service = 0; departures.length < options.count; service++) {
    const line = lines[Math.floor(random() * lines.length)]!;
    const from = Math.floor(random() * (line.stops.length - 1));
    const to = Math.min(line.stops.length - 1, from + 1 + Math.floor(random() * (line.stops.length - from - 1)));
    const slowdown = 1 + 0.5 * random();
    const usdPerKm = { 20: 0.35 + 0.3 * random(), 40: 0.55 + 0.45 * random() };
    const km = line.km.slice(from, to).reduce((sum, hop) => sum + hop, 0);
    const usd = { 20: Math.round(200 + km * usdPerKm[20]), 40: Math.round(300 + km * usdPerKm[40]) };
    const cutoffMinutes = (4 + Math.floor(random() * 9)) * 60;
    const weekdays = 1 + Math.floor(random() * 7);
    const offsets = Array.from({ length: weekdays }, () => Math.floor(random() * 7) * 24 * 60 + Math.floor(random() * 24) * 60);
    for (let week = 0; week < options.weeks && departures.length < options.count; week++) {
      for (const offset of offsets) {
        if (departures.length >= options.count) break;
        let time = options.start + week * WEEK_MINUTES + offset;
        const stops = line.stops.slice(from, to + 1).map((node, i, all) => {
          const arriveAt = i === 0 ? undefined : (time += Math.ceil(line.hops[from + i - 1]! * slowdown));
          const departAt = i === all.length - 1 ? undefined : (time += i === 0 ? 0 : DWELL_MINUTES);
          return { node, arriveAt, departAt };
        });
        departures.push({
          id: `ST${departures.length}`,
          serviceId: `SV${service}`,
          serviceName: `Synthetic train ${service}`,
          mode: 'rail',
          stops,
          teuLeft: random() < 0.1 ? 0 : 2 + Math.floor(random() * 99),
          usd,
          cutoffMinutes,
        });
      }
    }
  }
  return departures;
}
