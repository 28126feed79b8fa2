/**
 * A planner that tries every way: all walks from the origin that never return to a node in the same vehicle state
 * (a walk that does can be cut short without getting worse on any criterion), with every boarding of every
 * departure, keeping the Pareto set at the end. Obviously right and exponentially slow: a reference for tests on
 * small networks, with the same semantics as `planner.ts`.
 */
import { indexDepartures, type DepartureIndex } from './departures.ts';
import { cuttingConstraints } from './explain.ts';
import { compileNetwork, type CompiledNetwork } from './graph.ts';
import type { RoutePlanner } from './planner.ts';
import {
  NO_TRANSFER,
  ORIGIN_STATE,
  STATE_COUNT,
  TIE,
  arcOpen,
  arcUnscheduled,
  arcUsd,
  co2Kg,
  crossesBorder,
  handlingOf,
  handlingUsd,
  resolveQuery,
  stateAfterArc,
  stateAfterRide,
  transferKind,
  type QueryContext,
} from './query-context.ts';
import { buildRoute, markRoutes, type Move } from './route-builder.ts';
import type { Departure, Network, RouteAnswer } from './types.ts';

interface Walk {
  time: number;
  cost: number;
  co2: number;
  transfers: number;
  moves: Move[];
}

/** Every walk to the destination; only the first when `any` (enough to tell whether a route exists). */
function allWalks(graph: CompiledNetwork, index: DepartureIndex, context: QueryContext, any = false): Walk[] {
  const walks: Walk[] = [];
  const visited = new Set<number>();
  const moves: Move[] = [];
  const handling = (transfer: number, node: number): { minutes: number; usd: number } => {
    if (transfer === NO_TRANSFER) return { minutes: 0, usd: 0 };
    const arrays = handlingOf(graph, transfer);
    return { minutes: arrays.minutes[node]!, usd: handlingUsd(arrays, node, context) };
  };
  // Nodes from which no usable link or departure hop leads to the destination are not worth walking to.
  const hops: [number, number][] = [];
  for (let arc = 0; arc < graph.arcCount; arc++) if (arcUnscheduled(graph, context, arc)) hops.push([graph.arcTail[arc]!, graph.arcHead[arc]!]);
  for (let at = 0; at < index.stopArc.length; at++) {
    const arc = index.stopArc[at]!;
    if (arc >= 0 && arcOpen(graph, context, arc)) hops.push([graph.arcTail[arc]!, graph.arcHead[arc]!]);
  }
  const leads = new Set([context.target]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [tail, head] of hops) {
      if (leads.has(head) && !leads.has(tail)) {
        leads.add(tail);
        grew = true;
      }
    }
  }
  const visit = (node: number, state: number, time: number, cost: number, co2: number, transfers: number, borders: number): void => {
    if (any && walks.length > 0) return;
    // Every criterion only grows along a walk: one matched by a walk found already cannot lead anywhere better.
    if (walks.some((walk) => walk.time <= time + TIE && walk.cost <= cost + TIE && walk.co2 <= co2 + TIE && walk.transfers <= transfers)) return;
    if (node === context.target) {
      walks.push({ time, cost, co2, transfers, moves: [...moves] });
      return;
    }
    const key = node * STATE_COUNT + state;
    if (visited.has(key) || !leads.has(node)) return;
    visited.add(key);
    for (let arc = graph.arcStart[node]!; arc < graph.arcStart[node + 1]!; arc++) {
      if (!arcUnscheduled(graph, context, arc)) continue;
      const mode = graph.arcMode[arc]!;
      const gauge = graph.arcGauge[arc]!;
      const head = graph.arcHead[arc]!;
      const transfer = transferKind(state, mode, gauge, false);
      const border = crossesBorder(graph, arc) ? 1 : 0;
      const nextTransfers = transfers + (transfer === NO_TRANSFER ? 0 : 1);
      if (nextTransfers > context.maxTransshipments || borders + border > context.maxBorderCrossings) continue;
      const spent = handling(transfer, node);
      let t = time;
      let c = cost;
      if (transfer !== NO_TRANSFER) {
        t += spent.minutes;
        c += spent.usd;
      }
      t += graph.arcMinutes[arc]!;
      c += arcUsd(graph, arc, context);
      if (border) {
        t += graph.customs.minutes[head]!;
        c += handlingUsd(graph.customs, head, context);
      }
      moves.push({ arc, from: -1, to: -1 });
      visit(head, stateAfterArc(state, mode, gauge, transfer), t, c, co2 + co2Kg(graph.arcGramKm[arc]!, context), nextTransfers, borders + border);
      moves.pop();
    }
    for (let d = 0; d < index.count; d++) {
      const mode = index.mode[d]!;
      if (!(context.modeMask & (1 << mode))) continue;
      if (!context.ignoreCapacity && index.teuLeft[d]! < context.teu) continue;
      if ((index.sizes[d]! & context.sizes) !== context.sizes) continue;
      const last = index.stopStart[d + 1]! - 1;
      for (let from = index.stopStart[d]!; from < last; from++) {
        if (index.stopNode[from] !== node) continue;
        const transfer = transferKind(state, mode, graph.arcGauge[index.stopArc[from]!]!, true);
        const nextTransfers = transfers + (transfer === NO_TRANSFER ? 0 : 1);
        if (nextTransfers > context.maxTransshipments) continue;
        const spent = handling(transfer, node);
        let ready = time;
        let boarded = cost;
        if (transfer !== NO_TRANSFER) {
          ready += spent.minutes;
          boarded += spent.usd;
        }
        if (ready > index.stopDepart[from]! - index.cutoff[d]!) continue;
        const ship = context.count20 * index.usd20[d]! + context.count40 * index.usd40[d]!;
        let customsUsd = 0;
        let crossed = borders;
        for (let to = from + 1; to <= last; to++) {
          const arc = index.stopArc[to - 1]!;
          if (!arcOpen(graph, context, arc)) break;
          if (crossesBorder(graph, arc)) {
            crossed += 1;
            customsUsd += handlingUsd(graph.customs, graph.arcHead[arc]!, context);
          }
          if (crossed > context.maxBorderCrossings) break;
          let c = boarded + (ship * (index.stopKm[to]! - index.stopKm[from]!)) / index.totalKm[d]!;
          c += customsUsd;
          const e = co2 + co2Kg(index.stopGramKm[to]! - index.stopGramKm[from]!, context);
          moves.push({ arc: -1, from, to });
          visit(index.stopNode[to]!, stateAfterRide(mode, graph.arcGauge[arc]!), index.stopArrive[to]!, c, e, nextTransfers, crossed);
          moves.pop();
        }
      }
    }
    visited.delete(key);
  };
  visit(context.origin, ORIGIN_STATE, context.departAfter, 0, 0, 0, 0);
  return walks;
}

function paretoWalks(walks: readonly Walk[]): Walk[] {
  const covers = (a: Walk, b: Walk): boolean => a.time <= b.time + TIE && a.cost <= b.cost + TIE && a.co2 <= b.co2 + TIE && a.transfers <= b.transfers;
  const same = (a: Walk, b: Walk): boolean => covers(a, b) && covers(b, a);
  return walks.filter((walk, i) =>
    walks.every((other, j) => i === j || !covers(other, walk) || (same(other, walk) && j > i)),
  );
}

export function createBruteForcePlanner(network: Network, departures: readonly Departure[]): RoutePlanner {
  const graph = compileNetwork(network);
  const index = indexDepartures(graph, departures);
  return {
    plan(query): RouteAnswer {
      const context = resolveQuery(graph, query);
      if (!context) return { found: false, cutBy: [] };
      const best = paretoWalks(allWalks(graph, index, context));
      if (best.length > 0) return { found: true, routes: markRoutes(best.map((walk) => buildRoute(graph, index, context, walk.moves))) };
      const short = index.teuLeft.some((teu) => teu < context.teu);
      return { found: false, cutBy: cuttingConstraints(graph, query, short, (lifted) => allWalks(graph, index, lifted, true).length > 0) };
    },
  };
}
