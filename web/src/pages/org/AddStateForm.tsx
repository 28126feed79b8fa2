import { useCallback, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { State } from '../../api/types.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { useSubmit } from '../../components/useSubmit.ts';
import { useLocale } from '../../i18n/useLocale.ts';

/** Admin form: add a state to the registry by its ISO code; the server fills in its names. */
export function AddStateForm({ onAdded }: { onAdded: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const id = useId();
  const [iso3, setIso3] = useState('');
  const [added, setAdded] = useState<State | null>(null);

  const action = useCallback(async () => {
    setAdded(null);
    const state = await api.post<State>('/api/org/states', { iso3: iso3.trim().toUpperCase() });
    setIso3('');
    setAdded(state);
    onAdded();
  }, [iso3, onAdded]);
  const { onSubmit, pending, error } = useSubmit(action);

  return (
    <form className="admin-form" onSubmit={onSubmit}>
      <h3>{t('addState.heading')}</h3>
      <div className="form-row">
        <div className="field">
          <label htmlFor={`${id}-iso3`}>{t('addState.iso3')}</label>
          <input
            id={`${id}-iso3`}
            required
            pattern="[A-Za-z]{3}"
            maxLength={3}
            autoCapitalize="characters"
            className="code-input"
            aria-describedby={`${id}-hint`}
            value={iso3}
            onChange={(e) => setIso3(e.target.value)}
          />
        </div>
        <button type="submit" className="button" disabled={pending}>
          {t('addState.submit')}
        </button>
      </div>
      <p className="hint" id={`${id}-hint`}>
        {t('addState.hint')}
      </p>
      <ErrorMessage error={error} />
      {added && (
        <p className="success" role="status">
          {t('addState.added', { name: added.names[locale] })}
        </p>
      )}
    </form>
  );
}
