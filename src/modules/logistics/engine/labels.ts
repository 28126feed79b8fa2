/**
 * Multi-criteria label setting (Martins' algorithm, as in MLC and McRAPTOR) on a compiled network. A label is a
 * container at a node in a vehicle state with its arrival time, cost, CO2, transshipments and border crossings so
 * far; labels live in struct-of-arrays typed arrays and in one bag per (node, vehicle state), where a label
 * dominated by another is dropped. Labels are taken in order of arrival time plus a lower bound of the time left;
 * one whose criteria plus lower bounds of what is left are already matched by a route found is dropped too.
 * Lower bounds come from one backward Dijkstra per criterion from the destination (or, on large networks, from
 * sweeps down contraction hierarchies built once), on the least time, price and CO2 of each arc by link or by any
 * departure riding it, ignoring handling, so they never overestimate. Searches that block no node move on the road
 * hierarchy (`road-contraction.ts`): up from the origin, across its core, and down only into the destination's cone.
 */
import { BoundSweep, type BoundHierarchies } from './bound-hierarchies.ts';
import type { DepartureIndex } from './departures.ts';
import * as arcFlags from './graph.ts';
import type { CompiledNetwork } from './graph.ts';
import { MinHeap } from './min-heap.ts';
import { SearchLimitReached } from './search-limit.ts';
import type { Move } from './route-builder.ts';
import * as movingRules from './query-context.ts';
import type { QueryContext } from './query-context.ts';
import { markCone, type RoadHierarchy, type SearchArcs } from './road-contraction.ts';

// Read once into this module: some module loaders reach imported bindings through accessors, a cost in inner loops.
const { ARC_BORDER, ARC_CLOSED, ARC_SCHEDULED_ONLY, ARC_UNDER_CONSTRUCTION } = arcFlags;
const { NO_TRANSFER, OFF_DEPARTURE, TIE, OFF_OTHER_DEPARTURE, ORIGIN_STATE, STATE_COUNT, arcOpen, co2Kg, handlingOf, handlingUsd, stateAfterArc, stateAfterRide, transferKind } =
  movingRules;

const ROAD = (1 + 1) << 3;
const SEA = (2 + 1) << 3;
const WATER = (3 + 1) << 3;

/** Lower bounds a little under the computed ones, so float rounding never makes them overestimate. */
const BOUND_SLACK = 1 - 1e-9;

type Growable = Int32Array | Uint8Array | Float64Array;

/** A copy of a typed array with room for `size` elements. */
function grownTo<T extends Growable>(array: T, size: number): T {
  const bigger = new (array.constructor as new (length: number) => T)(size);
  bigger.set(array);
  return bigger;
}

export class LabelStore {
  size = 0;
  node = new Int32Array(1024);
  state = new Uint8Array(1024);
  time = new Float64Array(1024);
  cost = new Float64Array(1024);
  co2 = new Float64Array(1024);
  transfers = new Int32Array(1024);
  borders = new Int32Array(1024);
  parent = new Int32Array(1024);
  /** The unscheduled arc that led here, or -1 after a ride from flat stop `rideFrom` to `rideTo`. */
  arc = new Int32Array(1024);
  rideFrom = new Int32Array(1024);
  rideTo = new Int32Array(1024);
  dead = new Uint8Array(1024);
  /** Next label in the same bag; -1 at the end. */
  next = new Int32Array(1024);

  clear(): void {
    this.size = 0;
  }

  add(): number {
    if (this.size === this.node.length) this.grow();
    this.dead[this.size] = 0;
    return this.size++;
  }

  /** The moves from the origin to label `at`. */
  moves(at: number): Move[] {
    const moves: Move[] = [];
    for (let label = at; this.parent[label]! >= 0; label = this.parent[label]!) {
      moves.push({ arc: this.arc[label]!, from: this.rideFrom[label]!, to: this.rideTo[label]! });
    }
    return moves.reverse();
  }

  private grow(): void {
    const size = this.node.length * 2;
    const grown = <T extends Growable>(array: T): T => grownTo(array, size);
    this.node = grown(this.node);
    this.state = grown(this.state);
    this.time = grown(this.time);
    this.cost = grown(this.cost);
    this.co2 = grown(this.co2);
    this.transfers = grown(this.transfers);
    this.borders = grown(this.borders);
    this.parent = grown(this.parent);
    this.arc = grown(this.arc);
    this.rideFrom = grown(this.rideFrom);
    this.rideTo = grown(this.rideTo);
    this.dead = grown(this.dead);
    this.next = grown(this.next);
  }
}

/**
 * The routes found so far, none dominating another, sorted by arrival time, with the least cost, CO2 and
 * transshipments among them, so that most "is this matched by a route found?" questions end early.
 */
class Arrivals {
  count = 0;
  label = new Int32Array(256);
  time = new Float64Array(256);
  cost = new Float64Array(256);
  co2 = new Float64Array(256);
  transfers = new Int32Array(256);
  private minCost = Number.POSITIVE_INFINITY;
  private minCo2 = Number.POSITIVE_INFINITY;
  private minTransfers = Number.POSITIVE_INFINITY;
  /**
   * The last route that matched a question, asked first next time: it is still a route, or one that beats it (within
   * the tolerance, which may then compound, as it does at every step) replaced it.
   */
  private readonly last = Float64Array.of(Number.POSITIVE_INFINITY, 0, 0, 0);
  /** 1 + the query's tolerance: a route covers another whose cost and CO2 are at most this share below its own. */
  private relax = 1;

  clear(relax = 1): void {
    this.relax = relax;
    this.count = 0;
    this.minCost = this.minCo2 = this.minTransfers = Number.POSITIVE_INFINITY;
    this.last.set([Number.POSITIVE_INFINITY, 0, 0, 0]);
  }

  /** Whether some route found has no more time and transshipments than these, and no more cost and CO2 (within the tolerance). */
  covers(time: number, cost: number, co2: number, transfers: number): boolean {
    const { count, last } = this;
    if (count === 0) return false;
    time += TIE;
    cost = cost * this.relax + TIE;
    co2 = co2 * this.relax + TIE;
    if (last[0]! <= time && last[1]! <= cost && last[2]! <= co2 && last[3]! <= transfers) return true;
    if (time < this.time[0]! || cost < this.minCost || co2 < this.minCo2 || transfers < this.minTransfers) return false;
    let low = 0;
    let high = count;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.time[middle]! <= time) low = middle + 1;
      else high = middle;
    }
    for (let i = 0; i < low; i++) {
      if (this.cost[i]! <= cost && this.co2[i]! <= co2 && this.transfers[i]! <= transfers) {
        last[0] = this.time[i]!;
        last[1] = this.cost[i]!;
        last[2] = this.co2[i]!;
        last[3] = this.transfers[i]!;
        return true;
      }
    }
    return false;
  }

  /** Adds a route no route found covers, dropping those it dominates. */
  add(label: number, time: number, cost: number, co2: number, transfers: number): void {
    let kept = 0;
    const relax = this.relax;
    for (let i = 0; i < this.count; i++) {
      if (time <= this.time[i]! + TIE && cost <= this.cost[i]! * relax + TIE && co2 <= this.co2[i]! * relax + TIE && transfers <= this.transfers[i]!) continue;
      this.move(i, kept++);
    }
    if (kept === this.label.length) this.grow();
    let at = kept;
    while (at > 0 && this.time[at - 1]! > time) {
      this.move(at - 1, at);
      at -= 1;
    }
    this.count = kept + 1;
    this.label[at] = label;
    this.time[at] = time;
    this.cost[at] = cost;
    this.co2[at] = co2;
    this.transfers[at] = transfers;
    this.minCost = Math.min(this.minCost, cost);
    this.minCo2 = Math.min(this.minCo2, co2);
    this.minTransfers = Math.min(this.minTransfers, transfers);
  }

  private move(from: number, to: number): void {
    if (from === to) return;
    this.label[to] = this.label[from]!;
    this.time[to] = this.time[from]!;
    this.cost[to] = this.cost[from]!;
    this.co2[to] = this.co2[from]!;
    this.transfers[to] = this.transfers[from]!;
  }

  private grow(): void {
    const size = this.label.length * 2;
    const grown = <T extends Growable>(array: T): T => grownTo(array, size);
    this.label = grown(this.label);
    this.time = grown(this.time);
    this.cost = grown(this.cost);
    this.co2 = grown(this.co2);
    this.transfers = grown(this.transfers);
  }
}

/** Arrays a planner reuses from one query to the next. */
export class SearchWorkspace {
  readonly labels = new LabelStore();
  readonly arrivals = new Arrivals();
  readonly heap = new MinHeap(4096);
  readonly bagHead: Int32Array;
  readonly boundTime: Float64Array;
  readonly boundCost: Float64Array;
  readonly boundCo2: Float64Array;
  readonly settled: Uint8Array;
  private sweep: BoundSweep | undefined;
  /** Per boarding pattern, the boarding scan that last met it, and the rank of the earliest run boarded in that scan. */
  patternScan = new Int32Array(0);
  patternBoarded = new Int32Array(0);
  scan = 0;
  private touched: number[] = [];

  /** Per node, the query whose destination's cone it was last marked in, and the queue that marks it. */
  readonly cone: Int32Array;
  readonly coneQueue: Int32Array;
  coneStamp = 0;

  /**
   * With bound hierarchies, lower bounds come from sweeps down them instead of backward searches; with a road
   * hierarchy, searches that block no node move on its arcs.
   */
  constructor(
    graph: CompiledNetwork,
    readonly hierarchies?: BoundHierarchies,
    readonly roads?: RoadHierarchy,
  ) {
    this.cone = new Int32Array(graph.nodeCount);
    this.coneQueue = new Int32Array(graph.nodeCount);
    this.bagHead = new Int32Array(graph.nodeCount * STATE_COUNT).fill(-1);
    this.boundTime = new Float64Array(graph.nodeCount);
    this.boundCost = new Float64Array(graph.nodeCount);
    this.boundCo2 = new Float64Array(graph.nodeCount);
    this.settled = new Uint8Array(graph.nodeCount);
  }

  boundSweep(): BoundSweep {
    return (this.sweep ??= new BoundSweep(this.settled.length));
  }

  /** Marks the destination's cone in the road hierarchy for a new search; the stamp that marks it. */
  markCone(roads: RoadHierarchy, target: number): number {
    if (this.coneStamp === SCAN_RESTART) {
      this.cone.fill(0);
      this.coneStamp = 0;
    }
    markCone(roads, target, this.cone, ++this.coneStamp, this.coneQueue);
    return this.coneStamp;
  }

  touch(key: number): void {
    this.touched.push(key);
  }

  reset(patternCount: number): void {
    if (this.patternScan.length < patternCount) {
      this.patternScan = new Int32Array(patternCount);
      this.patternBoarded = new Int32Array(patternCount);
      this.scan = 0;
    } else if (this.scan > SCAN_RESTART) {
      // Scan numbers stay within an Int32Array: start them again before they could wrap, over many queries.
      this.patternScan.fill(0);
      this.scan = 0;
    }
    for (const key of this.touched) this.bagHead[key] = -1;
    this.touched = [];
    this.labels.clear();
    this.heap.clear();
  }
}

/** Scan numbers past this start again from 0 at the next query, far more than one query scans below 2³¹ − 1. */
export const SCAN_RESTART = 2 ** 30;

/** A pattern not yet boarded in a scan: every rank is above it. */
const NOT_BOARDED = 0x7fffffff;

/** Backward searches stop this many times the origin's distance out; nodes beyond get that radius as bound. */
const BOUND_RADIUS = 1.5;

/**
 * Per-node lower bounds of time, price and CO2 to the destination. Each backward Dijkstra stops once it has settled
 * the origin and the nodes up to `BOUND_RADIUS` times its distance: any node not settled then is at least that far.
 * Infinity where the destination cannot be reached at all.
 */
function computeBounds(graph: CompiledNetwork, index: DepartureIndex, context: QueryContext, workspace: SearchWorkspace): void {
  const { hierarchies } = workspace;
  if (hierarchies) {
    const sweep = workspace.boundSweep();
    sweep.distancesTo(hierarchies.minutes, context.target, 1, BOUND_SLACK, workspace.boundTime);
    sweep.distancesTo(hierarchies.usd40, context.target, context.count40 + context.count20 * hierarchies.usd20PerUsd40, BOUND_SLACK, workspace.boundCost);
    sweep.distancesTo(hierarchies.gramKm, context.target, co2Kg(1, context), BOUND_SLACK, workspace.boundCo2);
    return;
  }
  const { heap, settled } = workspace;
  const infinity = Number.POSITIVE_INFINITY;
  const { modeMask, blocked, allowUnderConstruction, origin, count20, count40 } = context;
  const kgPerGramKm = co2Kg(1, context);
  const backward = (out: Float64Array, criterion: 0 | 1 | 2): void => {
    out.fill(infinity);
    settled.fill(0);
    out[context.target] = 0;
    heap.clear();
    heap.push(context.target, 0);
    let stopAt = infinity;
    let radius = infinity;
    while (heap.size > 0) {
      const priority = heap.peekPriority();
      if (priority > stopAt) {
        radius = priority;
        break;
      }
      const v = heap.pop();
      if (settled[v] || priority > out[v]!) continue;
      settled[v] = 1;
      if (v === origin) stopAt = priority * BOUND_RADIUS;
      for (let at = graph.inStart[v]!; at < graph.inStart[v + 1]!; at++) {
        const arc = graph.inArcs[at]!;
        const flags = graph.arcFlags[arc]!;
        if (flags & ARC_UNDER_CONSTRUCTION && !allowUnderConstruction) continue;
        const u = graph.arcTail[arc]!;
        if (!(modeMask & (1 << graph.arcMode[arc]!)) || blocked[u] || blocked[v] || settled[u]) continue;
        const minutes = index.arcBoundMinutes[arc]!;
        if (minutes === infinity) continue;
        const w =
          criterion === 0
            ? minutes
            : criterion === 1
              ? (count20 > 0 ? count20 * index.arcBoundUsd20[arc]! : 0) + (count40 > 0 ? count40 * index.arcBoundUsd40[arc]! : 0)
              : graph.arcGramKm[arc]! * kgPerGramKm;
        const reach = priority + w;
        if (reach < out[u]!) {
          out[u] = reach;
          heap.push(u, reach);
        }
      }
    }
    for (let u = 0; u < out.length; u++) out[u] = settled[u] ? out[u]! * BOUND_SLACK : radius * BOUND_SLACK;
  };
  backward(workspace.boundTime, 0);
  backward(workspace.boundCost, 1);
  backward(workspace.boundCo2, 2);
  // The searches stop early: what is left in the heap are nodes, not labels.
  heap.clear();
}

export interface SearchResult {
  labels: LabelStore;
  /** The arcs the search moved on, which its labels' arcs number: the network's, or the road hierarchy's. */
  arcs: SearchArcs;
  /** Labels at the destination, none dominating another. */
  arrivals: number[];
}

/** Pops between two looks at the clock: often enough to stop within a millisecond or so. */
const CLOCK_EVERY = 1024;

/** A search's share of its query's limits: the labels still allowed and the deadline. */
export interface SearchAllowance {
  labelsLeft: number;
  deadline: number;
}

export function searchLabels(
  graph: CompiledNetwork,
  index: DepartureIndex,
  context: QueryContext,
  workspace: SearchWorkspace,
  allowance: SearchAllowance = { labelsLeft: Number.POSITIVE_INFINITY, deadline: Number.POSITIVE_INFINITY },
): SearchResult {
  workspace.reset(index.boardPatternCount);
  const { labels, heap, bagHead, boundTime, boundCost, boundCo2, patternScan, patternBoarded } = workspace;
  const { target, maxTransshipments, maxBorderCrossings } = context;
  const limitBorders = Number.isFinite(maxBorderCrossings);
  const found = workspace.arrivals;
  const relax = context.relax;
  found.clear(relax);

  const root = labels.add();
  labels.node[root] = context.origin;
  labels.state[root] = ORIGIN_STATE;
  labels.time[root] = context.departAfter;
  labels.cost[root] = 0;
  labels.co2[root] = 0;
  labels.transfers[root] = 0;
  labels.borders[root] = 0;
  labels.parent[root] = -1;
  labels.arc[root] = -1;
  const hierarchy = context.blocksAny ? undefined : workspace.roads;
  const arcs: SearchArcs = hierarchy ?? graph;
  if (context.origin === target) return { labels, arcs, arrivals: [root] };
  computeBounds(graph, index, context, workspace);
  if (!Number.isFinite(boundTime[context.origin]!)) return { labels, arcs, arrivals: [] };
  const { cone } = workspace;
  const coneStamp = hierarchy ? workspace.markCone(hierarchy, target) : 0;
  const { arcStart, arcHead, arcFlags, arcMode, arcGauge, arcMinutes, arcUsd20, arcUsd40, arcGramKm } = arcs;
  const arcDown = arcs.arcDown;

  const { transshipment, gaugeChange, customs } = graph;
  /**
   * Whether a route found already matches everything a label at `node` could still reach. Off a departure, and not
   * yet at the destination, every way on starts with a change of vehicle: one more transshipment and its handling.
   */
  const hopeless = (node: number, state: number, time: number, cost: number, co2: number, transfers: number): boolean => {
    let t = time + boundTime[node]!;
    if (t === Number.POSITIVE_INFINITY) return true;
    let c = cost + boundCost[node]!;
    if (state >= OFF_DEPARTURE) {
      t += Math.min(transshipment.minutes[node]!, gaugeChange.minutes[node]!);
      c += Math.min(handlingUsd(transshipment, node, context), handlingUsd(gaugeChange, node, context));
      transfers += 1;
    }
    return found.covers(t, c, co2 + boundCo2[node]!, transfers);
  };

  const dominatedIn = (key: number, time: number, cost: number, co2: number, transfers: number, borders: number): boolean => {
    time += TIE;
    cost = cost * relax + TIE;
    co2 = co2 * relax + TIE;
    for (let at = bagHead[key]!; at >= 0; at = labels.next[at]!) {
      if (
        labels.time[at]! <= time &&
        labels.cost[at]! <= cost &&
        labels.co2[at]! <= co2 &&
        labels.transfers[at]! <= transfers &&
        (!limitBorders || labels.borders[at]! <= borders)
      ) {
        return true;
      }
    }
    return false;
  };

  /** Drops the labels of a bag that a new label dominates. */
  const dropDominated = (key: number, time: number, cost: number, co2: number, transfers: number, borders: number): void => {
    let previous = -1;
    for (let at = bagHead[key]!; at >= 0; at = labels.next[at]!) {
      if (
        time <= labels.time[at]! + TIE &&
        cost <= labels.cost[at]! * relax + TIE &&
        co2 <= labels.co2[at]! * relax + TIE &&
        transfers <= labels.transfers[at]! &&
        (!limitBorders || borders <= labels.borders[at]!)
      ) {
        labels.dead[at] = 1;
        if (previous < 0) bagHead[key] = labels.next[at]!;
        else labels.next[previous] = labels.next[at]!;
      } else {
        previous = at;
      }
    }
  };

  const offer = (node: number, state: number, time: number, cost: number, co2: number, transfers: number, borders: number, parent: number, arc: number, from: number, to: number): void => {
    if (node === target) {
      if (found.covers(time, cost, co2, transfers)) return;
    } else {
      if (hopeless(node, state, time, cost, co2, transfers)) return;
      const base = node * STATE_COUNT;
      // A label just off a non-rail departure is matched by one on an unscheduled non-rail vehicle at the same node:
      // that one pays no more handling for any next move and reaches the same states.
      const offOther = state === OFF_OTHER_DEPARTURE;
      if (dominatedIn(base + state, time, cost, co2, transfers, borders)) return;
      if (offOther && (dominatedIn(base + ROAD, time, cost, co2, transfers, borders) || dominatedIn(base + SEA, time, cost, co2, transfers, borders) || dominatedIn(base + WATER, time, cost, co2, transfers, borders))) return;
      dropDominated(base + state, time, cost, co2, transfers, borders);
      if (state === ROAD || state === SEA || state === WATER) dropDominated(base + OFF_OTHER_DEPARTURE, time, cost, co2, transfers, borders);
    }
    const label = labels.add();
    labels.node[label] = node;
    labels.state[label] = state;
    labels.time[label] = time;
    labels.cost[label] = cost;
    labels.co2[label] = co2;
    labels.transfers[label] = transfers;
    labels.borders[label] = borders;
    labels.parent[label] = parent;
    labels.arc[label] = arc;
    labels.rideFrom[label] = from;
    labels.rideTo[label] = to;
    if (node === target) {
      found.add(label, time, cost, co2, transfers);
      return;
    }
    const key = node * STATE_COUNT + state;
    if (bagHead[key] === -1) workspace.touch(key);
    labels.next[label] = bagHead[key]!;
    bagHead[key] = label;
    heap.push(label, time + boundTime[node]!);
  };

  heap.push(root, context.departAfter + boundTime[context.origin]!);
  const timed = allowance.deadline !== Number.POSITIVE_INFINITY;
  let pops = 0;
  while (heap.size > 0) {
    if (labels.size > allowance.labelsLeft) throw new SearchLimitReached('labels');
    if (timed && pops++ % CLOCK_EVERY === 0 && performance.now() > allowance.deadline) throw new SearchLimitReached('time');
    const label = heap.pop();
    if (labels.dead[label]) continue;
    const u = labels.node[label]!;
    const state = labels.state[label]!;
    const time = labels.time[label]!;
    const cost = labels.cost[label]!;
    const co2 = labels.co2[label]!;
    const transfers = labels.transfers[label]!;
    const borders = labels.borders[label]!;
    if (hopeless(u, state, time, cost, co2, transfers)) continue;

    for (let arc = arcStart[u]!; arc < arcStart[u + 1]!; arc++) {
      const flags = arcFlags[arc]!;
      if (flags & (ARC_CLOSED | ARC_SCHEDULED_ONLY)) continue;
      if (flags & ARC_UNDER_CONSTRUCTION && !context.allowUnderConstruction) continue;
      const mode = arcMode[arc]!;
      const v = arcHead[arc]!;
      if (!(context.modeMask & (1 << mode)) || context.blocked[v]) continue;
      // Down the road hierarchy only towards the destination.
      if (arcDown !== undefined && arcDown[arc] === 1 && cone[v] !== coneStamp) continue;
      const gauge = arcGauge[arc]!;
      const transfer = transferKind(state, mode, gauge, false);
      const nextTransfers = transfer === NO_TRANSFER ? transfers : transfers + 1;
      if (nextTransfers > maxTransshipments) continue;
      const border = flags & ARC_BORDER ? 1 : 0;
      if (borders + border > maxBorderCrossings) continue;
      let t = time;
      let c = cost;
      if (transfer !== NO_TRANSFER) {
        const arrays = handlingOf(graph, transfer);
        t += arrays.minutes[u]!;
        c += handlingUsd(arrays, u, context);
      }
      t += arcMinutes[arc]!;
      c += context.count20 * arcUsd20[arc]! + context.count40 * arcUsd40[arc]!;
      if (border) {
        t += customs.minutes[v]!;
        c += handlingUsd(customs, v, context);
      }
      const e = co2 + co2Kg(arcGramKm[arc]!, context);
      offer(v, stateAfterArc(state, mode, gauge, transfer), t, c, e, nextTransfers, borders + border, label, arc, -1, -1);
    }

    // Boardings at u whose latest arrival is not before now, in that order. A run is passed over once an earlier run
    // of its pattern is boarded (that one beats it at every stop), and the scan ends when every pattern is.
    let low = index.boardStart[u]!;
    let high = index.boardStart[u + 1]!;
    const end = high;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (index.boardBy[middle]! < time) low = middle + 1;
      else high = middle;
    }
    const scan = ++workspace.scan;
    let patternsOpen = index.patternsAt[u]!;
    for (let at = low; at < end && patternsOpen > 0; at++) {
      const from = index.boardStops[at]!;
      const d = index.stopDeparture[from]!;
      const pattern = index.boardPattern[at]!;
      if (patternScan[pattern] !== scan) {
        patternScan[pattern] = scan;
        patternBoarded[pattern] = NOT_BOARDED;
      } else if (index.patternRank[d]! > patternBoarded[pattern]!) {
        continue;
      }
      const mode = index.mode[d]!;
      const gauge = graph.arcGauge[index.stopArc[from]!]!;
      const transfer = transferKind(state, mode, gauge, true);
      const nextTransfers = transfer === NO_TRANSFER ? transfers : transfers + 1;
      // What rules out this run rules out its whole pattern here.
      if (!(context.modeMask & (1 << mode)) || nextTransfers > maxTransshipments) {
        if (patternBoarded[pattern] === NOT_BOARDED) patternsOpen -= 1;
        patternBoarded[pattern] = -1;
        continue;
      }
      if (!context.ignoreCapacity && index.teuLeft[d]! < context.teu) continue;
      if ((index.sizes[d]! & context.sizes) !== context.sizes) continue;
      let ready = time;
      let boarded = cost;
      if (transfer !== NO_TRANSFER) {
        const arrays = handlingOf(graph, transfer);
        ready += arrays.minutes[u]!;
        boarded += handlingUsd(arrays, u, context);
      }
      if (ready > index.boardBy[at]!) continue;
      if (patternBoarded[pattern] === NOT_BOARDED) patternsOpen -= 1;
      patternBoarded[pattern] = Math.min(patternBoarded[pattern]!, index.patternRank[d]!);
      const ship = context.count20 * index.usd20[d]! + context.count40 * index.usd40[d]!;
      const last = index.stopStart[d + 1]! - 1;
      let customsUsd = 0;
      let crossed = borders;
      for (let to = from + 1; to <= last; to++) {
        const arc = index.stopArc[to - 1]!;
        if (!arcOpen(graph, context, arc)) break;
        if (graph.arcFlags[arc]! & ARC_BORDER) {
          crossed += 1;
          customsUsd += handlingUsd(customs, graph.arcHead[arc]!, context);
        }
        if (crossed > maxBorderCrossings) break;
        let c = boarded + (ship * (index.stopKm[to]! - index.stopKm[from]!)) / index.totalKm[d]!;
        c += customsUsd;
        const e = co2 + co2Kg(index.stopGramKm[to]! - index.stopGramKm[from]!, context);
        offer(index.stopNode[to]!, stateAfterRide(mode, graph.arcGauge[arc]!), index.stopArrive[to]!, c, e, nextTransfers, crossed, label, -1, from, to);
      }
    }
  }
  allowance.labelsLeft -= labels.size;
  return { labels, arcs, arrivals: Array.from(found.label.subarray(0, found.count)) };
}
