/**
 * Why no route: the constraints of a query that, lifted one at a time, let a route through. Departures with too few
 * free slots count as the `capacity` constraint; a missed cutoff is not a constraint, and closed links stay closed.
 */
import type { CompiledNetwork } from './graph.ts';
import { ARC_UNDER_CONSTRUCTION } from './graph.ts';
import { resolveQuery, type Lift, type QueryContext } from './query-context.ts';
import { MODES, type CuttingConstraint, type RouteQuery } from './types.ts';

/**
 * The constraints cutting every route. When no single one does but lifting all of the query's constraints together
 * does, all of them are listed; empty when even that finds nothing (the nodes are not connected by usable links).
 */
export function cuttingConstraints(
  graph: CompiledNetwork,
  query: RouteQuery,
  someDepartureShort: boolean,
  found: (context: QueryContext) => boolean,
): CuttingConstraint[] {
  const active: CuttingConstraint[] = [];
  if (query.modes && !MODES.every((mode) => query.modes!.includes(mode))) active.push('modes');
  if (query.avoidCountries?.length) active.push('avoidCountries');
  if (query.avoidNodes?.length) active.push('avoidNodes');
  if (query.maxBorderCrossings !== undefined) active.push('maxBorderCrossings');
  if (query.maxTransshipments !== undefined) active.push('maxTransshipments');
  if (!query.allowUnderConstruction && graph.arcFlags.some((flags) => (flags & ARC_UNDER_CONSTRUCTION) !== 0)) active.push('allowUnderConstruction');
  if (someDepartureShort) active.push('capacity');
  const attempt = (lift: Lift): boolean => {
    const context = resolveQuery(graph, query, lift);
    return context !== undefined && found(context);
  };
  if (active.length === 0 || !attempt('all')) return [];
  const alone = active.filter((constraint) => attempt(constraint));
  return alone.length > 0 ? alone : active;
}
