import { useTranslation } from 'react-i18next';

/** Marks figures from generated data, so they are never read as official statistics. */
export function SyntheticBadge() {
  const { t } = useTranslation();
  return <span className="synthetic-badge">{t('trade.synthetic')}</span>;
}
