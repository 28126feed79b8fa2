import { useTranslation } from 'react-i18next';
import type { DatasetRef } from '../../api/trade.ts';
import { SyntheticBadge } from './SyntheticBadge.tsx';

/** Which dataset answered, with a warning when it is synthetic. */
export function DatasetNote({ dataset }: { dataset: DatasetRef | undefined }) {
  const { t } = useTranslation();
  if (!dataset) return null;
  return (
    <p className="note dataset-note" data-testid="trade-dataset-note">
      {t('trade.answeredFrom', { name: dataset.name, release: dataset.release })} {dataset.synthetic && <SyntheticBadge />}
    </p>
  );
}
