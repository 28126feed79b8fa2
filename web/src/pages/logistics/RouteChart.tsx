import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlannedRoute } from '../../api/logistics.ts';
import { escapeHtml, useChart, type ChartOption } from '../trade/useChart.ts';
import { useLogisticsText } from './useLogisticsText.ts';

const CHOSEN = '#005a8c';
const OTHER = '#9fb3c8';

interface Props {
  routes: readonly PlannedRoute[];
  chosen: number;
  onChoose: (index: number) => void;
}

/** Each route as a point: days door to door across, cost up, CO2 as the point's size; the chosen route stands out. */
export function RouteChart({ routes, chosen, onChoose }: Props) {
  const { t } = useTranslation();
  const text = useLogisticsText();

  const option = useMemo<ChartOption>(() => {
    const co2 = routes.map((r) => r.co2Kg);
    const least = Math.min(...co2);
    const most = Math.max(...co2);
    const size = (kg: number) => (most > least ? 14 + ((kg - least) / (most - least)) * 26 : 22);
    return {
      grid: { left: 8, right: 24, top: 32, bottom: 32, containLabel: true },
      tooltip: {
        trigger: 'item',
        formatter: (params: { dataIndex: number }) => {
          const route = routes[params.dataIndex];
          if (!route) return '';
          return [
            `<strong>${escapeHtml(t('logistics.results.route', { n: params.dataIndex + 1 }))}</strong>`,
            escapeHtml(`${t('logistics.results.duration')}: ${text.duration(route.hours)}`),
            escapeHtml(`${t('logistics.results.cost')}: ${text.usd(route.usd)}`),
            escapeHtml(`${t('logistics.results.co2')}: ${text.co2(route.co2Kg)}`),
          ].join('<br/>');
        },
      },
      xAxis: { type: 'value', name: t('logistics.chart.days'), nameLocation: 'middle', nameGap: 28, scale: true, boundaryGap: ['10%', '10%'], axisLabel: { formatter: (days: number) => text.number(days) } },
      yAxis: { type: 'value', name: t('logistics.chart.usd'), scale: true, boundaryGap: ['10%', '10%'], axisLabel: { formatter: (usd: number) => text.usd(usd) } },
      series: [
        {
          id: 'routes',
          type: 'scatter',
          cursor: 'pointer',
          data: routes.map((route, index) => ({
            value: [route.hours / 24, route.usd],
            symbolSize: size(route.co2Kg),
            itemStyle: index === chosen ? { color: CHOSEN, borderColor: '#1b2430', borderWidth: 2, opacity: 1 } : { color: OTHER, borderColor: '#ffffff', borderWidth: 1, opacity: 0.9 },
            label: { show: true, formatter: String(index + 1), color: index === chosen ? '#ffffff' : '#1b2430', fontWeight: 600 },
            z: index === chosen ? 3 : 2,
          })),
        },
      ],
    };
  }, [routes, chosen, t, text]);

  const onClick = useCallback(({ dataIndex }: { dataIndex: number }) => onChoose(dataIndex), [onChoose]);
  const container = useChart(option, { onClick });

  return (
    <>
      <div ref={container} className="route-chart" data-testid="logistics-route-chart" role="img" aria-label={t('logistics.chart.label')} />
      <p className="hint">{t('logistics.chart.hint')}</p>
    </>
  );
}
