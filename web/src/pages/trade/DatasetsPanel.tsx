import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deleteDataset, type TradeDataset } from '../../api/trade.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { formatDate, formatNumber } from '../../i18n/format.ts';
import { useLocale } from '../../i18n/useLocale.ts';
import { SyntheticBadge } from './SyntheticBadge.tsx';

interface Props {
  datasets: readonly TradeDataset[];
  isAdmin: boolean;
  onChanged: () => void;
}

/** Every imported dataset with its release and coverage; administrators may delete one. */
export function DatasetsPanel({ datasets, isAdmin, onChanged }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const id = useId();
  const [pending, setPending] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  const remove = (dataset: TradeDataset) => {
    if (!window.confirm(t('trade.datasets.confirmDelete', { name: dataset.name, release: dataset.release }))) return;
    setPending(dataset.id);
    setError(null);
    deleteDataset(dataset.id)
      .then(onChanged)
      .catch((reason: unknown) => setError(reason))
      .finally(() => setPending(null));
  };

  return (
    <section className="panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('trade.datasets.heading')}</h2>
      <ErrorMessage error={error} />
      {datasets.length === 0 ? (
        <p className="muted">{t('trade.datasets.none')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table" data-testid="trade-datasets-table">
            <thead>
              <tr>
                <th scope="col">{t('trade.datasets.name')}</th>
                <th scope="col">{t('trade.datasets.release')}</th>
                <th scope="col">{t('trade.datasets.layout')}</th>
                <th scope="col">{t('trade.datasets.years')}</th>
                <th scope="col" className="numeric">
                  {t('trade.datasets.records')}
                </th>
                <th scope="col">{t('trade.datasets.source')}</th>
                <th scope="col">{t('trade.datasets.importedAt')}</th>
                {isAdmin && (
                  <th scope="col">
                    <span className="visually-hidden">{t('trade.datasets.delete')}</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {datasets.map((dataset) => (
                <tr key={dataset.id}>
                  <th scope="row">
                    {dataset.name} {dataset.synthetic && <SyntheticBadge />}
                  </th>
                  <td>{dataset.release}</td>
                  <td className="codes">{dataset.layout}</td>
                  <td>{dataset.firstYear === null ? '—' : dataset.firstYear === dataset.lastYear ? dataset.firstYear : `${dataset.firstYear}–${dataset.lastYear}`}</td>
                  <td className="numeric">{formatNumber(dataset.records, locale)}</td>
                  <td className="codes">{dataset.sourceFile}</td>
                  <td>{formatDate(dataset.importedAt.slice(0, 10), locale)}</td>
                  {isAdmin && (
                    <td>
                      <button type="button" className="link-button" disabled={pending !== null} onClick={() => remove(dataset)}>
                        {t('trade.datasets.delete')}
                        <span className="visually-hidden"> {dataset.name}</span>
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
