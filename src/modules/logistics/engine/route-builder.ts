/**
 * Turns a sequence of moves (unscheduled arcs and rides on departures) into a `PlannedRoute`, adding time, money and
 * CO2 in the same order as the searches do, so a route's totals equal the criteria it was chosen on. Moves on the
 * same vehicle merge into one leg. Each leg carries what it spends itself: handling at its start, and customs at
 * every border it crosses; summed over the legs, they give the route's breakdown.
 */
import type { DepartureIndex } from './departures.ts';
import { MODE_CODES, RAIL, gaugeMillimetres, type CompiledNetwork } from './graph.ts';
import {
  GAUGE_CHANGE,
  NO_TRANSFER,
  ORIGIN_STATE,
  TRANSSHIPMENT,
  arcUsd,
  co2Kg,
  crossesBorder,
  handlingOf,
  handlingUsd,
  stateAfterArc,
  stateAfterRide,
  transferKind,
  type QueryContext,
} from './query-context.ts';
import type { Breakdown, PlannedRoute, RouteLeg, RouteMark } from './types.ts';

/** One move: an unscheduled arc (`arc` ≥ 0), or a ride from flat stop `from` to flat stop `to` (`arc` = -1). */
export interface Move {
  arc: number;
  from: number;
  to: number;
}

type MutableLeg = { -readonly [K in keyof RouteLeg]: RouteLeg[K] } & { links: string[] };

const emptyBreakdown = (): Breakdown => ({ moving: 0, waiting: 0, transshipment: 0, customs: 0, gaugeChange: 0 });

export function buildRoute(graph: CompiledNetwork, index: DepartureIndex, context: QueryContext, moves: readonly Move[]): PlannedRoute {
  const minutes = emptyBreakdown();
  const usd = emptyBreakdown();
  const co2 = { moving: 0, transshipment: 0 };
  const legs: MutableLeg[] = [];
  let state = ORIGIN_STATE;
  let time = context.departAfter;
  let cost = 0;
  let kg = 0;
  let transshipments = 0;
  let gaugeChanges = 0;
  let borderCrossings = 0;
  let distanceKm = 0;
  let leg: MutableLeg | undefined;

  const handle = (node: number, transfer: number): { minutes: number; usd: number } => {
    if (transfer === NO_TRANSFER) return { minutes: 0, usd: 0 };
    const arrays = handlingOf(graph, transfer);
    const spent = { minutes: arrays.minutes[node]!, usd: handlingUsd(arrays, node, context) };
    const slot = transfer === GAUGE_CHANGE ? 'gaugeChange' : 'transshipment';
    minutes[slot] += spent.minutes;
    usd[slot] += spent.usd;
    transshipments += 1;
    if (transfer === GAUGE_CHANGE) gaugeChanges += 1;
    time += spent.minutes;
    cost += spent.usd;
    return spent;
  };
  const startLeg = (node: number, mode: number, transfer: number, spent: { minutes: number; usd: number }): MutableLeg => {
    const fresh: MutableLeg = {
      from: graph.nodeIds[node]!,
      to: graph.nodeIds[node]!,
      mode: MODE_CODES[mode]!,
      links: [],
      departAt: time,
      arriveAt: time,
      distanceKm: 0,
      usd: 0,
      co2Kg: 0,
      handlingBefore: {
        transshipment: transfer === TRANSSHIPMENT ? spent.minutes : 0,
        gaugeChange: transfer === GAUGE_CHANGE ? spent.minutes : 0,
        usd: spent.usd,
      },
      customs: { minutes: 0, usd: 0 },
    };
    legs.push(fresh);
    return fresh;
  };

  for (const move of moves) {
    if (move.arc >= 0) {
      const { arc } = move;
      const tail = graph.arcTail[arc]!;
      const head = graph.arcHead[arc]!;
      const mode = graph.arcMode[arc]!;
      const gauge = graph.arcGauge[arc]!;
      const transfer = transferKind(state, mode, gauge, false);
      const spent = handle(tail, transfer);
      if (transfer !== NO_TRANSFER || leg === undefined) leg = startLeg(tail, mode, transfer, spent);
      const movingMinutes = graph.arcMinutes[arc]!;
      const movingUsd = arcUsd(graph, arc, context);
      const movingKg = co2Kg(graph.arcGramKm[arc]!, context);
      time += movingMinutes;
      cost += movingUsd;
      kg += movingKg;
      minutes.moving += movingMinutes;
      usd.moving += movingUsd;
      co2.moving += movingKg;
      distanceKm += graph.arcKm[arc]!;
      leg.links.push(graph.linkIds[graph.arcLink[arc]!]!);
      leg.to = graph.nodeIds[head]!;
      leg.arriveAt = time;
      leg.distanceKm += graph.arcKm[arc]!;
      leg.usd += movingUsd;
      leg.co2Kg += movingKg;
      if (crossesBorder(graph, arc)) {
        // Customs on entering the head's country: after the arc, before the leg goes on.
        borderCrossings += 1;
        const customsMinutes = graph.customs.minutes[head]!;
        const customsUsd = handlingUsd(graph.customs, head, context);
        time += customsMinutes;
        cost += customsUsd;
        minutes.customs += customsMinutes;
        usd.customs += customsUsd;
        leg.customs.minutes += customsMinutes;
        leg.customs.usd += customsUsd;
        leg.arriveAt = time;
      }
      state = stateAfterArc(state, mode, gauge, transfer);
      leg.gauge = mode === RAIL ? gaugeMillimetres(state & 7) : undefined;
      continue;
    }
    const { from, to } = move;
    const d = index.stopDeparture[from]!;
    const departure = index.departures[d]!;
    const mode = index.mode[d]!;
    const firstGauge = graph.arcGauge[index.stopArc[from]!]!;
    const transfer = transferKind(state, mode, firstGauge, true);
    const spent = handle(index.stopNode[from]!, transfer);
    minutes.waiting += index.stopDepart[from]! - time;
    leg = startLeg(index.stopNode[from]!, mode, transfer, spent);
    leg.departureId = departure.id;
    leg.serviceName = departure.serviceName;
    leg.departAt = index.stopDepart[from]!;
    leg.gauge = mode === RAIL ? gaugeMillimetres(firstGauge) : undefined;
    minutes.moving += index.stopArrive[to]! - index.stopDepart[from]!;
    time = index.stopArrive[to]!;
    const ship = context.count20 * index.usd20[d]! + context.count40 * index.usd40[d]!;
    const movingUsd = (ship * (index.stopKm[to]! - index.stopKm[from]!)) / index.totalKm[d]!;
    cost += movingUsd;
    let customsUsd = 0;
    for (let at = from; at < to; at++) {
      const arc = index.stopArc[at]!;
      leg.links.push(graph.linkIds[graph.arcLink[arc]!]!);
      if (crossesBorder(graph, arc)) {
        borderCrossings += 1;
        customsUsd += handlingUsd(graph.customs, graph.arcHead[arc]!, context);
      }
    }
    cost += customsUsd;
    const movingKg = co2Kg(index.stopGramKm[to]! - index.stopGramKm[from]!, context);
    kg += movingKg;
    usd.moving += movingUsd;
    usd.customs += customsUsd;
    co2.moving += movingKg;
    const km = index.stopKm[to]! - index.stopKm[from]!;
    distanceKm += km;
    leg.to = graph.nodeIds[index.stopNode[to]!]!;
    leg.arriveAt = time;
    leg.distanceKm = km;
    leg.usd = movingUsd;
    leg.co2Kg = movingKg;
    // The timetable holds the time at the borders; the money is the shipment's own.
    leg.customs = { minutes: 0, usd: customsUsd };
    state = stateAfterRide(mode, graph.arcGauge[index.stopArc[to - 1]!]!);
    leg = undefined;
  }
  return {
    legs,
    departAt: context.departAfter,
    arriveAt: time,
    minutes: time - context.departAfter,
    usd: cost,
    co2Kg: kg,
    transshipments,
    borderCrossings,
    gaugeChanges,
    distanceKm,
    marks: [],
    breakdown: { minutes, usd, co2Kg: co2 },
  };
}

/** Sorts Pareto-optimal routes by arrival (then price, CO2, transshipments) and marks the best of each criterion. */
export function markRoutes(routes: PlannedRoute[]): PlannedRoute[] {
  routes.sort((a, b) => a.arriveAt - b.arriveAt || a.usd - b.usd || a.co2Kg - b.co2Kg || a.transshipments - b.transshipments);
  const best = (value: (route: PlannedRoute) => number): number => {
    let at = 0;
    routes.forEach((route, i) => {
      if (value(route) < value(routes[at]!)) at = i;
    });
    return at;
  };
  const marks: [RouteMark, number][] = [
    ['fastest', best((route) => route.arriveAt)],
    ['cheapest', best((route) => route.usd)],
    ['greenest', best((route) => route.co2Kg)],
    ['fewest_transshipments', best((route) => route.transshipments)],
  ];
  return routes.map((route, i) => ({ ...route, marks: marks.filter(([, at]) => at === i).map(([mark]) => mark) }));
}
