import { useTranslation } from 'react-i18next';
import type { Indicator } from '../../api/types.ts';
import { Quote } from '../../components/Quote.tsx';
import { SourceText } from '../../components/SourceText.tsx';
import { useIndicatorText } from '../../i18n/useIndicatorText.ts';

const CARDS = [
  { metric: 'area', share: 'area_share' },
  { metric: 'population', share: 'population_share' },
  { metric: 'gdp', share: 'gdp_share' },
] as const;

/** Area, population and GDP as published, each with its share, period, source and quote. */
export function HeadlineFigures({ headline }: { headline: Indicator[] }) {
  const { t } = useTranslation();
  const text = useIndicatorText();
  const find = (metric: string) => headline.find((indicator) => indicator.metric === metric);
  const memberStates = find('member_states');

  return (
    <section className="headline" aria-labelledby="figures-heading">
      <h2 id="figures-heading">{t('home.figuresHeading')}</h2>
      {memberStates && (
        <p className="note">
          {t('home.figuresBasis', { count: text.value(memberStates), period: text.period(memberStates.period) })}{' '}
          {t('common.source')}: <SourceText source={memberStates.source} />
        </p>
      )}
      <div className="cards">
        {CARDS.map(({ metric, share }) => {
          const figure = find(metric);
          const shareFigure = find(share);
          if (!figure) return null;
          return (
            <article className="card" key={metric} data-metric={metric}>
              <h3>{text.metricName(metric)}</h3>
              <p className="figure" title={figure.quote}>
                {text.quantity(figure)}
              </p>
              {shareFigure && (
                <p className="share" title={shareFigure.quote}>
                  {t(`share.${share}`, { value: text.quantity(shareFigure) })}
                </p>
              )}
              <dl className="meta">
                <dt>{t('indicator.period')}</dt>
                <dd>{text.period(figure.period)}</dd>
                <dt>{t('common.source')}</dt>
                <dd>
                  <SourceText source={figure.source} />
                </dd>
              </dl>
              <Quote quote={[...new Set([figure.quote, shareFigure?.quote ?? ''])].filter(Boolean).join(' … ')} />
            </article>
          );
        })}
      </div>
    </section>
  );
}
