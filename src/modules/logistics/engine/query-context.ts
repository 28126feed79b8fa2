/**
 * A query resolved against a compiled network, and the rules of moving a container that every planner shares:
 * when a change of vehicle is a transshipment or a gauge change, and what a vehicle state is after a move.
 *
 * Vehicle state (one small integer per label): `kind << 3 | gaugeBits`, kind 0 at the origin before any move,
 * 1 + mode code on an unscheduled link of that mode (rail keeps the gauges its train can still run on), 5 just off a
 * rail departure (gauge of the last hop ridden), 6 just off a departure of another mode.
 */
import { DEFAULT_TONNES_PER_CONTAINER } from './emission-factors.ts';
import * as compiled from './graph.ts';
import type { CompiledNetwork } from './graph.ts';
import type { CuttingConstraint, RouteQuery } from './types.ts';

// Read once into this module: some module loaders reach imported bindings through accessors, a cost in inner loops.
const { ARC_BORDER, ARC_CLOSED, ARC_SCHEDULED_ONLY, ARC_UNDER_CONSTRUCTION, MODE_CODES, RAIL } = compiled;

export const STATE_COUNT = 7 << 3;
export const ORIGIN_STATE = 0;
const KIND_OFF_RAIL_DEPARTURE = 5;
const KIND_OFF_OTHER_DEPARTURE = 6;
/** The least state just off a departure (of any mode): every state from here up is one. */
export const OFF_DEPARTURE = KIND_OFF_RAIL_DEPARTURE << 3;
/** The state just off a departure of a mode other than rail. */
export const OFF_OTHER_DEPARTURE = KIND_OFF_OTHER_DEPARTURE << 3;

/**
 * Minutes, dollars or kilograms closer than this count as equal when routes are compared: the same figures summed
 * in another order (along a shortcut, or two paths of the same links) differ in their last bits, and such twins are
 * one route, not two.
 */
export const TIE = 1e-6;

/** No change of vehicle; a transshipment; a gauge change (a transshipment between rail gauges). */
export const NO_TRANSFER = 0;
export const TRANSSHIPMENT = 1;
export const GAUGE_CHANGE = 2;

export interface QueryContext {
  readonly origin: number;
  readonly target: number;
  readonly departAfter: number;
  readonly count20: number;
  readonly count40: number;
  readonly teu: number;
  /** The shipment's container sizes as bits (`sizeBits`): a run must take all of them. */
  readonly sizes: number;
  readonly tonnes: number;
  /** Bit per mode code. */
  readonly modeMask: number;
  /** 1 where a node may not be passed (avoided node or country); never the origin or destination. */
  readonly blocked: Uint8Array;
  /** Whether any node is blocked: shortcuts over the road network pass nodes unseen, so such a query plans without them. */
  readonly blocksAny: boolean;
  readonly allowUnderConstruction: boolean;
  readonly maxBorderCrossings: number;
  readonly maxTransshipments: number;
  /** Departures with fewer free TEU than the shipment are boarded anyway (only when explaining a no-route). */
  readonly ignoreCapacity: boolean;
  /** 1 + the query's tolerance on cost and CO2 (1: the exact Pareto set). */
  readonly relax: number;
}

/** What a query asks for when one constraint (or all of them) is lifted. */
export type Lift = CuttingConstraint | 'all' | 'none';

const zeroMasks = new WeakMap<CompiledNetwork, Uint8Array>();

function noneBlocked(graph: CompiledNetwork): Uint8Array {
  let mask = zeroMasks.get(graph);
  if (!mask) zeroMasks.set(graph, (mask = new Uint8Array(graph.nodeCount)));
  return mask;
}

/** Resolves a query; undefined when its origin or destination is not a node of the network. */
export function resolveQuery(graph: CompiledNetwork, query: RouteQuery, lift: Lift = 'none'): QueryContext | undefined {
  const origin = graph.nodeIndex.get(query.from);
  const target = graph.nodeIndex.get(query.to);
  if (origin === undefined || target === undefined) return undefined;
  const lifted = (constraint: CuttingConstraint): boolean => lift === 'all' || lift === constraint;
  let count20 = 0;
  let count40 = 0;
  for (const { size, count } of query.containers) {
    if (size === 20) count20 += count;
    else count40 += count;
  }
  let modeMask = (1 << MODE_CODES.length) - 1;
  if (query.modes && !lifted('modes')) {
    modeMask = 0;
    for (const mode of query.modes) modeMask |= 1 << MODE_CODES.indexOf(mode);
  }
  const avoidCountries = query.avoidCountries?.length && !lifted('avoidCountries') ? query.avoidCountries : undefined;
  const avoidNodes = query.avoidNodes?.length && !lifted('avoidNodes') ? query.avoidNodes : undefined;
  // Most queries avoid nothing: they share one mask of zeros, which no query writes to.
  const blocked = avoidCountries || avoidNodes ? new Uint8Array(graph.nodeCount) : noneBlocked(graph);
  if (avoidCountries) {
    // The shipment starts and ends where it must: the origin's and destination's countries are never avoided.
    const avoided = new Set(avoidCountries.map((code) => graph.countryIndex.get(code)));
    avoided.delete(graph.nodeCountry[origin]);
    avoided.delete(graph.nodeCountry[target]);
    for (let u = 0; u < graph.nodeCount; u++) if (avoided.has(graph.nodeCountry[u])) blocked[u] = 1;
  }
  for (const id of avoidNodes ?? []) {
    const node = graph.nodeIndex.get(id);
    if (node !== undefined) blocked[node] = 1;
  }
  if (avoidCountries || avoidNodes) {
    blocked[origin] = 0;
    blocked[target] = 0;
  }
  return {
    origin,
    target,
    departAfter: query.departAfter,
    count20,
    count40,
    teu: count20 + 2 * count40,
    sizes: (count20 > 0 ? 1 : 0) | (count40 > 0 ? 2 : 0),
    tonnes: query.cargoTonnes ?? count20 * DEFAULT_TONNES_PER_CONTAINER[20] + count40 * DEFAULT_TONNES_PER_CONTAINER[40],
    modeMask,
    blocked,
    blocksAny: avoidCountries || avoidNodes ? blocked.includes(1) : false,
    allowUnderConstruction: query.allowUnderConstruction === true || lifted('allowUnderConstruction'),
    maxBorderCrossings: lifted('maxBorderCrossings') ? Infinity : (query.maxBorderCrossings ?? Infinity),
    maxTransshipments: lifted('maxTransshipments') ? Infinity : (query.maxTransshipments ?? Infinity),
    ignoreCapacity: lifted('capacity'),
    relax: 1 + (query.tolerance ?? 0),
  };
}

/** Whether an arc may carry the container at all under the query (by link or by a departure riding it). */
export function arcOpen(graph: CompiledNetwork, context: QueryContext, arc: number): boolean {
  const flags = graph.arcFlags[arc]!;
  if (flags & ARC_CLOSED) return false;
  if (flags & ARC_UNDER_CONSTRUCTION && !context.allowUnderConstruction) return false;
  if (!(context.modeMask & (1 << graph.arcMode[arc]!))) return false;
  return context.blocked[graph.arcHead[arc]!] === 0 && context.blocked[graph.arcTail[arc]!] === 0;
}

/** Whether an arc may be driven or run without a departure: open and not reserved to scheduled services. */
export function arcUnscheduled(graph: CompiledNetwork, context: QueryContext, arc: number): boolean {
  return (graph.arcFlags[arc]! & ARC_SCHEDULED_ONLY) === 0 && arcOpen(graph, context, arc);
}

export function crossesBorder(graph: CompiledNetwork, arc: number): boolean {
  return (graph.arcFlags[arc]! & ARC_BORDER) !== 0;
}

/**
 * The handling a container needs to leave a node in `state` by a vehicle of `mode` on `gauge`: none when it stays
 * on the same vehicle (same unscheduled mode; for rail, a shared gauge), else a transshipment, which is a gauge
 * change when it moves between rail vehicles of no shared gauge. Boarding or leaving a departure always changes
 * vehicle; the first move from the origin needs no handling.
 */
export function transferKind(state: number, mode: number, gauge: number, ride: boolean): number {
  const kind = state >> 3;
  if (kind === 0) return NO_TRANSFER;
  const fromRail = kind === RAIL + 1 || kind === KIND_OFF_RAIL_DEPARTURE;
  if (fromRail && mode === RAIL && (state & 7 & gauge) === 0) return GAUGE_CHANGE;
  if (ride || kind >= KIND_OFF_RAIL_DEPARTURE) return TRANSSHIPMENT;
  return kind - 1 === mode ? NO_TRANSFER : TRANSSHIPMENT;
}

/** The vehicle state after an unscheduled arc of `mode` and `gauge`, taken with `transfer` from `state`. */
export function stateAfterArc(state: number, mode: number, gauge: number, transfer: number): number {
  if (mode !== RAIL) return (mode + 1) << 3;
  const narrowed = transfer === NO_TRANSFER && state >> 3 === RAIL + 1 ? state & 7 & gauge : gauge;
  return ((RAIL + 1) << 3) | narrowed;
}

/** The vehicle state on leaving a departure of `mode` whose last hop ridden has `gauge`. */
export function stateAfterRide(mode: number, gauge: number): number {
  return mode === RAIL ? (KIND_OFF_RAIL_DEPARTURE << 3) | gauge : KIND_OFF_OTHER_DEPARTURE << 3;
}

/** The handling figures of a change of vehicle: a gauge change's, or else a transshipment's. */
export function handlingOf(graph: CompiledNetwork, transfer: number): CompiledNetwork['customs'] {
  return transfer === GAUGE_CHANGE ? graph.gaugeChange : graph.transshipment;
}

/** Handling price for the whole shipment at a node. */
export function handlingUsd(arrays: CompiledNetwork['customs'], node: number, context: QueryContext): number {
  return context.count20 * arrays.usd20[node]! + context.count40 * arrays.usd40[node]!;
}

/** Price of carrying the whole shipment over an unscheduled arc. */
export function arcUsd(graph: CompiledNetwork, arc: number, context: QueryContext): number {
  return context.count20 * graph.arcUsd20[arc]! + context.count40 * graph.arcUsd40[arc]!;
}

/** CO2 in kilograms of carrying the shipment over `gramKm` (distance times grams per tonne-kilometre): grams ÷ 1000. */
export function co2Kg(gramKm: number, context: QueryContext): number {
  return (gramKm * context.tonnes) / 1000;
}
