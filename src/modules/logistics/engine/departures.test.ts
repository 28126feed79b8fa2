import { describe, expect, it } from 'vitest';
import { T0, departure, link, network, node, query } from './conformance.ts';
import { indexDepartures, type DepartureIndex } from './departures.ts';
import { compileNetwork } from './graph.ts';
import { createPlanner } from './planner.ts';
import type { Departure, PlannedRoute, RouteAnswer } from './types.ts';

/** A rail line A–B–C–D run only by trains, with a sea link A–B beside it. */
const line = network(
  [node('A', 'CHN'), node('B', 'CHN'), node('C', 'CHN'), node('D', 'CHN')],
  [
    link('AB', 'A', 'B', 'rail', 1000, 1000, 0, { gauge: 1435, scheduledOnly: true }),
    link('BC', 'B', 'C', 'rail', 1000, 1000, 0, { gauge: 1435, scheduledOnly: true }),
    link('CD', 'C', 'D', 'rail', 1000, 1000, 0, { gauge: 1435, scheduledOnly: true }),
    link('AB-SEA', 'A', 'B', 'sea', 1000, 2000, 0, { scheduledOnly: true }),
  ],
);

/** A run A → B → C leaving A at `start`, reaching B after `toB` minutes and C `toC` minutes after leaving B. */
function run(id: string, start: number, { toB = 1000, dwell = 60, toC = 1000, teuLeft = 10, usd40 = 3000, cutoff = 240 } = {}): Departure {
  return departure(id, 'rail', [['A', undefined, start], ['B', start + toB, start + toB + dwell], ['C', start + toB + dwell + toC, undefined]], teuLeft, usd40, cutoff);
}

function indexOf(departures: readonly Departure[]): DepartureIndex {
  const index = indexDepartures(compileNetwork(line), departures);
  expect(index.ignored).toEqual([]);
  return index;
}

/** Pattern and rank of each run, by id. */
function patterns(index: DepartureIndex): Record<string, [number, number]> {
  return Object.fromEntries(index.departures.map((run, d) => [run.id, [index.pattern[d]!, index.patternRank[d]!]]));
}

function routesOf(answer: RouteAnswer): readonly PlannedRoute[] {
  if (!answer.found) throw new Error(`no route, cut by ${answer.cutBy.join(', ') || 'nothing'}`);
  return answer.routes;
}

describe('indexDepartures: timetable patterns', () => {
  it('puts runs with the same stops, prices and cut-off that keep their order into one pattern, ranked by time', () => {
    // Listed out of time order: the rank follows the timetable, not the list.
    const index = indexOf([run('R3', T0 + 2000), run('R1', T0), run('R2', T0 + 1000)]);
    const byId = patterns(index);
    expect(new Set(Object.values(byId).map(([pattern]) => pattern)).size).toBe(1);
    expect([byId.R1![1], byId.R2![1], byId.R3![1]]).toEqual([0, 1, 2]);
    // One boarding pattern at A (first stop) and one at B (second stop); none at C, where the runs end.
    const [a, b, c] = ['A', 'B', 'C'].map((id) => index.graph.nodeIndex.get(id)!);
    expect([index.patternsAt[a!], index.patternsAt[b!], index.patternsAt[c!]]).toEqual([1, 1, 0]);
    expect(index.boardPatternCount).toBe(2);
  });

  it('keeps a run that leaves no earlier and arrives no earlier everywhere in the pattern, ties included', () => {
    // R2 leaves with R1 and runs slower: it never gets ahead, so R1 beats it everywhere.
    const byId = patterns(indexOf([run('R1', T0), run('R2', T0, { toC: 1200 })]));
    expect(byId.R2![0]).toBe(byId.R1![0]);
    expect([byId.R1![1], byId.R2![1]]).toEqual([0, 1]);
  });

  it('splits off a run that overtakes another: it leaves later but arrives earlier at some stop', () => {
    // R2 leaves A after R1 and reaches C first; R3 leaves after both and overtakes neither of them.
    const overtaking = patterns(indexOf([run('R1', T0, { toC: 1500 }), run('R2', T0 + 100, { toC: 900 }), run('R3', T0 + 200, { toC: 1500 })]));
    expect(overtaking.R2![0]).not.toBe(overtaking.R1![0]);
    // R3 follows R1 (the first chain it does not overtake) as its second run; R2 starts a chain of its own.
    expect(overtaking.R3).toEqual([overtaking.R1![0], 1]);
    expect(overtaking.R2![1]).toBe(0);

    // Overtaking at an intermediate stop only is enough: R2 reaches B before R1 but C after it.
    const atB = patterns(indexOf([run('R1', T0, { toB: 1000, dwell: 60 }), run('R2', T0 + 100, { toB: 800, dwell: 300 })]));
    expect(atB.R2![0]).not.toBe(atB.R1![0]);
    // As is leaving a stop earlier while arriving there later: R2 reaches B after R1 but leaves it first.
    const leavesFirst = patterns(indexOf([run('R1', T0, { toB: 1000, dwell: 300, toC: 1000 }), run('R2', T0 + 100, { toB: 1000, dwell: 60, toC: 1300 })]));
    expect(leavesFirst.R2![0]).not.toBe(leavesFirst.R1![0]);
  });

  it('gives runs of another price, cut-off, stop list or mode a pattern of their own', () => {
    const index = indexOf([
      run('BASE', T0),
      run('PRICE', T0 + 100, { usd40: 3001 }),
      run('CUTOFF', T0 + 200, { cutoff: 180 }),
      departure('SHORT', 'rail', [['A', undefined, T0 + 300], ['B', T0 + 1300, undefined]], 10, 3000),
      departure('LONGER', 'rail', [['A', undefined, T0 + 400], ['B', T0 + 1400, T0 + 1460], ['C', T0 + 2460, T0 + 2520], ['D', T0 + 3520, undefined]], 10, 3000),
      departure('SEA', 'sea', [['A', undefined, T0 + 500], ['B', T0 + 1500, undefined]], 10, 3000),
      departure('SHORT-AGAIN', 'rail', [['A', undefined, T0 + 600], ['B', T0 + 1600, undefined]], 10, 3000),
      run('SAME', T0 + 700),
    ]);
    const byId = patterns(index);
    const ids = ['BASE', 'PRICE', 'CUTOFF', 'SHORT', 'LONGER', 'SEA'];
    expect(new Set(ids.map((id) => byId[id]![0])).size).toBe(ids.length);
    // Control: the same stops, mode, prices and cut-off as another run do share its pattern.
    expect(byId['SHORT-AGAIN']).toEqual([byId.SHORT![0], 1]);
    expect(byId.SAME).toEqual([byId.BASE![0], 1]);
    // A 20' price alone is enough to part two runs.
    const cheaper20 = { ...run('CHEAPER-20', T0 + 800), usd: { 20: 1000, 40: 3000 } };
    const parted = patterns(indexOf([run('BASE', T0), cheaper20]));
    expect(parted['CHEAPER-20']![0]).not.toBe(parted.BASE![0]);
  });

  it('gives a run that passes a node twice a boarding pattern for each pass', () => {
    const loop = (id: string, start: number): Departure =>
      departure(id, 'rail', [['A', undefined, start], ['B', start + 1000, start + 1060], ['A', start + 2060, start + 2120], ['B', start + 3120, undefined]], 10, 3000);
    const index = indexOf([loop('L1', T0), loop('L2', T0 + 500)]);
    expect(index.pattern[1]).toBe(index.pattern[0]);
    const [a, b] = ['A', 'B'].map((id) => index.graph.nodeIndex.get(id)!);
    // At A the runs are boarded at their first and third stops: two boarding patterns; at B only at the second.
    expect(index.patternsAt[a!]).toBe(2);
    expect(index.patternsAt[b!]).toBe(1);
    expect(index.boardPatternCount).toBe(3);
    const boardingsAt = (u: number): [number, number][] => {
      const out: [number, number][] = [];
      for (let at = index.boardStart[u]!; at < index.boardStart[u + 1]!; at++) {
        const stop = index.boardStops[at]!;
        out.push([stop - index.stopStart[index.stopDeparture[stop]!]!, index.boardPattern[at]!]);
      }
      return out;
    };
    const atA = boardingsAt(a!);
    expect(atA).toHaveLength(4);
    // The boarding pattern is one per stop position: the same for both runs, different between the two passes.
    const byPosition = new Map<number, Set<number>>();
    for (const [position, boardPattern] of atA) byPosition.set(position, (byPosition.get(position) ?? new Set()).add(boardPattern));
    expect([...byPosition.keys()].sort((x, y) => x - y)).toEqual([0, 2]);
    expect([...byPosition.values()].map((ids) => ids.size)).toEqual([1, 1]);
    expect([...byPosition.get(0)!][0]).not.toBe([...byPosition.get(2)!][0]);
  });
});

describe('route planner boarding timetable patterns', () => {
  it('boards the next run of a pattern with room when the earlier ones are too full', () => {
    const planner = createPlanner(line, [
      run('R1', T0 + 1000, { teuLeft: 1 }),
      run('R2', T0 + 2000, { teuLeft: 0 }),
      run('R3', T0 + 3000, { teuLeft: 10 }),
      run('R4', T0 + 4000, { teuLeft: 10 }),
    ]);
    expect(new Set(planner.departures.pattern).size).toBe(1);
    // One 40' container takes 2 TEU: R1 and R2 have no room, R3 is the earliest run that does.
    const forty = routesOf(planner.plan(query('A', 'C')));
    expect(forty.map((route) => route.legs.map((leg) => leg.departureId))).toEqual([['R3']]);
    expect(forty[0]).toMatchObject({ arriveAt: T0 + 3000 + 2060, usd: 3000 });
    // One 20' takes 1 TEU and fits on R1.
    const twenty = routesOf(planner.plan(query('A', 'C', { containers: [{ size: 20, count: 1 }] })));
    expect(twenty.map((route) => route.legs.map((leg) => leg.departureId))).toEqual([['R1']]);
    // Boarding mid-run at B follows the same rule.
    const fromB = routesOf(planner.plan(query('B', 'C')));
    expect(fromB.map((route) => route.legs.map((leg) => leg.departureId))).toEqual([['R3']]);
  });

  it('boards only runs that take every size of the shipment', () => {
    const planner = createPlanner(line, [{ ...run('R1', T0 + 1000), sizes: [40] }, run('R2', T0 + 2000)]);
    expect(routesOf(planner.plan(query('A', 'C'))).map((route) => route.legs[0]!.departureId)).toEqual(['R1']);
    expect(routesOf(planner.plan(query('A', 'C', { containers: [{ size: 20, count: 1 }] }))).map((route) => route.legs[0]!.departureId)).toEqual(['R2']);
    expect(routesOf(planner.plan(query('A', 'C', { containers: [{ size: 20, count: 1 }, { size: 40, count: 1 }] }))).map((route) => route.legs[0]!.departureId)).toEqual(['R2']);
  });

  it('plans on the free TEU given after compiling, as bookings change them', () => {
    const planner = createPlanner(line, [run('R1', T0 + 1000, { teuLeft: 10 }), run('R2', T0 + 2000, { teuLeft: 10 })]);
    expect(routesOf(planner.plan(query('A', 'C')))[0]!.legs[0]!.departureId).toBe('R1');
    planner.updateTeuLeft(new Map([['R1', 1], ['NOT-A-RUN', 5]]));
    // One 40' container takes 2 TEU: R1 has no room for it any more.
    expect(routesOf(planner.plan(query('A', 'C')))[0]!.legs[0]!.departureId).toBe('R2');
    planner.updateTeuLeft(new Map([['R1', 2]]));
    expect(routesOf(planner.plan(query('A', 'C')))[0]!.legs[0]!.departureId).toBe('R1');
  });

  it('boards the next run of a pattern when the cut-off of the earlier one is missed', () => {
    const planner = createPlanner(line, [run('R1', T0 + 1000), run('R2', T0 + 2000)]);
    expect(routesOf(planner.plan(query('A', 'C', { departAfter: T0 + 1000 - 240 })))[0]!.legs[0]!.departureId).toBe('R1');
    expect(routesOf(planner.plan(query('A', 'C', { departAfter: T0 + 1000 - 239 })))[0]!.legs[0]!.departureId).toBe('R2');
  });

  it('offers a run that leaves later but overtakes an earlier one', () => {
    const planner = createPlanner(line, [run('SLOW', T0 + 1000, { toC: 2000 }), run('FAST', T0 + 1500, { toC: 1000 })]);
    const routes = routesOf(planner.plan(query('A', 'C')));
    // At the same price the later, faster run arrives first and the slow one is beaten.
    expect(routes.map((route) => [route.legs[0]!.departureId, route.arriveAt])).toEqual([['FAST', T0 + 1500 + 2060]]);
    // Riding only to B, where the slow run is still ahead, it is the slow run that is taken.
    expect(routesOf(planner.plan(query('A', 'B'))).map((route) => route.legs[0]!.departureId)).toEqual(['SLOW']);
  });

  it('offers a run that overtakes at an intermediate stop, and the earlier run where it is still ahead', () => {
    // LATE leaves A after EARLY and reaches B first, but dwells long and reaches C after it.
    const planner = createPlanner(line, [run('EARLY', T0 + 1000), run('LATE', T0 + 1100, { toB: 800, dwell: 500 })]);
    expect(routesOf(planner.plan(query('A', 'B'))).map((route) => [route.legs[0]!.departureId, route.arriveAt])).toEqual([['LATE', T0 + 1900]]);
    expect(routesOf(planner.plan(query('A', 'C'))).map((route) => [route.legs[0]!.departureId, route.arriveAt])).toEqual([['EARLY', T0 + 3060]]);
  });
});
