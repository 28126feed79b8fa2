/**
 * The graphs the routing benchmark runs on, in one shape for every engine: nodes with coordinates and links with
 * minutes (two-way unless one-way). Synthetic road graphs from the product's generator, and the reference network
 * from its GeoJSON file when it is there.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { haversineKm, syntheticRoadGraph } from '../../src/modules/logistics/synthetic/road-network.ts';

export interface BenchNetwork {
  name: string;
  nodeCount: number;
  /** Node ids, for the report of mismatches. */
  nodeId: (index: number) => string;
  lat: Float64Array;
  lon: Float64Array;
  from: Int32Array;
  to: Int32Array;
  minutes: Float64Array;
  oneWay: Uint8Array;
  /** Links, as the requirement counts edges. */
  edges: number;
  generateMs: number;
}

export function syntheticBenchNetwork(edges: number, seed: number): BenchNetwork {
  const start = performance.now();
  const graph = syntheticRoadGraph({ edges, seed });
  return { name: `synthetic ${label(edges)} edges`, nodeId: (i) => `S${i}`, edges: graph.from.length, generateMs: performance.now() - start, ...graph };
}

export const label = (edges: number): string => (edges >= 1e6 && edges % 1e6 === 0 ? `${edges / 1e6}M` : edges >= 1e3 && edges % 1e3 === 0 ? `${edges / 1e3}k` : String(edges));

/** The fastest any link is travelled, straight-line km per hour: the straight-line time at it never overestimates. */
export function topSpeedKmh(net: BenchNetwork): number {
  let top = 0;
  for (let e = 0; e < net.edges; e++) {
    const km = haversineKm(net.lat[net.from[e]!]!, net.lon[net.from[e]!]!, net.lat[net.to[e]!]!, net.lon[net.to[e]!]!);
    if (km === 0) continue;
    top = Math.max(top, net.minutes[e]! === 0 ? Number.POSITIVE_INFINITY : (km / net.minutes[e]!) * 60);
  }
  return top;
}

interface Feature {
  geometry?: { type?: string; coordinates?: unknown } | null;
  properties?: Record<string, unknown> | null;
}

/** The reference network's nodes (Point features) and links (LineString features with from, to, minutes). */
export async function referenceBenchNetwork(file: string): Promise<BenchNetwork | null> {
  if (!existsSync(file)) return null;
  const start = performance.now();
  const { features } = JSON.parse(await readFile(file, 'utf8')) as { features: Feature[] };
  const ids: string[] = [];
  const lat: number[] = [];
  const lon: number[] = [];
  const indexOf = new Map<string, number>();
  for (const feature of features) {
    const id = feature.properties?.id;
    if (feature.geometry?.type !== 'Point' || typeof id !== 'string') continue;
    const [x, y] = feature.geometry.coordinates as [number, number];
    indexOf.set(id, ids.length);
    ids.push(id);
    lon.push(x);
    lat.push(y);
  }
  const from: number[] = [];
  const to: number[] = [];
  const minutes: number[] = [];
  const oneWay: number[] = [];
  for (const feature of features) {
    const p = feature.properties;
    if (feature.geometry?.type !== 'LineString' || !p) continue;
    const a = indexOf.get(String(p.from));
    const b = indexOf.get(String(p.to));
    if (a === undefined || b === undefined || typeof p.minutes !== 'number') throw new Error(`reference network: link ${String(p.id)} has an unknown node or no minutes`);
    from.push(a);
    to.push(b);
    minutes.push(p.minutes);
    oneWay.push(p.oneWay === true ? 1 : 0);
  }
  return {
    name: 'reference network',
    nodeCount: ids.length,
    nodeId: (i) => ids[i]!,
    lat: Float64Array.from(lat),
    lon: Float64Array.from(lon),
    from: Int32Array.from(from),
    to: Int32Array.from(to),
    minutes: Float64Array.from(minutes),
    oneWay: Uint8Array.from(oneWay),
    edges: from.length,
    generateMs: performance.now() - start,
  };
}
