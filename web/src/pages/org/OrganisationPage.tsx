import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { withQuery } from '../../api/client.ts';
import { STATUSES, isOneOf, type StatesResponse } from '../../api/types.ts';
import { useResource } from '../../api/useResource.ts';
import { useAuth } from '../../auth/AuthContext.ts';
import { AsOfControl } from '../../components/AsOfControl.tsx';
import { useAsOf } from '../../components/asOf.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { AddStateForm } from './AddStateForm.tsx';
import { IndicatorSection } from './IndicatorSection.tsx';
import { StateTable } from './StateTable.tsx';

export function OrganisationPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const isAdmin = user?.role === 'admin';
  const [asOf, setAsOf] = useAsOf();
  const [params, setParams] = useSearchParams();
  const rawStatus = params.get('status');
  const status = isOneOf(STATUSES, rawStatus) ? rawStatus : null;
  const states = useResource<StatesResponse>(withQuery('/api/org/states', { asOf, status }));
  const statusId = useId();
  useDocumentTitle(t('org.title'));

  const setStatus = (next: string) => {
    setParams(
      (current) => {
        const updated = new URLSearchParams(current);
        if (next) updated.set('status', next);
        else updated.delete('status');
        return updated;
      },
      { replace: true },
    );
  };

  return (
    <>
      <div className="page-heading">
        <h1>{t('org.title')}</h1>
        <p className="lead">{t('org.intro')}</p>
      </div>

      <section className="panel" aria-labelledby="states-heading">
        <div className="panel-heading">
          <h2 id="states-heading">{t('org.statesHeading')}</h2>
          <div className="filters">
            <div className="field inline">
              <label htmlFor={statusId}>{t('org.statusFilter')}</label>
              <select id={statusId} value={status ?? ''} onChange={(event) => setStatus(event.target.value)}>
                <option value="">{t('org.allStatuses')}</option>
                {STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {t(`status.${s}`)}
                  </option>
                ))}
              </select>
            </div>
            <AsOfControl asOf={asOf} onChange={setAsOf} />
          </div>
        </div>
        <ErrorMessage error={states.error} />
        {states.loading && !states.data && <Loading />}
        {states.data && <StateTable states={states.data.states} isAdmin={isAdmin} onChanged={states.reload} />}
        {isAdmin && <AddStateForm onAdded={states.reload} />}
      </section>

      <IndicatorSection isAdmin={isAdmin} />
    </>
  );
}
