import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth/AuthContext.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { LOCALES, NATIVE_NAMES, isLocale } from './locales.ts';
import { useLocale } from './useLocale.ts';

export function LanguageSwitcher() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { changeLocale } = useAuth();
  const id = useId();
  const [error, setError] = useState<unknown>(null);

  return (
    <div className="language-switcher">
      <label htmlFor={id} className="visually-hidden">
        {t('nav.language')}
      </label>
      <select
        id={id}
        data-testid="language-switcher"
        value={locale}
        onChange={(event) => {
          const next = event.target.value;
          if (!isLocale(next)) return;
          setError(null);
          changeLocale(next).catch((reason: unknown) => setError(reason));
        }}
      >
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {NATIVE_NAMES[l]}
          </option>
        ))}
      </select>
      <ErrorMessage error={error} />
    </div>
  );
}
