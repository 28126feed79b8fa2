import { BarChart, LineChart, MapChart, TreemapChart } from 'echarts/charts';
import { GridComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { worldGeoJson } from '../../map/worldGeo.ts';

echarts.use([LineChart, BarChart, TreemapChart, MapChart, GridComponent, TooltipComponent, VisualMapComponent, SVGRenderer]);

export type ChartOption = echarts.EChartsCoreOption;

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

/** An ECharts instance bound to the returned element, redrawn whenever `option` (memoise it) changes. */
export function useChart(option: ChartOption | null) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const instance = echarts.init(element, undefined, { renderer: 'svg' });
    chart.current = instance;
    // The observer also fires as React removes the element, before this effect's cleanup runs; resizing a
    // map to 0×0 then makes ECharts invert a singular matrix and throw, so only real sizes are passed on.
    const observer = new ResizeObserver(() => {
      if (!instance.isDisposed() && element.isConnected && element.clientWidth > 0 && element.clientHeight > 0) instance.resize();
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    const instance = chart.current;
    if (!instance || !option) return;
    // A tooltip left open would point at data the new option replaces.
    instance.dispatchAction({ type: 'hideTip' });
    instance.setOption(option, { notMerge: true });
  }, [option]);

  return container;
}
