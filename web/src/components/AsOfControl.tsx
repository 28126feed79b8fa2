import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, todayIso } from '../i18n/format.ts';
import { useLocale } from '../i18n/useLocale.ts';
import { SEED_REPORT_DATE } from './asOf.ts';

interface Props {
  asOf: string;
  onChange: (date: string | null) => void;
}

export function AsOfControl({ asOf, onChange }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const id = useId();
  const today = todayIso();
  return (
    <div className="as-of">
      <label htmlFor={id}>{t('asOf.label')}</label>
      <input id={id} type="date" value={asOf} required onChange={(event) => onChange(event.target.value || null)} />
      <button type="button" className="link-button" onClick={() => onChange(null)} disabled={asOf === today}>
        {t('asOf.today')}
      </button>
      <button
        type="button"
        className="link-button"
        onClick={() => onChange(SEED_REPORT_DATE)}
        disabled={asOf === SEED_REPORT_DATE}
      >
        {t('asOf.seedReport', { date: formatDate(SEED_REPORT_DATE, locale) })}
      </button>
    </div>
  );
}
