import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProductMix } from '../../api/trade.ts';
import { escapeHtml, useChart, type ChartOption } from './useChart.ts';
import { useTradeText } from './useTradeText.ts';

// Okabe–Ito colours, as on the home map, then two neutral greys for the remainder.
const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#4a5666', '#8a94a3', '#b8c1cc'];
const OTHER_COLOUR = '#c7ced8';

/** The largest products as a treemap, the rest in one OTHER tile, and the same mix as a table. */
export function ProductsView({ mix, caption }: { mix: ProductMix; caption: string }) {
  const { t } = useTranslation();
  const text = useTradeText();
  const products = mix.products;
  const nameOf = (code: string) => (code === 'OTHER' ? t('trade.products.other') : t('trade.products.hs', { code }));

  const option = useMemo<ChartOption>(() => {
    const label = (code: string) => (code === 'OTHER' ? t('trade.products.other') : t('trade.products.hs', { code }));
    return {
      tooltip: {
        formatter: (params: { dataIndex: number; data?: { code?: string } }) => {
          const product = products.find((p) => p.product === params.data?.code);
          if (!product) return '';
          return `<strong>${escapeHtml(label(product.product))}</strong><br/>${escapeHtml(text.money(product.value))} · ${escapeHtml(text.share(product.sharePercent))}`;
        },
      },
      series: [
        {
          type: 'treemap',
          roam: false,
          nodeClick: false,
          breadcrumb: { show: false },
          width: '100%',
          height: '100%',
          top: 0,
          left: 0,
          label: { show: true, formatter: '{b}', fontSize: 13 },
          itemStyle: { borderColor: '#ffffff', borderWidth: 2, gapWidth: 2 },
          data: products.map((p, i) => ({
            name: label(p.product),
            code: p.product,
            value: Number(p.value),
            itemStyle: { color: p.product === 'OTHER' ? OTHER_COLOUR : PALETTE[i % PALETTE.length] },
          })),
        },
      ],
    };
  }, [products, text, t]);
  const container = useChart(option);

  return (
    <div className="products-view">
      <div ref={container} className="trade-chart treemap" data-testid="trade-products-chart" role="img" aria-label={caption} />
      <div className="table-scroll">
        <table className="data-table compact" data-testid="trade-products-table">
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('trade.products.product')}</th>
              <th scope="col" className="numeric">
                {t('trade.products.value')}
              </th>
              <th scope="col" className="numeric">
                {t('trade.products.share')}
              </th>
            </tr>
          </thead>
          <tbody>
            {products.map((p) => (
              <tr key={p.product}>
                <th scope="row">{nameOf(p.product)}</th>
                <td className="numeric" title={text.exactMoney(p.value)}>
                  {text.money(p.value)}
                </td>
                <td className="numeric">{text.share(p.sharePercent)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <td colSpan={3}>{t('trade.products.total', { value: text.money(mix.total) })}</td>
            </tr>
          </tfoot>
        </table>
      </div>
    </div>
  );
}
