import type { Locator } from 'playwright-core';

/**
 * Lines of the logistics map drawn this many pixels wide, as their SVG paths' courses in drawing order. The map
 * draws the network's links 1.6 wide, a highlighted corridor 5 wide and each leg of the chosen route 4 wide.
 */
export async function drawnLines(map: Locator, width: number): Promise<string[]> {
  const paths = map.locator(`svg path[fill="none"][stroke-width="${width}"]`);
  return paths.evaluateAll(coursesOf);
}

/** Runs in the page: the `d` attribute of each SVG path. */
function coursesOf(paths: object[]): string[] {
  return paths.map((path) => (path as { getAttribute: (name: string) => string | null }).getAttribute('d') ?? '');
}

/** The width of each leg of the chosen route on the logistics map. */
export const ROUTE_LINE_WIDTH = 4;

/** How many points a chart plots as circles: ECharts draws each as a unit circle's arc, scaled and moved into place. */
export function plottedCircles(chart: Locator): Promise<number> {
  return chart.locator('svg path[d^="M1 0A1 1 0 1 1 1"]').count();
}

/** Where, in pixels from the map's top left corner, a click lands on one node or link and on nothing else. */
export interface MapTarget {
  /** The node's or the link's id. */
  id: string;
  x: number;
  y: number;
  /** How far, in pixels, the nearest other node or link is drawn from the point. */
  clearance: number;
  /** A link's course as the map draws it, in degrees. */
  coords?: number[][];
}

/**
 * Runs in the page: reads the ECharts instance that draws the logistics map (kept on its element) and, from
 * its own option and projection, picks the node (or the point on a link) drawn farthest from every other node
 * and link. Nodes and links carry their id as their data item's name.
 */
function pickOnMap(element: object, kind: 'node' | 'link'): MapTarget | string {
  interface SeriesItem {
    name?: string;
    value?: number[];
    coords?: number[][];
  }
  interface Chart {
    convertToPixel: (finder: { geoIndex: number }, value: number[]) => number[];
    getOption: () => { series?: { id?: string; data?: SeriesItem[] }[] };
    getWidth: () => number;
    getHeight: () => number;
  }
  const chart = (element as Record<symbol, Chart | undefined>)[Symbol.for('echarts-instance')];
  if (typeof chart?.convertToPixel !== 'function') return 'No ECharts instance is kept on the map element.';

  const series = chart.getOption().series ?? [];
  const toPixel = (point: number[]): [number, number] => {
    const [x = NaN, y = NaN] = chart.convertToPixel({ geoIndex: 0 }, point);
    return [x, y];
  };
  const nodes = series.filter((s) => s.id?.startsWith('nodes-')).flatMap((s) => (s.data ?? []).map((item) => ({ id: item.name ?? '', at: toPixel(item.value ?? []) })));
  const links = (series.find((s) => s.id === 'links')?.data ?? []).map((item) => ({ id: item.name ?? '', coords: item.coords ?? [], line: (item.coords ?? []).map(toPixel) }));
  const margin = 24;
  const inView = ([x, y]: [number, number]) => x > margin && y > margin && x < chart.getWidth() - margin && y < chart.getHeight() - margin;
  const toSegment = ([x, y]: [number, number], [ax, ay]: [number, number], [bx, by]: [number, number]) => {
    const length2 = (bx - ax) ** 2 + (by - ay) ** 2;
    const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / length2));
    return Math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay)));
  };
  const toLink = (point: [number, number], line: [number, number][]) => {
    let nearest = Infinity;
    for (let i = 1; i < line.length; i++) nearest = Math.min(nearest, toSegment(point, line[i - 1]!, line[i]!));
    return nearest;
  };
  const toNodes = (point: [number, number], except?: string) =>
    Math.min(...nodes.filter((node) => node.id !== except).map((node) => Math.hypot(point[0] - node.at[0], point[1] - node.at[1])));

  let best: MapTarget | undefined;
  if (kind === 'node') {
    // Places are drawn above the links, so only other places can take a click meant for one.
    for (const node of nodes) {
      if (!inView(node.at)) continue;
      const clearance = toNodes(node.at, node.id);
      if (!best || clearance > best.clearance) best = { id: node.id, x: node.at[0], y: node.at[1], clearance };
    }
  } else {
    // The middle of a straight stretch of a link lies on its line; the one farthest from places and other links wins.
    links.forEach((link, index) => {
      const others = links.filter((_, other) => other !== index);
      for (let i = 1; i < link.line.length; i++) {
        const [[ax, ay], [bx, by]] = [link.line[i - 1]!, link.line[i]!];
        const middle: [number, number] = [(ax + bx) / 2, (ay + by) / 2];
        if (!inView(middle)) continue;
        const clearance = Math.min(toNodes(middle), ...others.map((other) => toLink(middle, other.line)));
        if (!best || clearance > best.clearance) best = { id: link.id, x: middle[0], y: middle[1], clearance, coords: link.coords };
      }
    });
  }
  return best ?? `No ${kind} is drawn inside the map.`;
}

/** The point of the logistics map where a click can mean only one place or link, found from the chart's own projection. */
export async function isolatedPoint(map: Locator, kind: 'node' | 'link'): Promise<MapTarget> {
  // The map may still be moving (a resize after the editor's panel changed): pick again until two picks agree.
  let previous: MapTarget | undefined;
  for (let attempt = 0; attempt < 40; attempt++) {
    const target = await map.evaluate(pickOnMap, kind);
    if (typeof target === 'string') throw new Error(target);
    if (previous && previous.id === target.id && previous.x === target.x && previous.y === target.y) return target;
    previous = target;
    await map.page().waitForTimeout(250);
  }
  throw new Error(`The map did not settle: the ${kind} to click kept moving.`);
}
