import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { withQuery } from '../../api/client.ts';
import { METRICS, type StatesResponse, type Indicator } from '../../api/types.ts';
import { useResource } from '../../api/useResource.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useIndicatorText } from '../../i18n/useIndicatorText.ts';
import { useLocale } from '../../i18n/useLocale.ts';
import { AddIndicatorForm } from './AddIndicatorForm.tsx';
import { IndicatorTable } from './IndicatorTable.tsx';

/** The figures published about the SCO, each with the words of its source. */
export function IndicatorSection({ isAdmin }: { isAdmin: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const text = useIndicatorText();
  const metricId = useId();
  const [metric, setMetric] = useState('');
  const indicators = useResource<{ indicators: Indicator[] }>(withQuery('/api/org/indicators', { metric }));
  const states = useResource<StatesResponse>('/api/org/states');
  const names = new Map((states.data?.states ?? []).map((state) => [state.iso3, state.names[locale]]));
  const partyName = (code: string) => text.groupName(code) ?? names.get(code) ?? code;

  return (
    <section className="panel" aria-labelledby="indicators-heading">
      <div className="panel-heading">
        <h2 id="indicators-heading">{t('indicator.heading')}</h2>
        <div className="field inline">
          <label htmlFor={metricId}>{t('indicator.metric')}</label>
          <select id={metricId} value={metric} onChange={(e) => setMetric(e.target.value)}>
            <option value="">{t('indicator.allMetrics')}</option>
            {METRICS.map((m) => (
              <option key={m} value={m}>
                {text.metricName(m)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p className="note">{t('indicator.intro')}</p>
      <ErrorMessage error={indicators.error} />
      {indicators.loading && !indicators.data && <Loading />}
      {indicators.data && <IndicatorTable indicators={indicators.data.indicators} partyName={partyName} />}
      {isAdmin && (
        <AddIndicatorForm
          onAdded={() => {
            indicators.reload();
            // The figure may name a state added since the names were fetched.
            states.reload();
          }}
        />
      )}
    </section>
  );
}
