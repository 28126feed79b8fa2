import { MapChart } from 'echarts/charts';
import { TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { State } from '../api/types.ts';
import { formatList, formatSince } from '../i18n/format.ts';
import { useLocale } from '../i18n/useLocale.ts';
import { NO_STATUS_COLOUR, STATUS_COLOURS } from './statusColours.ts';
import { MAPPED_M49, worldGeoJson } from './worldGeo.ts';

echarts.use([MapChart, TooltipComponent, SVGRenderer]);

const MAP_NAME = 'world-110m';
let registered = false;

function registerWorld(): void {
  if (registered) return;
  // ECharts' GeoJSON typing is its own, structurally equal to the geojson package's.
  echarts.registerMap(MAP_NAME, worldGeoJson() as unknown as Parameters<typeof echarts.registerMap>[1]);
  registered = true;
}

interface Region {
  name: string;
  label: string;
  detail: string;
  itemStyle: { areaColor: string };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

interface Props {
  states: State[];
  /** Accessible summary of what the map shows. */
  label: string;
}

/** World map with each SCO state coloured by its status on the chosen date. */
export default function WorldMap({ states, label }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const { t } = useTranslation();
  const locale = useLocale();

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    registerWorld();
    const instance = echarts.init(element, undefined, { renderer: 'svg' });
    chart.current = instance;
    const observer = new ResizeObserver(() => {
      // The observer also fires as the map leaves the page, with a 0×0 size ECharts cannot lay out.
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
    const regions: Region[] = states
      .filter((state) => state.status !== null)
      .map((state) => {
        const status = state.status!;
        const since = state.history.find((entry) => entry.status === status && entry.since === state.statusSince);
        const date = since ? formatSince(since.since, since.sincePrecision, locale) : null;
        return {
          name: state.m49,
          label: state.names[locale],
          detail: date ? t('map.statusSince', { status: t(`status.${status}`), date }) : t(`status.${status}`),
          itemStyle: { areaColor: STATUS_COLOURS[status] },
        };
      });
    // A tooltip left open over a region would point at series data that the update replaces.
    chart.current?.dispatchAction({ type: 'hideTip' });
    chart.current?.setOption(
      {
        tooltip: {
          trigger: 'item',
          // ECharts also calls this for regions without data, passing a bare object: show nothing for those.
          formatter: (params: { data?: Partial<Region> }) => {
            const { label, detail } = params.data ?? {};
            return label && detail ? `<strong>${escapeHtml(label)}</strong><br/>${escapeHtml(detail)}` : '';
          },
        },
        series: [
          {
            type: 'map',
            map: MAP_NAME,
            roam: false,
            selectedMode: false,
            // Frame Eurasia east of the Mediterranean, where every SCO state lies.
            boundingCoords: [
              [6, 80],
              [192, -4],
            ],
            itemStyle: { areaColor: NO_STATUS_COLOUR, borderColor: '#ffffff', borderWidth: 0.6 },
            emphasis: { label: { show: false }, itemStyle: { areaColor: NO_STATUS_COLOUR } },
            data: regions.map((region) => ({
              ...region,
              emphasis: { itemStyle: { areaColor: region.itemStyle.areaColor, borderColor: '#1b2430', borderWidth: 1.2 } },
            })),
          },
        ],
      },
      { replaceMerge: ['series'] },
    );
  }, [states, locale, t]);

  const unmapped = states.filter((state) => state.status !== null && !MAPPED_M49.has(state.m49)).map((state) => state.names[locale]);
  return (
    <>
      <div ref={container} className="world-map" data-testid="sco-map" role="img" aria-label={label} />
      {unmapped.length > 0 && <p className="note">{t('map.tooSmall', { names: formatList(unmapped, locale) })}</p>}
    </>
  );
}
