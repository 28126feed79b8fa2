import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { PartnerRank } from '../../api/trade.ts';
import type { Countries } from './useCountries.ts';
import { escapeHtml, useChart, type ChartOption } from './useChart.ts';
import { useTradeText } from './useTradeText.ts';

export const TOP_PARTNERS = 15;

interface Props {
  partners: readonly PartnerRank[];
  countries: Countries;
  /** Accessible name of the chart and caption of the table. */
  caption: string;
}

/** The largest partners as bars labelled with their share, and the same ranking as a table. */
export function PartnerRankingView({ partners, countries, caption }: Props) {
  const { t } = useTranslation();
  const text = useTradeText();
  const top = useMemo(() => partners.slice(0, TOP_PARTNERS), [partners]);

  const option = useMemo<ChartOption>(() => {
    const shareOf = (p: PartnerRank) => (p.sharePercent.ok ? text.percent(p.sharePercent.value, 1) : '');
    return {
      grid: { left: 8, right: 56, top: 8, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'item',
        formatter: (params: { dataIndex: number }) => {
          const p = top[params.dataIndex];
          if (!p) return '';
          return `<strong>${escapeHtml(countries.name(p.partner))}</strong><br/>${escapeHtml(text.money(p.value))}<br/>${escapeHtml(text.share(p.sharePercent))}`;
        },
      },
      xAxis: { type: 'value', axisLabel: { formatter: (value: number) => text.axisMoney(value) }, splitNumber: 3 },
      yAxis: { type: 'category', inverse: true, data: top.map((p) => countries.name(p.partner)), axisTick: { show: false } },
      series: [
        {
          type: 'bar',
          data: top.map((p) => Number(p.value)),
          barMaxWidth: 22,
          itemStyle: { color: '#0072B2', borderRadius: [0, 3, 3, 0] },
          label: { show: true, position: 'right', formatter: (params: { dataIndex: number }) => shareOf(top[params.dataIndex]!), color: '#4a5666' },
        },
      ],
    };
  }, [top, countries, text]);
  const container = useChart(option);
  const height = Math.max(160, top.length * 30 + 40);

  return (
    <>
      <div ref={container} className="trade-chart bars" style={{ height }} data-testid="trade-partner-chart" role="img" aria-label={caption} />
      <div className="table-scroll">
        <table className="data-table" data-testid="trade-partner-table">
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col" className="numeric">
                {t('trade.partners.rank')}
              </th>
              <th scope="col">{t('trade.partners.partner')}</th>
              <th scope="col" className="numeric">
                {t('trade.partners.value')}
              </th>
              <th scope="col" className="numeric">
                {t('trade.partners.share')}
              </th>
            </tr>
          </thead>
          <tbody>
            {top.map((p) => (
              <tr key={p.partner} data-partner={p.partner}>
                <td className="numeric">{p.rank}</td>
                <th scope="row" className="partner-name">
                  {countries.name(p.partner)} <span className="codes">{p.partner}</span>
                </th>
                <td className="numeric" title={text.exactMoney(p.value)}>
                  {text.money(p.value)}
                </td>
                <td className="numeric">{text.share(p.sharePercent)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
