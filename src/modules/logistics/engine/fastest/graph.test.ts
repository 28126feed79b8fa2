import { describe, expect, it } from 'vitest';
import type { Network, NetworkLink, NetworkNode } from '../types.ts';
import { arcMinutes, graphFromArcs, graphFromNetwork, reverseGraph } from './graph.ts';

const node = (id: string): NetworkNode => ({ id, name: id, kind: 'city', country: 'KAZ', lat: 43, lon: 76, transshipment: { minutes: 0, usd: { 20: 0, 40: 0 } } });
const link = (id: string, from: string, to: string, minutes: number, extra: Partial<NetworkLink> = {}): NetworkLink => ({
  id,
  from,
  to,
  mode: 'road',
  distanceKm: minutes,
  minutes,
  usd: { 20: 1, 40: 2 },
  status: 'open',
  corridors: [],
  ...extra,
});

describe('the fastest-path graph', () => {
  it('sorts arcs by tail in CSR arrays and keeps parallel arcs', () => {
    const graph = graphFromArcs(3, [2, 0, 2, 0], [0, 1, 1, 1], [5, 3, 4, 2]);
    expect(Array.from(graph.firstArc)).toEqual([0, 2, 2, 4]);
    expect(Array.from(graph.head)).toEqual([1, 1, 0, 1]);
    expect(Array.from(graph.minutes)).toEqual([3, 2, 5, 4]);
    expect(arcMinutes(graph, 0, 1)).toBe(2);
    expect(arcMinutes(graph, 1, 0)).toBe(Number.POSITIVE_INFINITY);
    const reversed = reverseGraph(graph);
    expect(arcMinutes(reversed, 1, 0)).toBe(2);
    expect(arcMinutes(reversed, 0, 2)).toBe(5);
    expect(reversed.head.length).toBe(4);
  });

  it('refuses negative, infinite or missing minutes and nodes out of range', () => {
    expect(() => graphFromArcs(2, [0], [1], [-1])).toThrow(/minutes/);
    expect(() => graphFromArcs(2, [0], [1], [Number.NaN])).toThrow(/minutes/);
    expect(() => graphFromArcs(2, [0], [1], [Number.POSITIVE_INFINITY])).toThrow(/minutes/);
    expect(() => graphFromArcs(2, [0], [2], [1])).toThrow(/out of range/);
  });

  it('turns a network into arcs both ways unless one-way, leaving out links not usable', () => {
    const network: Network = {
      nodes: [node('A'), node('B'), node('C')],
      links: [link('AB', 'A', 'B', 10), link('BC', 'B', 'C', 20, { oneWay: true }), link('AC', 'A', 'C', 5, { status: 'closed' })],
      corridors: [],
    };
    const all = graphFromNetwork(network);
    expect(all.nodeIds).toEqual(['A', 'B', 'C']);
    expect(all.indexOf.get('C')).toBe(2);
    expect(all.graph.head.length).toBe(5);
    expect(arcMinutes(all.graph, 1, 0)).toBe(10);
    expect(arcMinutes(all.graph, 1, 2)).toBe(20);
    expect(arcMinutes(all.graph, 2, 1)).toBe(Number.POSITIVE_INFINITY);
    const open = graphFromNetwork(network, (i) => network.links[i]!.status === 'open');
    expect(open.graph.head.length).toBe(3);
    expect(arcMinutes(open.graph, 0, 2)).toBe(Number.POSITIVE_INFINITY);
    expect(() => graphFromNetwork({ ...network, links: [link('AX', 'A', 'X', 1)] })).toThrow(/unknown node X/);
  });
});
