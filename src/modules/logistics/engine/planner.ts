/**
 * The multi-criteria route planner: which way to send containers from one node to another over road, rail of two
 * gauges, sea and inland water, with scheduled departures.
 *
 * Semantics, which every `RoutePlanner` (and the conformance suite) holds to:
 * - Criteria, all minimised: arrival time, cost in USD, CO2 in kg, transshipments. The answer is the Pareto set
 *   (one route kept among ties; figures within `TIE` of each other count as equal), sorted by arrival then cost, CO2
 *   and transshipments; the first route best on a criterion carries its mark. A route departs at `departAfter`; its
 *   minutes are arrival − `departAfter`, so waiting at the origin for a departure counts as waiting.
 * - Unscheduled links (road, and rail, sea or inland water links not `scheduledOnly`) are taken at once: the link's
 *   minutes, its price per container times the containers, CO2 kg = km × tonnes × g/tkm ÷ 1000 (link figure or the
 *   mode's default). Cargo weighs 10 t per 20' and 20 t per 40' unless the query says.
 * - A departure is boarded at stop i when the container is there, handled, by departAt(i) − cutoff, and the run has
 *   `teuLeft` ≥ the shipment's TEU (20' = 1, 40' = 2; the shipment travels together); it rides to any later stop j
 *   at the timetable's times, for the run's price × km(i..j) ÷ km(whole run). Hops follow the network's shortest link
 *   of the run's mode between consecutive stops; a run missing one is ignored (and listed by the index). Ridden
 *   links must be open (under construction only when allowed) and their nodes not avoided. A `scheduledOnly` link
 *   is used only by riding a departure.
 * - Handling: the first move from the origin needs none, nor does arrival at the destination. A transshipment is
 *   any change of vehicle: between modes, onto or off a departure (even between two departures, or between a
 *   departure and an unscheduled link of its own mode). Consecutive unscheduled links of one mode stay on one
 *   vehicle; for rail, while the links share a gauge (a dual-gauge link continues either). Between rail vehicles of
 *   no shared gauge the transshipment is a gauge change: the node's gauge-change handling instead of its
 *   transshipment handling (default 6 h, USD 150 / 300), counted both as a transshipment and a gauge change. Gauge
 *   breaks inside one departure's run are the operator's and already in its price and timetable.
 * - Borders: a link that crosses (flagged, or joining two countries) counts one crossing and the customs of its
 *   head node (the side entered; default 12 h, USD 100): time and money on unscheduled links, money on a departure
 *   (whose timetable holds the stop).
 * - Constraints: `modes` limits links and departures; `avoidCountries` and `avoidNodes` forbid passing nodes, but
 *   the origin, the destination and their countries are never avoided; `maxBorderCrossings` and
 *   `maxTransshipments` bound the route; under-construction links only with `allowUnderConstruction`; closed never.
 * - Origin = destination: one route with no legs, no time, cost or CO2.
 * - No route: `{ found: false, cutBy }` (see `cuttingConstraints`); an unknown origin or destination gives
 *   `cutBy: []`.
 */
import { buildBoundHierarchies, type BoundHierarchies } from './bound-hierarchies.ts';
import { indexDepartures, type DepartureIndex } from './departures.ts';
import { cuttingConstraints } from './explain.ts';
import { compileNetwork, type CompiledNetwork } from './graph.ts';
import { SearchWorkspace, searchLabels } from './labels.ts';
import { resolveQuery } from './query-context.ts';
import { contractRoads, networkArcs, type RoadHierarchy, type SearchArcs } from './road-contraction.ts';
import { buildRoute, markRoutes, type Move } from './route-builder.ts';
import type { Departure, Network, RouteAnswer, RouteQuery, SearchLimits } from './types.ts';

export interface RoutePlanner {
  /** Throws `SearchLimitReached` when the query reaches one of `limits` before its answer is known. */
  plan(query: RouteQuery, limits?: SearchLimits): RouteAnswer;
}

function planRoutes(graph: CompiledNetwork, index: DepartureIndex, workspace: SearchWorkspace, query: RouteQuery, limits: SearchLimits): RouteAnswer {
  // A time that is not a number would make every dominance test false, and the search would never end.
  if (!Number.isFinite(query.departAfter)) throw new RangeError(`departAfter must be a number of minutes, not ${query.departAfter}`);
  const tolerance = query.tolerance ?? 0;
  if (!(tolerance >= 0 && tolerance <= 1)) throw new RangeError(`tolerance must be a share between 0 and 1, not ${query.tolerance}`);
  const context = resolveQuery(graph, query);
  if (!context) return { found: false, cutBy: [] };
  const allowance = { labelsLeft: limits.maxLabels ?? Number.POSITIVE_INFINITY, deadline: limits.deadline ?? Number.POSITIVE_INFINITY };
  const { labels, arcs, arrivals } = searchLabels(graph, index, context, workspace, allowance);
  if (arrivals.length > 0) {
    const moves = arrivals.map((at) => networkMoves(arcs, labels.moves(at)));
    return { found: true, routes: markRoutes(moves.map((route) => buildRoute(graph, index, context, route))) };
  }
  const short = index.teuLeft.some((teu) => teu < context.teu);
  const cutBy = cuttingConstraints(graph, query, short, (lifted) => searchLabels(graph, index, lifted, workspace, allowance).arrivals.length > 0);
  return { found: false, cutBy };
}

/** Moves on the network's arcs: a search on the road hierarchy moves on shortcuts, each some road arcs in a row. */
function networkMoves(arcs: SearchArcs, moves: Move[]): Move[] {
  if (!('arcOrigin' in arcs)) return moves;
  const roads = arcs as RoadHierarchy;
  return moves.flatMap((move) => (move.arc < 0 ? [move] : networkArcs(roads, move.arc).map((arc) => ({ arc, from: -1, to: -1 }))));
}

export interface CompiledPlanner extends RoutePlanner {
  readonly graph: CompiledNetwork;
  readonly departures: DepartureIndex;
  /**
   * Gives runs their free TEU as it is now (bookings change it between compilations); runs not named keep theirs.
   * Capacity is checked at boarding, so no bound or index depends on it.
   */
  updateTeuLeft(teuLeft: ReadonlyMap<string, number>): void;
  readonly hierarchies: BoundHierarchies | undefined;
  readonly roads: RoadHierarchy | undefined;
}

/** Networks with at least this many nodes get contraction hierarchies for their lower bounds. */
export const HIERARCHY_MIN_NODES = 20_000;

export interface PlannerOptions {
  /**
   * Where lower bounds come from: backward searches per query that honour its constraints (tight, and cheap on small
   * networks), or contraction hierarchies built once (a sweep per query, for large networks). Default: by size.
   */
  bounds?: 'search' | 'hierarchy';
  /** Whether searches move on the contracted road network (default) or on the network's own arcs. */
  contractRoads?: boolean;
}

/** Compiles the network and indexes the departures once; each `plan` then searches them. */
export function createPlanner(network: Network, departures: readonly Departure[], options: PlannerOptions = {}): CompiledPlanner {
  const graph = compileNetwork(network);
  const index = indexDepartures(graph, departures);
  const bounds = options.bounds ?? (graph.nodeCount >= HIERARCHY_MIN_NODES ? 'hierarchy' : 'search');
  const hierarchies = bounds === 'hierarchy' ? buildBoundHierarchies(graph, index) : undefined;
  const roads = options.contractRoads === false ? undefined : contractRoads(graph, index);
  // One workspace per planner: its arrays are reused by every query, which the planner answers one at a time.
  const workspace = new SearchWorkspace(graph, hierarchies, roads);
  let runOf: Map<string, number> | undefined;
  const updateTeuLeft = (teuLeft: ReadonlyMap<string, number>): void => {
    runOf ??= new Map(index.departures.map((departure, d) => [departure.id, d]));
    for (const [id, teu] of teuLeft) {
      const d = runOf.get(id);
      if (d !== undefined) index.teuLeft[d] = teu;
    }
  };
  return { graph, departures: index, hierarchies, roads, updateTeuLeft, plan: (query, limits = {}) => planRoutes(graph, index, workspace, query, limits) };
}
