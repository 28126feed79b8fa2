/**
 * Departures indexed for the planner: each valid run's stops in flat typed arrays (times, cumulative distance and
 * CO2 weight along the run, the network arc of each hop), and per node its boardings sorted by the latest time a
 * container may arrive to board (departure minus cutoff).
 */
import { ARC_BORDER, ARC_CLOSED, ARC_SCHEDULED_ONLY, MODE_CODES, type CompiledNetwork } from './graph.ts';
import type { ContainerSize, Departure } from './types.ts';

export interface IgnoredDeparture {
  departureId: string;
  reason: 'unknown_stop' | 'too_few_stops' | 'no_link_between_stops' | 'times_out_of_order' | 'zero_distance';
}

export interface DepartureIndex {
  readonly graph: CompiledNetwork;
  readonly departures: readonly Departure[];
  readonly count: number;
  /** Stops of departure d are the flat stops `stopStart[d] .. stopStart[d + 1]`. */
  readonly stopStart: Int32Array;
  readonly mode: Uint8Array;
  /** Free TEU per run; the planner writes fresh figures here before a query (`CompiledPlanner.updateTeuLeft`). */
  readonly teuLeft: Float64Array;
  /** Container sizes each run takes: bit 1 for 20', bit 2 for 40' (`sizeBits`). */
  readonly sizes: Uint8Array;
  readonly usd20: Float64Array;
  readonly usd40: Float64Array;
  readonly cutoff: Float64Array;
  readonly totalKm: Float64Array;
  readonly stopDeparture: Int32Array;
  readonly stopNode: Int32Array;
  /** When the run reaches the stop (its departure time where no arrival is given). */
  readonly stopArrive: Float64Array;
  /** When the run leaves the stop; NaN at the last stop. */
  readonly stopDepart: Float64Array;
  readonly stopKm: Float64Array;
  readonly stopGramKm: Float64Array;
  /** The arc from this stop to the next; -1 at the last stop. */
  readonly stopArc: Int32Array;
  /**
   * Runs that one always beats another on share a pattern: same stops, mode, prices and cut-off, and none overtakes
   * another, so an earlier run of the pattern arrives no later everywhere at the same price. `patternRank` orders the
   * runs of a pattern by time. A boarding's `boardPattern` is its pattern and stop position (a run may pass a node
   * twice); `patternsAt[u]` counts the distinct ones at node u.
   */
  readonly pattern: Int32Array;
  readonly patternRank: Int32Array;
  readonly boardPattern: Int32Array;
  readonly boardPatternCount: number;
  readonly patternsAt: Int32Array;
  /** Boardings at node u: flat stop indices `boardStops[boardStart[u] .. boardStart[u + 1]]`, by `boardBy`. */
  readonly boardStart: Int32Array;
  readonly boardStops: Int32Array;
  readonly boardBy: Float64Array;
  /**
   * Per arc, lower bounds for the planner's backward searches: the least minutes and USD per 20' and 40' container
   * of crossing it by link or by any departure (customs at its head included); Infinity when neither can.
   */
  readonly arcBoundMinutes: Float64Array;
  readonly arcBoundUsd20: Float64Array;
  readonly arcBoundUsd40: Float64Array;
  readonly ignored: readonly IgnoredDeparture[];
}

/** The arc of `mode` from `from` to `to` with the least distance (the first such on ties); -1 when there is none. */
function arcBetween(graph: CompiledNetwork, from: number, to: number, mode: number): number {
  let best = -1;
  for (let arc = graph.arcStart[from]!; arc < graph.arcStart[from + 1]!; arc++) {
    if (graph.arcHead[arc] !== to || graph.arcMode[arc] !== mode) continue;
    if (best < 0 || graph.arcKm[arc]! < graph.arcKm[best]!) best = arc;
  }
  return best;
}

/** Container sizes as bits: 1 for 20', 2 for 40'. */
export function sizeBits(sizes: Iterable<ContainerSize>): number {
  let bits = 0;
  for (const size of sizes) bits |= size === 20 ? 1 : 2;
  return bits;
}

export function indexDepartures(graph: CompiledNetwork, all: readonly Departure[]): DepartureIndex {
  const ignored: IgnoredDeparture[] = [];
  const kept: Departure[] = [];
  const keptArcs: number[][] = [];
  for (const departure of all) {
    const reason = checkDeparture(graph, departure, keptArcs);
    if (reason === undefined) kept.push(departure);
    else ignored.push({ departureId: departure.id, reason });
  }
  const count = kept.length;
  const stopStart = new Int32Array(count + 1);
  kept.forEach((departure, d) => (stopStart[d + 1] = stopStart[d]! + departure.stops.length));
  const stopCount = stopStart[count]!;
  const stopDeparture = new Int32Array(stopCount);
  const stopNode = new Int32Array(stopCount);
  const stopArrive = new Float64Array(stopCount);
  const stopDepart = new Float64Array(stopCount);
  const stopKm = new Float64Array(stopCount);
  const stopGramKm = new Float64Array(stopCount);
  const stopArc = new Int32Array(stopCount);
  const mode = new Uint8Array(count);
  const teuLeft = new Float64Array(count);
  const sizes = new Uint8Array(count);
  const usd20 = new Float64Array(count);
  const usd40 = new Float64Array(count);
  const cutoff = new Float64Array(count);
  const totalKm = new Float64Array(count);
  // Per arc, the least ride time and share of a run's price per container over it (Infinity: no run uses it).
  const arcRideMinutes = new Float64Array(graph.arcCount).fill(Number.POSITIVE_INFINITY);
  const arcRideUsd20 = new Float64Array(graph.arcCount).fill(Number.POSITIVE_INFINITY);
  const arcRideUsd40 = new Float64Array(graph.arcCount).fill(Number.POSITIVE_INFINITY);
  const boardStart = new Int32Array(graph.nodeCount + 1);
  kept.forEach((departure, d) => {
    const arcs = keptArcs[d]!;
    mode[d] = MODE_CODES.indexOf(departure.mode);
    teuLeft[d] = departure.teuLeft;
    sizes[d] = sizeBits(departure.sizes ?? [20, 40]);
    usd20[d] = departure.usd[20];
    usd40[d] = departure.usd[40];
    cutoff[d] = departure.cutoffMinutes;
    let km = 0;
    let gramKm = 0;
    departure.stops.forEach((stop, i) => {
      const at = stopStart[d]! + i;
      const node = graph.nodeIndex.get(stop.node)!;
      stopDeparture[at] = d;
      stopNode[at] = node;
      stopArrive[at] = stop.arriveAt ?? stop.departAt!;
      stopDepart[at] = i < departure.stops.length - 1 ? stop.departAt! : Number.NaN;
      stopKm[at] = km;
      stopGramKm[at] = gramKm;
      const arc = i < arcs.length ? arcs[i]! : -1;
      stopArc[at] = arc;
      if (arc >= 0) {
        km += graph.arcKm[arc]!;
        gramKm += graph.arcGramKm[arc]!;
        boardStart[node + 1]! += 1;
      }
    });
    totalKm[d] = km;
    for (let i = 0; i < arcs.length; i++) {
      const at = stopStart[d]! + i;
      const arc = arcs[i]!;
      const minutes = stopArrive[at + 1]! - stopDepart[at]!;
      if (minutes < arcRideMinutes[arc]!) arcRideMinutes[arc] = minutes;
      const share = graph.arcKm[arc]! / km;
      if (usd20[d] * share < arcRideUsd20[arc]!) arcRideUsd20[arc] = usd20[d] * share;
      if (usd40[d] * share < arcRideUsd40[arc]!) arcRideUsd40[arc] = usd40[d] * share;
    }
  });
  for (let u = 0; u < graph.nodeCount; u++) boardStart[u + 1]! += boardStart[u]!;
  const boardStops = new Int32Array(boardStart[graph.nodeCount]!);
  const fill = boardStart.slice(0, graph.nodeCount);
  for (let at = 0; at < stopCount; at++) {
    if (stopArc[at]! >= 0) boardStops[fill[stopNode[at]!]!++] = at;
  }
  const boardBy = new Float64Array(boardStops.length);
  for (let u = 0; u < graph.nodeCount; u++) {
    const latest = (at: number): number => stopDepart[at]! - cutoff[stopDeparture[at]!]!;
    boardStops.subarray(boardStart[u], boardStart[u + 1]).sort((a, b) => latest(a) - latest(b) || a - b);
    for (let i = boardStart[u]!; i < boardStart[u + 1]!; i++) boardBy[i] = latest(boardStops[i]!);
  }
  const { pattern, patternRank } = groupPatterns(kept, stopStart, stopNode, stopArrive, stopDepart, { mode, usd20, usd40, cutoff });
  const patternsAt = new Int32Array(graph.nodeCount);
  const boardPattern = new Int32Array(boardStops.length);
  const positions = new Map<string, number>();
  for (let u = 0; u < graph.nodeCount; u++) {
    const before = positions.size;
    for (let at = boardStart[u]!; at < boardStart[u + 1]!; at++) {
      const stop = boardStops[at]!;
      const d = stopDeparture[stop]!;
      const key = `${pattern[d]}@${stop - stopStart[d]!}`;
      let id = positions.get(key);
      if (id === undefined) positions.set(key, (id = positions.size));
      boardPattern[at] = id;
    }
    patternsAt[u] = positions.size - before;
  }
  const boardPatternCount = positions.size;
  const arcBoundMinutes = new Float64Array(graph.arcCount);
  const arcBoundUsd20 = new Float64Array(graph.arcCount);
  const arcBoundUsd40 = new Float64Array(graph.arcCount);
  for (let arc = 0; arc < graph.arcCount; arc++) {
    const flags = graph.arcFlags[arc]!;
    const byLink = (flags & (ARC_CLOSED | ARC_SCHEDULED_ONLY)) === 0;
    const head = graph.arcHead[arc]!;
    const border = (flags & ARC_BORDER) !== 0;
    const infinity = Number.POSITIVE_INFINITY;
    arcBoundMinutes[arc] = Math.min(byLink ? graph.arcMinutes[arc]! + (border ? graph.customs.minutes[head]! : 0) : infinity, arcRideMinutes[arc]!);
    arcBoundUsd20[arc] = Math.min(byLink ? graph.arcUsd20[arc]! : infinity, arcRideUsd20[arc]!) + (border ? graph.customs.usd20[head]! : 0);
    arcBoundUsd40[arc] = Math.min(byLink ? graph.arcUsd40[arc]! : infinity, arcRideUsd40[arc]!) + (border ? graph.customs.usd40[head]! : 0);
    if (flags & ARC_CLOSED) arcBoundMinutes[arc] = infinity;
  }
  return {
    graph,
    departures: kept,
    count,
    stopStart,
    mode,
    teuLeft,
    sizes,
    usd20,
    usd40,
    cutoff,
    totalKm,
    stopDeparture,
    stopNode,
    stopArrive,
    stopDepart,
    stopKm,
    stopGramKm,
    stopArc,
    pattern,
    patternRank,
    boardPattern,
    boardPatternCount,
    patternsAt,
    boardStart,
    boardStops,
    boardBy,
    arcBoundMinutes,
    arcBoundUsd20,
    arcBoundUsd40,
    ignored,
  };
}

/**
 * Groups runs into patterns: runs with the same stops, mode, prices and cut-off, in order of their first departure,
 * each joining the first chain of its group whose last run it neither overtakes nor leaves before, at any stop.
 */
function groupPatterns(
  kept: readonly Departure[],
  stopStart: Int32Array,
  stopNode: Int32Array,
  stopArrive: Float64Array,
  stopDepart: Float64Array,
  run: { mode: Uint8Array; usd20: Float64Array; usd40: Float64Array; cutoff: Float64Array },
): { pattern: Int32Array; patternRank: Int32Array } {
  const groups = new Map<string, number[]>();
  kept.forEach((_, d) => {
    const key = `${run.mode[d]}|${run.usd20[d]}|${run.usd40[d]}|${run.cutoff[d]}|${stopNode.subarray(stopStart[d], stopStart[d + 1]).join(',')}`;
    const group = groups.get(key);
    if (group) group.push(d);
    else groups.set(key, [d]);
  });
  const pattern = new Int32Array(kept.length);
  const patternRank = new Int32Array(kept.length);
  let patternCount = 0;
  // Whether run `b` is never ahead of run `a`: it leaves and arrives no earlier at every stop.
  const follows = (a: number, b: number): boolean => {
    for (let i = 0; i < stopStart[a + 1]! - stopStart[a]!; i++) {
      const x = stopStart[a]! + i;
      const y = stopStart[b]! + i;
      if (stopArrive[y]! < stopArrive[x]! || stopDepart[y]! < stopDepart[x]!) return false;
    }
    return true;
  };
  for (const group of groups.values()) {
    group.sort((a, b) => stopDepart[stopStart[a]!]! - stopDepart[stopStart[b]!]! || a - b);
    const chains: { id: number; last: number; size: number }[] = [];
    for (const d of group) {
      let chain = chains.find((candidate) => follows(candidate.last, d));
      if (!chain) {
        chain = { id: patternCount++, last: d, size: 0 };
        chains.push(chain);
      }
      pattern[d] = chain.id;
      patternRank[d] = chain.size++;
      chain.last = d;
    }
  }
  return { pattern, patternRank };
}

/** Why a departure cannot be planned on, or undefined when it can; pushes its hop arcs to `arcs` when it can. */
function checkDeparture(graph: CompiledNetwork, departure: Departure, arcs: number[][]): IgnoredDeparture['reason'] | undefined {
  const { stops } = departure;
  if (stops.length < 2) return 'too_few_stops';
  const nodes: number[] = [];
  for (const stop of stops) {
    const node = graph.nodeIndex.get(stop.node);
    if (node === undefined) return 'unknown_stop';
    nodes.push(node);
  }
  let previous = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < stops.length; i++) {
    const stop = stops[i]!;
    const last = i === stops.length - 1;
    const arrive = i === 0 ? stop.departAt : (stop.arriveAt ?? stop.departAt);
    if (arrive === undefined || (!last && stop.departAt === undefined)) return 'times_out_of_order';
    if (arrive < previous || (!last && stop.departAt! < arrive)) return 'times_out_of_order';
    previous = last ? arrive : stop.departAt!;
  }
  const mode = MODE_CODES.indexOf(departure.mode);
  const hops: number[] = [];
  let km = 0;
  for (let i = 0; i + 1 < nodes.length; i++) {
    const arc = arcBetween(graph, nodes[i]!, nodes[i + 1]!, mode);
    if (arc < 0) return 'no_link_between_stops';
    hops.push(arc);
    km += graph.arcKm[arc]!;
  }
  if (!(km > 0)) return 'zero_distance';
  arcs.push(hops);
  return undefined;
}
