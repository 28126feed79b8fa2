import { Suspense, lazy } from 'react';
import { useTranslation } from 'react-i18next';
import { withQuery } from '../../api/client.ts';
import type { Overview, StatesResponse } from '../../api/types.ts';
import { useResource } from '../../api/useResource.ts';
import { AsOfControl } from '../../components/AsOfControl.tsx';
import { useAsOf } from '../../components/asOf.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { formatDate } from '../../i18n/format.ts';
import { useLocale } from '../../i18n/useLocale.ts';
import { FoundingCard } from './FoundingCard.tsx';
import { HeadlineFigures } from './HeadlineFigures.tsx';
import { StatusLegend } from './StatusLegend.tsx';

// ECharts is the largest dependency; load it in its own chunk.
const WorldMap = lazy(() => import('../../map/WorldMap.tsx'));

export function HomePage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const [asOf, setAsOf] = useAsOf();
  const overview = useResource<Overview>(withQuery('/api/org/overview', { asOf }));
  const states = useResource<StatesResponse>(withQuery('/api/org/states', { asOf }));
  useDocumentTitle(t('home.title'));

  return (
    <>
      <div className="page-heading">
        <h1>{t('home.title')}</h1>
        <p className="lead">{t('home.intro')}</p>
      </div>

      <section className="panel" aria-labelledby="map-heading">
        <div className="panel-heading">
          <h2 id="map-heading">{t('home.mapHeading', { date: formatDate(asOf, locale) })}</h2>
          <AsOfControl asOf={asOf} onChange={setAsOf} />
        </div>
        <ErrorMessage error={states.error ?? overview.error} />
        <div className="map-frame">
          {states.data ? (
            <Suspense fallback={<Loading />}>
              <WorldMap states={states.data.states} label={t('map.label', { date: formatDate(asOf, locale) })} />
            </Suspense>
          ) : (
            states.loading && <Loading />
          )}
        </div>
        {states.data && <StatusLegend states={states.data.states} counts={overview.data?.counts} />}
      </section>

      {overview.loading && !overview.data && <Loading />}
      {overview.data && (
        <div className="facts">
          <FoundingCard founded={overview.data.founded} />
          <HeadlineFigures headline={overview.data.headline} />
        </div>
      )}
    </>
  );
}
