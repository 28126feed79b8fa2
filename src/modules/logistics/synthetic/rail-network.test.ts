import { describe, expect, it } from 'vitest';
import { indexDepartures } from '../engine/departures.ts';
import { compileNetwork } from '../engine/graph.ts';
import type { Departure, Network, NetworkLink } from '../engine/types.ts';
import { syntheticMultimodalNetwork, syntheticTimetable } from './rail-network.ts';
import { haversineKm, syntheticRoadNetwork } from './road-network.ts';

/** 2023-03-13 00:00 UTC, a Monday, in minutes since the epoch. */
const MONDAY = 27_978_480;
const WEEK = 7 * 24 * 60;

const railLinks = (network: Network): NetworkLink[] => network.links.filter((link) => link.mode === 'rail');

describe('syntheticMultimodalNetwork', () => {
  it('is the same for the same seed and differs for another', () => {
    const a = syntheticMultimodalNetwork({ edges: 5000, seed: 42 });
    expect(syntheticMultimodalNetwork({ edges: 5000, seed: 42 })).toEqual(a);
    const c = syntheticMultimodalNetwork({ edges: 5000, seed: 43 });
    expect(c.nodes.map((node) => [node.lat, node.lon])).not.toEqual(a.nodes.map((node) => [node.lat, node.lon]));
  });

  it('has the links asked for, road and rail together, within 1 %, with a rail lattice that grows with the network', () => {
    let previousRail = 0;
    for (const edges of [1000, 5000, 20_000, 77_777]) {
      const network = syntheticMultimodalNetwork({ edges, seed: 7 });
      expect(Math.abs(network.links.length - edges)).toBeLessThanOrEqual(edges * 0.01);
      const rail = railLinks(network).length;
      // At least a 2 × 2 lattice of terminals, and rail a small share of the links.
      expect(rail).toBeGreaterThanOrEqual(4);
      expect(rail).toBeGreaterThanOrEqual(previousRail);
      expect(rail).toBeLessThan(edges * 0.01);
      previousRail = rail;
    }
    expect(previousRail).toBeGreaterThan(100);
  });

  it('lays scheduled-only 1,435 mm rail links between rail terminals, each in one corridor, each corridor a line in order', () => {
    const network = syntheticMultimodalNetwork({ edges: 20_000, seed: 3 });
    const nodes = new Map(network.nodes.map((node) => [node.id, node]));
    const corridors = new Map(network.corridors.map((corridor) => [corridor.id, corridor]));
    const rail = railLinks(network);
    expect(network.corridors.length).toBeGreaterThanOrEqual(4);
    expect(corridors.size).toBe(network.corridors.length);
    expect(new Set(network.links.map((link) => link.id)).size).toBe(network.links.length);
    for (const [i, link] of rail.entries()) {
      expect(link).toMatchObject({ id: `SR${i}`, gauge: 1435, scheduledOnly: true, status: 'open' });
      expect(link.corridors).toHaveLength(1);
      expect(corridors.get(link.corridors[0]!)?.kind).toBe('railway_express');
      const [a, b] = [nodes.get(link.from)!, nodes.get(link.to)!];
      expect([a.kind, b.kind]).toEqual(['rail_terminal', 'rail_terminal']);
      expect(link.distanceKm).toBeGreaterThanOrEqual(haversineKm(a.lat, a.lon, b.lat, b.lon));
      expect(link.minutes).toBeGreaterThan(0);
    }
    // Roads stay roads: driven at once, in no corridor.
    const roads = network.links.filter((link) => link.mode !== 'rail');
    expect(roads.length + rail.length).toBe(network.links.length);
    expect(roads.filter((link) => link.mode !== 'road' || link.corridors.length > 0 || link.scheduledOnly === true).map((link) => link.id)).toEqual([]);
    for (const corridor of network.corridors) {
      const hops = rail.filter((link) => link.corridors.includes(corridor.id));
      expect(hops.length).toBeGreaterThanOrEqual(1);
      // Each hop starts where the one before it ends, and the line never comes back to a terminal.
      for (let i = 1; i < hops.length; i++) expect(hops[i]!.from).toBe(hops[i - 1]!.to);
      const stops = [hops[0]!.from, ...hops.map((hop) => hop.to)];
      expect(new Set(stops).size).toBe(stops.length);
    }
    // Every terminal is on the rail lattice, and every other node is a city of the road network.
    const onRail = new Set(rail.flatMap((link) => [link.from, link.to]));
    const terminals = network.nodes.filter((node) => node.kind === 'rail_terminal');
    expect(terminals.map((node) => node.id).sort()).toEqual([...onRail].sort());
    for (const node of terminals) expect(node.transshipment.minutes).toBe(120);
    expect(network.nodes.filter((node) => node.kind !== 'rail_terminal').every((node) => node.kind === 'city')).toBe(true);
  });
});

describe('syntheticTimetable', () => {
  const network = syntheticMultimodalNetwork({ edges: 20_000, seed: 5 });
  const season = { count: 2000, seed: 5, start: MONDAY, weeks: 8 };

  it('is the same for the same seed and differs for another', () => {
    const a = syntheticTimetable(network, season);
    expect(syntheticTimetable(network, season)).toEqual(a);
    expect(syntheticTimetable(network, { ...season, seed: 6 })).not.toEqual(a);
  });

  it('has exactly the runs asked for, each leaving within the season, its stops in time order', () => {
    for (const count of [1, 37, 2000]) expect(syntheticTimetable(network, { ...season, count })).toHaveLength(count);
    const departures = syntheticTimetable(network, season);
    expect(new Set(departures.map((run) => run.id)).size).toBe(departures.length);
    for (const run of departures) {
      expect(run.mode).toBe('rail');
      expect(run.stops.length).toBeGreaterThanOrEqual(2);
      const first = run.stops[0]!;
      const last = run.stops[run.stops.length - 1]!;
      expect(first.arriveAt).toBeUndefined();
      expect(last.departAt).toBeUndefined();
      expect(first.departAt).toBeGreaterThanOrEqual(season.start);
      expect(first.departAt).toBeLessThan(season.start + season.weeks * WEEK);
      let time = first.departAt!;
      for (const stop of run.stops.slice(1)) {
        expect(stop.arriveAt).toBeGreaterThan(time);
        if (stop !== last) expect(stop.departAt).toBeGreaterThanOrEqual(stop.arriveAt!);
        time = stop.departAt ?? stop.arriveAt!;
      }
      expect(run.cutoffMinutes).toBeGreaterThan(0);
      expect(run.usd[40]).toBeGreaterThan(run.usd[20]);
    }
  });

  it('gives the planner only runs it can index, some of them full, the runs of each service one pattern', () => {
    const departures = syntheticTimetable(network, season);
    const index = indexDepartures(compileNetwork(network), departures);
    expect(index.ignored).toEqual([]);
    expect(index.count).toBe(departures.length);
    // About one run in ten is full.
    const full = departures.filter((run) => run.teuLeft === 0).length;
    expect(full).toBeGreaterThan(departures.length * 0.05);
    expect(full).toBeLessThan(departures.length * 0.15);
    // A service runs the same stops at the same pace, price and cut-off every time: its runs form one pattern,
    // ranked in the order they leave.
    const services = new Map<string, number[]>();
    departures.forEach((run, d) => services.set(run.serviceId, [...(services.get(run.serviceId) ?? []), d]));
    expect([...services.values()].filter((runs) => runs.length > 1).length).toBeGreaterThan(10);
    const leaves = (d: number): number => departures[d]!.stops[0]!.departAt!;
    for (const runs of services.values()) {
      expect(new Set(runs.map((d) => index.pattern[d]))).toHaveProperty('size', 1);
      const byTime = runs.slice().sort((a, b) => leaves(a) - leaves(b) || a - b);
      expect(byTime.map((d) => index.patternRank[d])).toEqual(byTime.map((_, rank) => rank));
    }
    // Runs of a pattern share the pattern's boardings: far fewer boarding patterns than boardings.
    expect(index.boardPatternCount).toBeLessThan(index.boardStops.length / 5);
  });

  it('has no runs on a network without rail', () => {
    const roads = syntheticRoadNetwork({ edges: 500, seed: 1 });
    expect(syntheticTimetable(roads, season)).toEqual([] as Departure[]);
  });
});
