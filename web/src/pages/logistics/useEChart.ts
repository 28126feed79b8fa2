import { LinesChart, ScatterChart } from 'echarts/charts';
import { GeoComponent, GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([LinesChart, ScatterChart, GeoComponent, GridComponent, TooltipComponent, SVGRenderer]);

export type ChartOption = echarts.EChartsCoreOption;
export type Chart = echarts.ECharts;

interface Handlers {
  /** A click on a data item, with the item's series id and index. */
  onClick?: (item: { seriesId?: string; dataIndex: number }) => void;
  /** Runs after each new option is drawn, with the chart holding it. */
  onDrawn?: (chart: Chart, element: HTMLDivElement) => void;
}

/**
 * An ECharts instance bound to the returned element. Each new `option` (memoise it) replaces the series and merges
 * the rest, so a map keeps the zoom and pan its reader chose.
 */
export function useEChart(option: ChartOption | null, { onClick, onDrawn }: Handlers = {}) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<Chart | null>(null);
  const handlers = useRef<Handlers>({});
  useEffect(() => {
    handlers.current = { onClick, onDrawn };
  });

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const instance = echarts.init(element, undefined, { renderer: 'svg' });
    chart.current = instance;
    instance.on('click', (params) => {
      const { seriesId, dataIndex } = params as { seriesId?: string; dataIndex: number };
      handlers.current.onClick?.({ seriesId, dataIndex });
    });
    // The observer also fires as React removes the element, with a 0×0 size a map cannot be laid out in.
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
    const element = container.current;
    if (!instance || !element || !option) return;
    // A tooltip left open would point at data the new option replaces.
    instance.dispatchAction({ type: 'hideTip' });
    instance.setOption(option, { replaceMerge: ['series'] });
    handlers.current.onDrawn?.(instance, element);
  }, [option]);

  return container;
}
