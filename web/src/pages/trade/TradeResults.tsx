import { useId, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { tradePath, type PartnerRanking, type ProductMix, type TradeQuery, type TradeSeries, type TradeSummary } from '../../api/trade.ts';
import type { Resource } from '../../api/useResource.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { Loading } from '../../components/Loading.tsx';
import { CsvLink } from './CsvLink.tsx';
import { DatasetNote } from './DatasetNote.tsx';
import { PartnerMap } from './PartnerMap.tsx';
import { PartnerRankingView } from './PartnerRankingView.tsx';
import { ProductsView } from './ProductsView.tsx';
import { SeriesChart } from './SeriesChart.tsx';
import { SummaryCards } from './SummaryCards.tsx';
import type { Countries } from './useCountries.ts';
import { periodOf, type TradeSelection } from './useTradeQuery.ts';
import { useTradeResource } from './useTradeResource.ts';
import { useTradeText } from './useTradeText.ts';

// Every partner, for the map; the chart and table show the top of the same list.
const PARTNER_LIMIT = '500';
const TOP_PRODUCTS = '10';

interface PanelProps<T> {
  title: string;
  resource: Resource<T>;
  csv?: { endpoint: string; query: TradeQuery; what: string };
  className?: string;
  /** False when another panel already reports this resource's error. */
  showError?: boolean;
  children: (data: T) => ReactNode;
}

/** A titled panel that shows its resource's loading state, error or content, with an optional CSV link. */
function Panel<T>({ title, resource, csv, className, showError = true, children }: PanelProps<T>) {
  const id = useId();
  return (
    <section className={`panel ${className ?? ''}`} aria-labelledby={id}>
      <div className="panel-heading">
        <h2 id={id}>{title}</h2>
        {csv && resource.data !== undefined && <CsvLink {...csv} />}
      </div>
      {showError && <ErrorMessage error={resource.error} />}
      {resource.loading && resource.data === undefined && <Loading />}
      {resource.data !== undefined && !resource.error && children(resource.data)}
    </section>
  );
}

interface Props {
  selection: TradeSelection & { year: number };
  countries: Countries;
}

export function TradeResults({ selection, countries }: Props) {
  const { t } = useTranslation();
  const text = useTradeText();
  const { reporter, partners, flow, level, dataset, base, year, months } = selection;
  const period = periodOf(year, months);

  const queries = useMemo(() => {
    const common = { reporter, flow, dataset };
    return {
      summary: { ...common, partners, period, base: base === null ? null : periodOf(base, months) },
      series: { ...common, partners, frequency: 'annual' },
      partners: { ...common, period, limit: PARTNER_LIMIT },
      products: { ...common, partners, period, level: String(level), top: TOP_PRODUCTS },
    } satisfies Record<string, TradeQuery>;
  }, [reporter, partners, flow, level, dataset, base, period, months]);

  const summary = useTradeResource<TradeSummary>(tradePath('summary', queries.summary));
  const series = useTradeResource<TradeSeries>(tradePath('series', queries.series));
  const ranking = useTradeResource<PartnerRanking>(tradePath('partners', queries.partners));
  const products = useTradeResource<ProductMix>(tradePath('products', queries.products));

  const flowNoun = t(`trade.flowNoun.${flow}`);
  const what = t('trade.what', { reporter: countries.name(reporter), partners: countries.partnersName(partners), flow: flowNoun });
  const whatReporter = t('trade.whatReporter', { reporter: countries.name(reporter), flow: flowNoun });
  const periodText = text.period(period);

  return (
    <>
      <DatasetNote dataset={summary.data?.dataset ?? ranking.data?.dataset} />
      <ErrorMessage error={summary.error} />
      {summary.loading && !summary.data && <Loading />}
      {summary.data && !summary.error && <SummaryCards summary={summary.data} selection={selection} countries={countries} what={what} />}

      <div className="trade-grid">
        <Panel title={t('trade.series.heading')} resource={series} csv={{ endpoint: 'series', query: queries.series, what: `${t('trade.series.heading')}: ${what}` }}>
          {(data) => (data.points.length > 0 ? <SeriesChart series={data} what={what} /> : <p className="muted">{t('trade.series.empty')}</p>)}
        </Panel>
        <Panel
          title={t('trade.products.heading', { period: periodText })}
          resource={products}
          csv={{ endpoint: 'products', query: queries.products, what: t('trade.products.caption', { what, period: periodText }) }}
        >
          {(data) =>
            data.products.length > 0 ? (
              <ProductsView mix={data} caption={t('trade.products.caption', { what, period: periodText })} />
            ) : (
              <p className="muted">{t('trade.products.empty')}</p>
            )
          }
        </Panel>
      </div>

      <div className="trade-grid">
        <Panel
          title={t('trade.partners.heading', { period: periodText })}
          resource={ranking}
          csv={{ endpoint: 'partners', query: queries.partners, what: t('trade.partners.caption', { what: whatReporter, period: periodText }) }}
        >
          {(data) =>
            data.partners.length > 0 ? (
              <>
                <p className="note">{t('trade.partners.intro')}</p>
                <p className="world-total">{t('trade.partners.world', { value: text.moneyFigure(data.world) })}</p>
                <PartnerRankingView partners={data.partners} countries={countries} caption={t('trade.partners.caption', { what: whatReporter, period: periodText })} />
              </>
            ) : (
              <p className="muted">{t('trade.partners.empty')}</p>
            )
          }
        </Panel>
        <Panel title={t('trade.map.heading', { period: periodText })} resource={ranking} showError={false}>
          {(data) => (
            <PartnerMap reporter={reporter} partners={data.partners} countries={countries} label={t('trade.map.label', { what: whatReporter, period: periodText })} />
          )}
        </Panel>
      </div>
    </>
  );
}
