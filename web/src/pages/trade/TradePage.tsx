import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TradeDataset } from '../../api/trade.ts';
import type { StatesResponse } from '../../api/types.ts';
import { useResource } from '../../api/useResource.ts';
import { useAuth } from '../../auth/AuthContext.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { ClaimsPanel } from './ClaimsPanel.tsx';
import { DatasetsPanel } from './DatasetsPanel.tsx';
import { TradeControls } from './TradeControls.tsx';
import { TradeResults } from './TradeResults.tsx';
import { UploadPanel } from './UploadPanel.tsx';
import { useCountries } from './useCountries.ts';
import { useTradeSelection } from './useTradeQuery.ts';

/** Every year some dataset covers, latest first. */
function yearsOf(datasets: readonly TradeDataset[]): number[] {
  const years = new Set<number>();
  for (const { firstYear, lastYear } of datasets) {
    if (firstYear === null || lastYear === null) continue;
    for (let year = firstYear; year <= lastYear; year++) years.add(year);
  }
  return [...years].sort((a, b) => b - a);
}

/** Trade of SCO states: figures, charts and a map from imported statistics, published claims checked, and uploads. */
export default function TradePage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const canImport = user?.role === 'admin' || user?.role === 'member';
  const states = useResource<StatesResponse>('/api/org/states');
  const datasets = useResource<{ datasets: TradeDataset[] }>('/api/trade/datasets');
  const list = useMemo(() => datasets.data?.datasets ?? [], [datasets.data]);
  const years = useMemo(() => yearsOf(list), [list]);
  const [selection, update] = useTradeSelection(years[0] ?? null);
  const countries = useCountries(states.data?.states);
  // Bumped after an import or deletion, so every figure on the page is fetched again.
  const [generation, setGeneration] = useState(0);
  const reloadDatasets = datasets.reload;
  const refresh = useCallback(() => {
    reloadDatasets();
    setGeneration((n) => n + 1);
  }, [reloadDatasets]);
  useDocumentTitle(t('trade.title'));

  const year = selection.year;
  const noData = datasets.data !== undefined && list.length === 0;

  return (
    <>
      <div className="page-heading">
        <h1>{t('trade.title')}</h1>
        <p className="lead">{t('trade.intro')}</p>
      </div>

      <section className="panel controls-panel">
        <TradeControls selection={selection} onChange={update} states={states.data?.states ?? []} datasets={list} years={years} />
        <ErrorMessage error={datasets.error ?? states.error} />
      </section>

      {datasets.loading && !datasets.data && <Loading />}
      {noData && (
        <p className="note empty-state" data-testid="trade-no-data">
          {t('trade.noData')} {canImport ? <a href="#trade-upload">{t('trade.noDataMember')}</a> : t('trade.noDataVisitor')}
        </p>
      )}
      {!noData && year !== null && <TradeResults key={generation} selection={{ ...selection, year }} countries={countries} />}

      <ClaimsPanel key={`claims-${generation}`} dataset={selection.dataset} countries={countries} />

      {canImport ? <UploadPanel onImported={refresh} /> : <p className="note">{t('trade.upload.signIn')}</p>}
      {datasets.data && <DatasetsPanel datasets={list} isAdmin={user?.role === 'admin'} onChanged={refresh} />}
    </>
  );
}
