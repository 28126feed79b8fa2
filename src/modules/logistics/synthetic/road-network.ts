/**
 * Synthetic road networks for benchmarks and tests — not real roads. Seeded and deterministic: jittered points on a
 * grid (about 2 km apart, around Central Asia), joined by the shortest links that connect them all, then by more of
 * the short links between neighbours, plus a lattice of fast highways; a few links are one-way. Times come from the
 * great-circle distance times a detour factor at the link's speed, so the straight-line time at the top speed never
 * overestimates a path (an admissible A* heuristic).
 */
import type { Network, NetworkLink, NetworkNode } from '../engine/types.ts';
import { seededRandom } from './seeded-random.ts';

export interface SyntheticRoadOptions {
  /** Links wanted; the graph has exactly this many (at least 20). */
  edges: number;
  seed: number;
}

/** The network in typed arrays, for callers that need no objects per node or link. */
export interface SyntheticRoadGraph {
  nodeCount: number;
  lat: Float64Array;
  lon: Float64Array;
  from: Int32Array;
  to: Int32Array;
  minutes: Float64Array;
  distanceKm: Float64Array;
  /** 1 for a one-way link (usable from → to only). */
  oneWay: Uint8Array;
  /** 1 for a highway link. */
  highway: Uint8Array;
  /** The top speed of any link, km/h: great-circle km / this × 60 never exceeds a path's minutes. */
  maxSpeedKmh: number;
}

const CELL_KM = 2;
const CENTRE = { lat: 43, lon: 76 };
const KM_PER_DEGREE = 111.32;
/** Links per node: about that of real road graphs (junctions of three or four roads). */
const EDGES_PER_NODE = 1.35;
/** Highways join every 12th point of every 12th row of the grid. */
const HIGHWAY_SPACING = 12;
const HIGHWAY_KMH = 120;
const ROAD_SPEEDS_KMH = [50, 70, 90] as const;
const ONE_WAY_SHARE = 0.03;
/** Candidate indices packed below the sort key: room for 67 M candidates (16 M points). */
const INDEX_SPAN = 2 ** 26;
const MIN_EDGES = 20;

const EARTH_RADIUS_KM = 6371.0088;
const RADIANS = Math.PI / 180;

/** Great-circle distance in km. */
export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const dLat = (lat2 - lat1) * RADIANS;
  const dLon = (lon2 - lon1) * RADIANS;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * RADIANS) * Math.cos(lat2 * RADIANS) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}

export function syntheticRoadGraph({ edges, seed }: SyntheticRoadOptions): SyntheticRoadGraph {
  if (!Number.isSafeInteger(edges) || edges < MIN_EDGES) throw new RangeError(`edges: ${edges} is not a whole number of at least ${MIN_EDGES}`);
  const random = seededRandom(seed);
  const nodeCount = Math.round(edges / EDGES_PER_NODE);
  if (nodeCount * 4 > INDEX_SPAN) throw new RangeError(`edges: ${edges} is more than this generator packs`);
  const cols = Math.ceil(Math.sqrt(nodeCount));
  const rows = Math.ceil(nodeCount / cols);

  // Points: one per grid cell, jittered within it, laid out around the centre.
  const lat = new Float64Array(nodeCount);
  const lon = new Float64Array(nodeCount);
  const south = CENTRE.lat - (rows * CELL_KM) / 2 / KM_PER_DEGREE;
  const westKm = -(cols * CELL_KM) / 2;
  for (let i = 0; i < nodeCount; i++) {
    const r = Math.floor(i / cols);
    const c = i % cols;
    lat[i] = south + ((r + 0.1 + 0.8 * random()) * CELL_KM) / KM_PER_DEGREE;
    lon[i] = CENTRE.lon + (westKm + (c + 0.1 + 0.8 * random()) * CELL_KM) / (KM_PER_DEGREE * Math.cos(lat[i]! * RADIANS));
  }

  // Highways first, so that the local roads fill the rest of the count.
  const highwayFrom: number[] = [];
  const highwayTo: number[] = [];
  if (edges >= 1000) {
    for (let r = 0; r < rows; r += HIGHWAY_SPACING) {
      for (let c = 0; c < cols; c += HIGHWAY_SPACING) {
        const i = r * cols + c;
        if (i >= nodeCount) continue;
        for (const j of [c + HIGHWAY_SPACING < cols ? i + HIGHWAY_SPACING : -1, i + HIGHWAY_SPACING * cols]) {
          if (j < 0 || j >= nodeCount) continue;
          highwayFrom.push(i);
          highwayTo.push(j);
        }
      }
    }
  }
  const highways = Math.min(highwayFrom.length, Math.max(0, edges - (nodeCount - 1)));

  // Candidate roads: each point to its right, lower and two lower diagonal neighbours, keyed by a randomly
  // stretched length so that the chosen roads are short but not a regular grid. Key and index are packed in one
  // float so that a plain numeric sort orders them.
  const candidateFrom = new Int32Array(nodeCount * 4);
  const candidateTo = new Int32Array(nodeCount * 4);
  const candidateKm = new Float64Array(nodeCount * 4);
  const keys = new Float64Array(nodeCount * 4);
  let candidates = 0;
  const candidate = (a: number, b: number) => {
    const km = haversineKm(lat[a]!, lon[a]!, lat[b]!, lon[b]!);
    candidateFrom[candidates] = a;
    candidateTo[candidates] = b;
    candidateKm[candidates] = km;
    keys[candidates] = Math.floor(km * (0.7 + 0.6 * random()) * 1e4) * INDEX_SPAN + candidates;
    candidates += 1;
  };
  for (let i = 0; i < nodeCount; i++) {
    const c = i % cols;
    if (c + 1 < cols && i + 1 < nodeCount) candidate(i, i + 1);
    if (i + cols < nodeCount) candidate(i, i + cols);
    if (c + 1 < cols && i + cols + 1 < nodeCount) candidate(i, i + cols + 1);
    if (c > 0 && i + cols - 1 < nodeCount) candidate(i, i + cols - 1);
  }
  const order = keys.subarray(0, candidates).sort();

  // Kruskal: the shortest candidates that join two parts make a spanning tree (everything connected, two-way);
  // then the shortest of the others until the count is reached.
  const parent = new Int32Array(nodeCount);
  for (let i = 0; i < nodeCount; i++) parent[i] = i;
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  const chosen = new Uint8Array(candidates);
  const roadsWanted = edges - highways;
  let roads = 0;
  for (let k = 0; k < candidates && roads < nodeCount - 1; k++) {
    const index = order[k]! % INDEX_SPAN;
    const a = find(candidateFrom[index]!);
    const b = find(candidateTo[index]!);
    if (a === b) continue;
    parent[a] = b;
    chosen[index] = 1;
    roads += 1;
  }
  for (let k = 0; k < candidates && roads < roadsWanted; k++) {
    const index = order[k]! % INDEX_SPAN;
    if (chosen[index]) continue;
    chosen[index] = 2;
    roads += 1;
  }
  if (roads < roadsWanted) throw new RangeError(`edges: cannot place ${edges} links on ${nodeCount} points`);

  const total = roads + highways;
  const graph: SyntheticRoadGraph = {
    nodeCount,
    lat,
    lon,
    from: new Int32Array(total),
    to: new Int32Array(total),
    minutes: new Float64Array(total),
    distanceKm: new Float64Array(total),
    oneWay: new Uint8Array(total),
    highway: new Uint8Array(total),
    maxSpeedKmh: Math.max(HIGHWAY_KMH, ...ROAD_SPEEDS_KMH),
  };
  let at = 0;
  for (let index = 0; index < candidates; index++) {
    if (!chosen[index]) continue;
    const km = candidateKm[index]! * (1.05 + 0.3 * random());
    const speed = pickSpeed(random());
    graph.from[at] = candidateFrom[index]!;
    graph.to[at] = candidateTo[index]!;
    graph.distanceKm[at] = km;
    graph.minutes[at] = (km / speed) * 60;
    // Only roads beyond the spanning tree are one-way, so every point still reaches every other.
    graph.oneWay[at] = chosen[index] === 2 && random() < ONE_WAY_SHARE ? 1 : 0;
    at += 1;
  }
  for (let h = 0; h < highways; h++) {
    const a = highwayFrom[h]!;
    const b = highwayTo[h]!;
    const km = haversineKm(lat[a]!, lon[a]!, lat[b]!, lon[b]!) * 1.05;
    graph.from[at] = a;
    graph.to[at] = b;
    graph.distanceKm[at] = km;
    graph.minutes[at] = (km / HIGHWAY_KMH) * 60;
    graph.highway[at] = 1;
    at += 1;
  }
  return graph;
}

function pickSpeed(draw: number): number {
  return draw < 0.5 ? ROAD_SPEEDS_KMH[0] : draw < 0.85 ? ROAD_SPEEDS_KMH[1] : ROAD_SPEEDS_KMH[2];
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * The synthetic road graph as a `Network`: nodes `S0`, `S1`, … (country `ZZZ`, a code reserved for user
 * assignment, so they are never taken for a real country), links `SL0`, `SL1`, … by road, open, in no corridor,
 * priced by distance.
 */
export function syntheticRoadNetwork(options: SyntheticRoadOptions): Network {
  const graph = syntheticRoadGraph(options);
  const nodes: NetworkNode[] = new Array<NetworkNode>(graph.nodeCount);
  for (let i = 0; i < graph.nodeCount; i++) {
    nodes[i] = {
      id: `S${i}`,
      name: `Synthetic ${i}`,
      kind: 'city',
      country: 'ZZZ',
      lat: graph.lat[i]!,
      lon: graph.lon[i]!,
      transshipment: { minutes: 30, usd: { 20: 40, 40: 60 } },
    };
  }
  const links: NetworkLink[] = new Array<NetworkLink>(graph.from.length);
  for (let e = 0; e < graph.from.length; e++) {
    const km = graph.distanceKm[e]!;
    links[e] = {
      id: `SL${e}`,
      from: `S${graph.from[e]}`,
      to: `S${graph.to[e]}`,
      oneWay: graph.oneWay[e] === 1,
      mode: 'road',
      distanceKm: round2(km),
      minutes: graph.minutes[e]!,
      usd: { 20: round2(20 + km * 0.9), 40: round2(30 + km * 1.4) },
      status: 'open',
      corridors: [],
    };
  }
  return { nodes, links, corridors: [] };
}
