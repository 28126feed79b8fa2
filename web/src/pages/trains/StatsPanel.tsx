import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { statsPath, type TrainStats } from '../../api/trains.ts';
import { QUALIFIERS, isOneOf } from '../../api/types.ts';
import { useResource } from '../../api/useResource.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { Loading } from '../../components/Loading.tsx';
import { Quote } from '../../components/Quote.tsx';
import { SourceText } from '../../components/SourceText.tsx';
import { textLang } from '../../components/textLang.ts';
import { valueCarriesUnit } from '../../i18n/format.ts';
import { useIndicatorText } from '../../i18n/useIndicatorText.ts';
import { useTrainsText } from './useTrainsText.ts';

function PlatformFigures({ operations }: { operations: TrainStats['operations'] }) {
  const { t } = useTranslation();
  const text = useTrainsText();
  const id = useId();
  const ytd = operations.yearToDate;
  const growth = (percent: number | null) => (percent === null ? t('trains.stats.noRunsBefore') : text.growth(percent));
  return (
    <section className="stats-block platform" aria-labelledby={id} data-testid="trains-stats-platform">
      <h3 id={id}>{t('trains.stats.platformHeading')}</h3>
      <p className="note">{t('trains.stats.platformNote', { year: operations.year, month: operations.throughMonth })}</p>
      <dl className="stats-figures">
        <div>
          <dt>{t('trains.stats.trains')}</dt>
          <dd>{text.integer(ytd.trains)}</dd>
        </div>
        <div>
          <dt>{t('trains.stats.teu')}</dt>
          <dd>{text.integer(ytd.teu)}</dd>
        </div>
        <div>
          <dt>{t('trains.stats.loadFactor')}</dt>
          <dd>{ytd.loadFactor === null ? '—' : text.share(ytd.loadFactor)}</dd>
        </div>
        <div>
          <dt>{t('trains.stats.trainsGrowth')}</dt>
          <dd>{growth(operations.trainsGrowthPercent)}</dd>
        </div>
        <div>
          <dt>{t('trains.stats.teuGrowth')}</dt>
          <dd>{growth(operations.teuGrowthPercent)}</dd>
        </div>
        <div>
          <dt>{t('trains.stats.destinations')}</dt>
          <dd>{text.integer(operations.destinationCountries)}</dd>
        </div>
      </dl>
    </section>
  );
}

function ReportedFigures({ reported }: { reported: TrainStats['reported'] }) {
  const { t } = useTranslation();
  const indicator = useIndicatorText();
  const id = useId();
  return (
    <section className="stats-block reported" aria-labelledby={id} data-testid="trains-stats-reported">
      <h3 id={id}>{t('trains.stats.reportedHeading')}</h3>
      <p className="note">{t('trains.stats.reportedNote')}</p>
      {reported.length === 0 ? (
        <p className="muted">{t('trains.stats.noReported')}</p>
      ) : (
        <ul className="reported-list">
          {reported.map((figure) => (
            <li key={figure.key}>
              <span className="reported-metric">{indicator.metricName(figure.metric)}</span>
              <strong className="reported-value">
                {indicator.quantity({ value: figure.value, unit: figure.unit, qualifier: isOneOf(QUALIFIERS, figure.qualifier) ? figure.qualifier : 'exact' })}
                {!valueCarriesUnit(figure.unit) && ` ${indicator.unitName(figure.unit)}`}
              </strong>
              <span className="reported-period">
                {indicator.period(figure.period)} · <span lang={textLang(figure.subject)}>{figure.subject}</span>
              </span>
              <span className="reported-source">
                {t('common.source')}: <SourceText source={figure.source} />
              </span>
              <Quote quote={figure.quote} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The platform's own operational figures for the year to date, with the officially reported ones beside, apart. */
export function StatsPanel() {
  const { t } = useTranslation();
  const headingId = useId();
  const { data, error } = useResource<TrainStats>(statsPath);
  return (
    <section className="panel" aria-labelledby={headingId} data-testid="trains-stats">
      <h2 id={headingId}>{t('trains.stats.heading')}</h2>
      <ErrorMessage error={error} />
      {!data && !error && <Loading />}
      {data && (
        <div className="stats-grid">
          <PlatformFigures operations={data.operations} />
          <ReportedFigures reported={data.reported} />
        </div>
      )}
    </section>
  );
}
