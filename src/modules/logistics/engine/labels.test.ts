import { describe, expect, it } from 'vitest';
import { T0, departure, link, network, node, query } from './conformance.ts';
import { indexDepartures } from './departures.ts';
import { compileNetwork } from './graph.ts';
import { SCAN_RESTART, SearchWorkspace, searchLabels } from './labels.ts';
import { resolveQuery } from './query-context.ts';

/** A to B by train only: two runs of one dear service, then a cheap one that arrives later. */
const graph = compileNetwork(network([node('A', 'CHN'), node('B', 'CHN')], [link('AB', 'A', 'B', 'rail', 500, 400, 0, { gauge: 1435, scheduledOnly: true })]));
const index = indexDepartures(graph, [
  departure('DEAR-1', 'rail', [['A', undefined, T0 + 300], ['B', T0 + 700, undefined]], 10, 900),
  departure('DEAR-2', 'rail', [['A', undefined, T0 + 1300], ['B', T0 + 1700, undefined]], 10, 900),
  departure('CHEAP', 'rail', [['A', undefined, T0 + 2000], ['B', T0 + 2400, undefined]], 10, 100),
]);
const context = resolveQuery(graph, query('A', 'B', { departAfter: T0 }))!;

/** Arrival and price of each route the search finds. */
function answers(workspace: SearchWorkspace): number[][] {
  const { labels, arrivals } = searchLabels(graph, index, context, workspace);
  return arrivals.map((at) => [labels.time[at]! - T0, labels.cost[at]!]).sort((a, b) => a[0]! - b[0]!);
}

describe('searchLabels', () => {
  it('boards the earliest run of each pattern and still reaches the other patterns', () => {
    expect(answers(new SearchWorkspace(graph))).toEqual([
      [700, 900],
      [2400, 100],
    ]);
  });

  it('gives the same answer after more boarding scans than an Int32 counts, over a long-running planner', () => {
    const fresh = answers(new SearchWorkspace(graph));
    const worn = new SearchWorkspace(graph);
    answers(worn);
    worn.scan = 2 ** 31 - 2;
    expect(answers(worn)).toEqual(fresh);
    expect(worn.scan).toBeLessThan(SCAN_RESTART);
  });
});
