import { useCallback, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { STATUSES, type DatePrecision, type State, type Status, type StatusEntry } from '../../api/types.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { useSubmit } from '../../components/useSubmit.ts';

interface Props {
  state: State;
  /** The state's name in the current language. */
  name: string;
  onAdded: () => void;
}

/** Admin form: record a change of status with the date at the precision the source gives, and the source. */
export function AddStatusForm({ state, name, onAdded }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [status, setStatus] = useState<Status>('partner');
  const [precision, setPrecision] = useState<DatePrecision>('day');
  const [date, setDate] = useState('');
  const [year, setYear] = useState('');
  const [event, setEvent] = useState('');
  const [source, setSource] = useState('');
  const [saved, setSaved] = useState(false);

  const action = useCallback(async () => {
    setSaved(false);
    const since = precision === 'day' ? date : precision === 'year' ? year : null;
    await api.post<StatusEntry>(`/api/org/states/${encodeURIComponent(state.iso3)}/statuses`, { status, since, event, source });
    setEvent('');
    setSource('');
    setSaved(true);
    onAdded();
  }, [state.iso3, status, precision, date, year, event, source, onAdded]);
  const { onSubmit, pending, error } = useSubmit(action);

  return (
    <form className="admin-form" onSubmit={onSubmit}>
      <h3>{t('addStatus.heading', { name })}</h3>
      <div className="form-grid">
        <div className="field">
          <label htmlFor={`${id}-status`}>{t('history.status')}</label>
          <select id={`${id}-status`} value={status} onChange={(e) => setStatus(e.target.value as Status)}>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="field">
          <legend>{t('addStatus.precision')}</legend>
          {(['day', 'year', 'unknown'] as const).map((p) => (
            <label key={p} className="choice">
              <input type="radio" name={`${id}-precision`} value={p} checked={precision === p} onChange={() => setPrecision(p)} />
              {t(`addStatus.precisionOption.${p}`)}
            </label>
          ))}
        </fieldset>
        {precision === 'day' && (
          <div className="field">
            <label htmlFor={`${id}-date`}>{t('history.date')}</label>
            <input id={`${id}-date`} type="date" required value={date} onChange={(e) => setDate(e.target.value)} />
          </div>
        )}
        {precision === 'year' && (
          <div className="field">
            <label htmlFor={`${id}-year`}>{t('addStatus.year')}</label>
            <input
              id={`${id}-year`}
              inputMode="numeric"
              pattern="\d{4}"
              required
              value={year}
              onChange={(e) => setYear(e.target.value.trim())}
            />
          </div>
        )}
        <div className="field wide">
          <label htmlFor={`${id}-event`}>{t('history.event')}</label>
          <input id={`${id}-event`} required maxLength={500} value={event} onChange={(e) => setEvent(e.target.value)} />
        </div>
        <div className="field wide">
          <label htmlFor={`${id}-source`}>{t('common.source')}</label>
          <input
            id={`${id}-source`}
            required
            maxLength={1000}
            value={source}
            aria-describedby={`${id}-source-hint`}
            onChange={(e) => setSource(e.target.value)}
          />
          <p className="hint" id={`${id}-source-hint`}>
            {t('admin.sourceHint')}
          </p>
        </div>
      </div>
      <ErrorMessage error={error} />
      {saved && (
        <p className="success" role="status">
          {t('admin.saved')}
        </p>
      )}
      <button type="submit" className="button" disabled={pending}>
        {t('addStatus.submit')}
      </button>
    </form>
  );
}
