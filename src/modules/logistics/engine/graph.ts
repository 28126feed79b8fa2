/**
 * A `Network` compiled into typed arrays for the planner: nodes by index, and every direction a link can be taken as
 * an arc in a CSR adjacency (arcs of node u are `arcStart[u] .. arcStart[u + 1]`). Compile once, plan many times.
 */
import { CO2_GRAMS_PER_TONNE_KM } from './emission-factors.ts';
import type { Handling, Mode, Network, NetworkLink } from './types.ts';

export const MODE_CODES: readonly Mode[] = ['rail', 'road', 'sea', 'inland_water'];
export const RAIL = 0;

/** Gauge bits: a rail link's gauges as a set. A link of both gauges (or of no stated gauge) carries 1435 | 1520. */
export const GAUGE_1435 = 1;
export const GAUGE_1520 = 2;
export const GAUGE_OTHER = 4;

export const ARC_BORDER = 1;
export const ARC_UNDER_CONSTRUCTION = 2;
export const ARC_CLOSED = 4;
export const ARC_SCHEDULED_ONLY = 8;

/** Where a node states no gauge change: a whole-train transfer plus waiting for the other gauge's train. */
export const DEFAULT_GAUGE_CHANGE: Handling = { minutes: 360, usd: { 20: 150, 40: 300 } };
/** Where a node states no customs: a half day of formalities and a declaration fee per container. */
export const DEFAULT_CUSTOMS: Handling = { minutes: 720, usd: { 20: 100, 40: 100 } };

export interface CompiledNetwork {
  readonly network: Network;
  readonly nodeCount: number;
  readonly nodeIds: readonly string[];
  readonly nodeIndex: ReadonlyMap<string, number>;
  /** Country of each node, as an index into `countries`. */
  readonly nodeCountry: Int32Array;
  readonly countries: readonly string[];
  readonly countryIndex: ReadonlyMap<string, number>;
  /** Handling per node: minutes, USD per 20' and per 40' container (defaults filled in). */
  readonly transshipment: HandlingArrays;
  readonly customs: HandlingArrays;
  readonly gaugeChange: HandlingArrays;
  readonly arcCount: number;
  readonly arcStart: Int32Array;
  readonly arcTail: Int32Array;
  readonly arcHead: Int32Array;
  readonly arcLink: Int32Array;
  readonly arcMode: Uint8Array;
  readonly arcGauge: Uint8Array;
  readonly arcFlags: Uint8Array;
  readonly arcMinutes: Float64Array;
  readonly arcUsd20: Float64Array;
  readonly arcUsd40: Float64Array;
  readonly arcKm: Float64Array;
  /** Distance times CO2 intensity: grams per tonne carried over the arc. */
  readonly arcGramKm: Float64Array;
  /** Arcs entering each node, for backward searches: `inArcs[inStart[v] .. inStart[v + 1]]`. */
  readonly inStart: Int32Array;
  readonly inArcs: Int32Array;
  readonly linkIds: readonly string[];
}

export interface HandlingArrays {
  readonly minutes: Float64Array;
  readonly usd20: Float64Array;
  readonly usd40: Float64Array;
}

export function gaugeBits(gauge: NetworkLink['gauge']): number {
  if (gauge === undefined) return GAUGE_1435 | GAUGE_1520;
  const gauges = typeof gauge === 'number' ? [gauge] : gauge;
  let bits = 0;
  for (const g of gauges) bits |= g === 1435 ? GAUGE_1435 : g === 1520 ? GAUGE_1520 : GAUGE_OTHER;
  return bits === 0 ? GAUGE_1435 | GAUGE_1520 : bits;
}

/** The track gauge in millimetres a set of gauge bits stands for, when it is exactly one known gauge. */
export function gaugeMillimetres(bits: number): number | undefined {
  return bits === GAUGE_1435 ? 1435 : bits === GAUGE_1520 ? 1520 : undefined;
}

function handlingArrays(count: number): { minutes: Float64Array; usd20: Float64Array; usd40: Float64Array } {
  return { minutes: new Float64Array(count), usd20: new Float64Array(count), usd40: new Float64Array(count) };
}

function setHandling(target: ReturnType<typeof handlingArrays>, at: number, handling: Handling): void {
  target.minutes[at] = handling.minutes;
  target.usd20[at] = handling.usd[20];
  target.usd40[at] = handling.usd[40];
}

/** Compiles a network; throws on a link whose end is not a node of the network (a broken network, not a query). */
export function compileNetwork(network: Network): CompiledNetwork {
  const nodeCount = network.nodes.length;
  const nodeIds = network.nodes.map((node) => node.id);
  const nodeIndex = new Map<string, number>();
  nodeIds.forEach((id, at) => nodeIndex.set(id, at));
  const countries: string[] = [];
  const countryIndex = new Map<string, number>();
  const nodeCountry = new Int32Array(nodeCount);
  const transshipment = handlingArrays(nodeCount);
  const customs = handlingArrays(nodeCount);
  const gaugeChange = handlingArrays(nodeCount);
  network.nodes.forEach((node, at) => {
    let country = countryIndex.get(node.country);
    if (country === undefined) {
      country = countries.length;
      countries.push(node.country);
      countryIndex.set(node.country, country);
    }
    nodeCountry[at] = country;
    setHandling(transshipment, at, node.transshipment);
    setHandling(customs, at, node.customs ?? DEFAULT_CUSTOMS);
    setHandling(gaugeChange, at, node.gaugeChange ?? DEFAULT_GAUGE_CHANGE);
  });

  // Each link gives one arc, or two when it runs both ways; count per tail node first to lay out the CSR.
  const ends = network.links.map((link) => {
    const from = nodeIndex.get(link.from);
    const to = nodeIndex.get(link.to);
    if (from === undefined || to === undefined) throw new Error(`link ${link.id} joins a node not in the network`);
    return [from, to] as const;
  });
  const arcStart = new Int32Array(nodeCount + 1);
  network.links.forEach((link, at) => {
    const [from, to] = ends[at]!;
    arcStart[from + 1]! += 1;
    if (!link.oneWay) arcStart[to + 1]! += 1;
  });
  for (let u = 0; u < nodeCount; u++) arcStart[u + 1]! += arcStart[u]!;
  const arcCount = arcStart[nodeCount]!;
  const arcTail = new Int32Array(arcCount);
  const arcHead = new Int32Array(arcCount);
  const arcLink = new Int32Array(arcCount);
  const arcMode = new Uint8Array(arcCount);
  const arcGauge = new Uint8Array(arcCount);
  const arcFlags = new Uint8Array(arcCount);
  const arcMinutes = new Float64Array(arcCount);
  const arcUsd20 = new Float64Array(arcCount);
  const arcUsd40 = new Float64Array(arcCount);
  const arcKm = new Float64Array(arcCount);
  const arcGramKm = new Float64Array(arcCount);
  const fill = arcStart.slice(0, nodeCount);
  const place = (link: NetworkLink, linkAt: number, tail: number, head: number): void => {
    const arc = fill[tail]!++;
    const mode = MODE_CODES.indexOf(link.mode);
    arcTail[arc] = tail;
    arcHead[arc] = head;
    arcLink[arc] = linkAt;
    arcMode[arc] = mode;
    arcGauge[arc] = mode === RAIL ? gaugeBits(link.gauge) : 0;
    const border = link.crossesBorder ?? nodeCountry[tail] !== nodeCountry[head];
    arcFlags[arc] =
      (border ? ARC_BORDER : 0) |
      (link.status === 'under_construction' ? ARC_UNDER_CONSTRUCTION : 0) |
      (link.status === 'closed' ? ARC_CLOSED : 0) |
      (link.scheduledOnly ? ARC_SCHEDULED_ONLY : 0);
    arcMinutes[arc] = link.minutes;
    arcUsd20[arc] = link.usd[20];
    arcUsd40[arc] = link.usd[40];
    arcKm[arc] = link.distanceKm;
    arcGramKm[arc] = link.distanceKm * (link.co2GramsPerTonneKm ?? CO2_GRAMS_PER_TONNE_KM[link.mode]);
  };
  network.links.forEach((link, at) => {
    const [from, to] = ends[at]!;
    place(link, at, from, to);
    if (!link.oneWay) place(link, at, to, from);
  });

  const inStart = new Int32Array(nodeCount + 1);
  for (let arc = 0; arc < arcCount; arc++) inStart[arcHead[arc]! + 1]! += 1;
  for (let v = 0; v < nodeCount; v++) inStart[v + 1]! += inStart[v]!;
  const inArcs = new Int32Array(arcCount);
  const inFill = inStart.slice(0, nodeCount);
  for (let arc = 0; arc < arcCount; arc++) inArcs[inFill[arcHead[arc]!]!++] = arc;

  return {
    network,
    nodeCount,
    nodeIds,
    nodeIndex,
    nodeCountry,
    countries,
    countryIndex,
    transshipment,
    customs,
    gaugeChange,
    arcCount,
    arcStart,
    arcTail,
    arcHead,
    arcLink,
    arcMode,
    arcGauge,
    arcFlags,
    arcMinutes,
    arcUsd20,
    arcUsd40,
    arcKm,
    arcGramKm,
    inStart,
    inArcs,
    linkIds: network.links.map((link) => link.id),
  };
}
