import { describeFastestConformance } from './conformance.ts';
import { DijkstraEngine } from './dijkstra.ts';

describeFastestConformance('Dijkstra', (graph) => new DijkstraEngine(graph));
