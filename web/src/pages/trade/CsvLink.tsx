import { useTranslation } from 'react-i18next';
import { csvPath, type TradeQuery } from '../../api/trade.ts';

/** Downloads the same answer as the table beside it, as CSV. */
export function CsvLink({ endpoint, query, what }: { endpoint: string; query: TradeQuery; what: string }) {
  const { t } = useTranslation();
  return (
    <a className="button small secondary csv-link" href={csvPath(endpoint, query)} download aria-label={t('trade.csvLabel', { what })}>
      {t('trade.csv')}
    </a>
  );
}
