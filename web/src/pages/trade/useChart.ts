import { BarChart, LineChart, LinesChart, MapChart, ScatterChart, TreemapChart } from 'echarts/charts';
import { GeoComponent, GridComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { worldGeoJson } from '../../map/worldGeo.ts';

echarts.use([LineChart, BarChart, TreemapChart, MapChart, LinesChart, ScatterChart, GeoComponent, GridComponent, TooltipComponent, VisualMapComponent, SVGRenderer]);

export type ChartOption = echarts.EChartsCoreOption;
export type Chart = echarts.ECharts;

export const WORLD_MAP = 'world-110m';
let worldRegistered = false;

export function registerWorld(): void {
  if (worldRegistered) return;
  // ECharts' GeoJSON typing is its own, structurally equal to the geojson package's.
  echarts.registerMap(WORLD_MAP, worldGeoJson() as unknown as Parameters<typeof echarts.registerMap>[1]);
  worldRegistered = true;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A data item clicked: its series' id, its index in that series and its name. */
export interface ChartClick {
  seriesId?: string;
  dataIndex: number;
  name: string;
}

/** Where an element drawn by `useChart` holds its ECharts instance. */
const CHART_INSTANCE = Symbol.for('echarts-instance');

interface ChartHandlers {
  /** A click on a data item. */
  onClick?: (item: ChartClick) => void;
  /** Runs after each new option is drawn, with the chart holding it. */
  onDrawn?: (chart: Chart, element: HTMLDivElement) => void;
  /** Replace only the series of each new option and merge the rest, so a map keeps the zoom and pan its reader chose. */
  keepView?: boolean;
}

/** An ECharts instance bound to the returned element, redrawn whenever `option` (memoise it) changes. */
export function useChart(option: ChartOption | null, { onClick, onDrawn, keepView = false }: ChartHandlers = {}) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<Chart | null>(null);
  const handlers = useRef<ChartHandlers>({});
  useEffect(() => {
    handlers.current = { onClick, onDrawn };
  });

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const instance = echarts.init(element, undefined, { renderer: 'svg' });
    chart.current = instance;
    // Lets browser tests place clicks from the chart's own projection; nothing in the app reads it.
    Object.defineProperty(element, CHART_INSTANCE, { value: instance, configurable: true });
    instance.on('click', (params) => {
      const { seriesId, dataIndex, name } = params as { seriesId?: string; dataIndex: number; name: string };
      handlers.current.onClick?.({ seriesId, dataIndex, name });
    });
    // The observer also fires as React removes the element, before this effect's cleanup runs; resizing a
    // map to 0×0 then makes ECharts invert a singular matrix and throw, so only real sizes are passed on.
    const observer = new ResizeObserver(() => {
      if (!instance.isDisposed() && element.isConnected && element.clientWidth > 0 && element.clientHeight > 0) instance.resize();
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      Reflect.deleteProperty(element, CHART_INSTANCE);
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    const instance = chart.current;
    const element = container.current;
    if (!instance || !element || !option) return;
    // A tooltip left open would point at data the new option replaces.
    instance.dispatchAction({ type: 'hideTip' });
    instance.setOption(option, keepView ? { replaceMerge: ['series'] } : { notMerge: true });
    handlers.current.onDrawn?.(instance, element);
  }, [option, keepView]);

  return container;
}
