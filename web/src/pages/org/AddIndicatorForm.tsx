import { useCallback, useId, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { METRICS, QUALIFIERS, UNITS, type Indicator, type NewIndicator, type Qualifier } from '../../api/types.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { useSubmit } from '../../components/useSubmit.ts';
import { useIndicatorText } from '../../i18n/useIndicatorText.ts';

type Draft = Record<Exclude<keyof NewIndicator, 'qualifier'>, string> & { qualifier: Qualifier };

const EMPTY: Draft = {
  key: '',
  subject: '',
  metric: 'trade_value',
  reporter: '',
  partner: '',
  period: '',
  value: '',
  unit: 'USD',
  qualifier: 'exact',
  basePeriod: '',
  source: '',
  quote: '',
};

const blankToNull = (text: string) => (text.trim() === '' ? null : text.trim());

/** Admin form: record a figure exactly as a source publishes it, with the quote that states it. */
export function AddIndicatorForm({ onAdded }: { onAdded: () => void }) {
  const { t } = useTranslation();
  const text = useIndicatorText();
  const id = useId();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [saved, setSaved] = useState(false);

  const bind = (field: keyof Draft) => ({
    id: `${id}-${field}`,
    value: draft[field],
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) =>
      setDraft((current) => ({ ...current, [field]: event.target.value })),
  });

  const action = useCallback(async () => {
    setSaved(false);
    const body: NewIndicator = {
      ...draft,
      key: draft.key.trim(),
      subject: draft.subject.trim(),
      reporter: blankToNull(draft.reporter.toUpperCase()),
      partner: blankToNull(draft.partner.toUpperCase()),
      period: draft.period.trim(),
      value: draft.value.trim(),
      basePeriod: blankToNull(draft.basePeriod),
      source: draft.source.trim(),
      quote: draft.quote.trim(),
    };
    await api.post<Indicator>('/api/org/indicators', body);
    setDraft(EMPTY);
    setSaved(true);
    onAdded();
  }, [draft, onAdded]);
  const { onSubmit, pending, error } = useSubmit(action);

  return (
    <form className="admin-form" onSubmit={onSubmit}>
      <h3>{t('addIndicator.heading')}</h3>
      <div className="form-grid">
        <div className="field">
          <label htmlFor={`${id}-key`}>{t('addIndicator.key')}</label>
          <input {...bind('key')} required pattern="[a-z0-9][a-z0-9.\-]*" maxLength={120} aria-describedby={`${id}-key-hint`} />
          <p className="hint" id={`${id}-key-hint`}>
            {t('addIndicator.keyHint')}
          </p>
        </div>
        <div className="field wide">
          <label htmlFor={`${id}-subject`}>{t('indicator.subject')}</label>
          <input {...bind('subject')} required maxLength={300} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-metric`}>{t('indicator.metric')}</label>
          <select {...bind('metric')}>
            {METRICS.map((m) => (
              <option key={m} value={m}>
                {text.metricName(m)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-reporter`}>{t('addIndicator.reporter')}</label>
          <input {...bind('reporter')} pattern="[A-Za-z][A-Za-z0-9_]{1,40}" aria-describedby={`${id}-party-hint`} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-partner`}>{t('addIndicator.partner')}</label>
          <input {...bind('partner')} pattern="[A-Za-z][A-Za-z0-9_]{1,40}" aria-describedby={`${id}-party-hint`} />
        </div>
        <p className="hint wide" id={`${id}-party-hint`}>
          {t('addIndicator.partyHint')}
        </p>
        <div className="field">
          <label htmlFor={`${id}-period`}>{t('indicator.period')}</label>
          <input {...bind('period')} required maxLength={21} aria-describedby={`${id}-period-hint`} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-basePeriod`}>{t('addIndicator.basePeriod')}</label>
          <input {...bind('basePeriod')} maxLength={21} aria-describedby={`${id}-period-hint`} />
        </div>
        <p className="hint wide" id={`${id}-period-hint`}>
          {t('addIndicator.periodHint')}
        </p>
        <div className="field">
          <label htmlFor={`${id}-value`}>{t('indicator.value')}</label>
          <input {...bind('value')} required inputMode="decimal" pattern="-?\d+(\.\d+)?" aria-describedby={`${id}-value-hint`} />
          <p className="hint" id={`${id}-value-hint`}>
            {t('addIndicator.valueHint')}
          </p>
        </div>
        <div className="field">
          <label htmlFor={`${id}-unit`}>{t('indicator.unit')}</label>
          <select {...bind('unit')}>
            {UNITS.map((u) => (
              <option key={u} value={u}>
                {text.unitName(u)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-qualifier`}>{t('indicator.qualifier')}</label>
          <select {...bind('qualifier')}>
            {QUALIFIERS.map((q) => (
              <option key={q} value={q}>
                {t(`qualifier.${q}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field wide">
          <label htmlFor={`${id}-source`}>{t('common.source')}</label>
          <input {...bind('source')} required maxLength={1000} aria-describedby={`${id}-source-hint`} />
          <p className="hint" id={`${id}-source-hint`}>
            {t('admin.sourceHint')}
          </p>
        </div>
        <div className="field wide">
          <label htmlFor={`${id}-quote`}>{t('indicator.quote')}</label>
          <textarea {...bind('quote')} rows={3} maxLength={4000} />
        </div>
      </div>
      <ErrorMessage error={error} />
      {saved && (
        <p className="success" role="status">
          {t('admin.saved')}
        </p>
      )}
      <button type="submit" className="button" disabled={pending}>
        {t('addIndicator.submit')}
      </button>
    </form>
  );
}
