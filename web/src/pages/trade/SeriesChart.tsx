import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TradeSeries } from '../../api/trade.ts';
import { escapeHtml, useChart, type ChartOption } from './useChart.ts';
import { useTradeText } from './useTradeText.ts';

/** The annual series as a line, with the same points in a table for screen readers. */
export function SeriesChart({ series, what }: { series: TradeSeries; what: string }) {
  const { t } = useTranslation();
  const text = useTradeText();
  const { points } = series;

  const option = useMemo<ChartOption>(
    () => ({
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'axis',
        formatter: (params: { dataIndex: number }[]) => {
          const point = points[params[0]?.dataIndex ?? -1];
          return point ? `<strong>${escapeHtml(text.period(point.period))}</strong><br/>${escapeHtml(text.money(point.value))}` : '';
        },
      },
      xAxis: { type: 'category', data: points.map((p) => text.period(p.period)), boundaryGap: false },
      yAxis: { type: 'value', axisLabel: { formatter: (value: number) => text.axisMoney(value) } },
      series: [
        {
          type: 'line',
          data: points.map((p) => Number(p.value)),
          symbolSize: 8,
          lineStyle: { width: 2.5, color: '#005a8c' },
          itemStyle: { color: '#005a8c' },
          areaStyle: { color: 'rgba(0, 90, 140, 0.08)' },
        },
      ],
    }),
    [points, text],
  );
  const container = useChart(option);

  return (
    <>
      <div ref={container} className="trade-chart" data-testid="trade-series-chart" role="img" aria-label={t('trade.series.label', { what })} />
      {/* Tables ignore the 1px box of .visually-hidden, so a wrapper hides this one. */}
      <div className="visually-hidden">
        <table>
          <caption>{t('trade.series.label', { what })}</caption>
          <tbody>
            {points.map((point) => (
              <tr key={point.period}>
                <th scope="row">{text.period(point.period)}</th>
                <td>{text.money(point.value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
