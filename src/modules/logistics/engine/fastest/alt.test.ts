import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../synthetic/seeded-random.ts';
import { AltEngine } from './alt.ts';
import { describeFastestConformance, expectSameAsDijkstra, gridGraph, randomGraph } from './conformance.ts';

describeFastestConformance('ALT', (graph) => new AltEngine(graph));
describeFastestConformance('ALT, one landmark', (graph) => new AltEngine(graph, { landmarks: 1 }));

describe('ALT against Dijkstra', () => {
  it('gives the same minutes and valid paths on 1,200 seeded random graphs', () => {
    const random = seededRandom(20_261_125);
    let reachable = 0;
    for (let g = 0; g < 1200; g++) {
      const graph = randomGraph(random);
      const alt = new AltEngine(graph, { landmarks: 1 + (g % 6), active: 1 + (g % 3) });
      reachable += expectSameAsDijkstra(graph, alt, random, 12, `graph ${g}`);
    }
    expect(reachable).toBeGreaterThan(4000);
  });

  it('places landmarks far apart and settles fewer nodes than Dijkstra would', () => {
    const side = 30;
    const graph = gridGraph(side);
    const alt = new AltEngine(graph, { landmarks: 4 });
    // The first landmark is node 0, a corner; the farthest from it is the opposite corner.
    expect(Array.from(alt.landmarkNodes).slice(0, 2)).toEqual([0, side * side - 1]);
    expect(new Set(alt.landmarkNodes).size).toBe(4);
    // Plain Dijkstra would settle nearly the whole grid (every node within 29 minutes of the source).
    const found = alt.fastest(15 * side, 15 * side + side - 1)!;
    expect(found.minutes).toBe(side - 1);
    expect(alt.settled).toBeLessThan((side * side) / 3);
  });
});
