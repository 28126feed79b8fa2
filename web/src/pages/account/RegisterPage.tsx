import { useCallback, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { KINDS_BY_ROLE, type OrganisationKind, type StatesResponse } from '../../api/types.ts';
import { useResource } from '../../api/useResource.ts';
import { useAuth } from '../../auth/AuthContext.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { useSubmit } from '../../components/useSubmit.ts';
import { useLocale } from '../../i18n/useLocale.ts';

type RegisteringRole = keyof typeof KINDS_BY_ROLE;
const MIN_PASSWORD = 10;

export function RegisterPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { register } = useAuth();
  const navigate = useNavigate();
  const id = useId();
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<RegisteringRole>('member');
  const [organisation, setOrganisation] = useState('');
  const [kind, setKind] = useState<OrganisationKind>('enterprise');
  const [country, setCountry] = useState('');
  const states = useResource<StatesResponse>('/api/org/states');
  const collator = new Intl.Collator(locale);
  const countries = [...(states.data?.states ?? [])].sort((a, b) => collator.compare(a.names[locale], b.names[locale]));
  useDocumentTitle(t('register.title'));

  const chooseRole = (next: RegisteringRole) => {
    setRole(next);
    setKind(KINDS_BY_ROLE[next][0]);
  };

  const action = useCallback(async () => {
    const code = country.trim().toUpperCase();
    await register({
      email: email.trim(),
      password,
      displayName: displayName.trim(),
      role,
      organisation: { name: organisation.trim(), kind, ...(code ? { country: code } : {}) },
    });
    await navigate('/', { replace: true });
  }, [register, email, password, displayName, role, organisation, kind, country, navigate]);
  const { onSubmit, pending, error } = useSubmit(action);

  return (
    <section className="account-page">
      <h1>{t('register.title')}</h1>
      <form className="account-form" onSubmit={onSubmit}>
        <div className="field">
          <label htmlFor={`${id}-name`}>{t('account.displayName')}</label>
          <input
            id={`${id}-name`}
            autoComplete="name"
            required
            maxLength={120}
            value={displayName}
            onChange={(e) => setDisplayName(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-email`}>{t('account.email')}</label>
          <input id={`${id}-email`} type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-password`}>{t('account.password')}</label>
          <input
            id={`${id}-password`}
            type="password"
            autoComplete="new-password"
            required
            minLength={MIN_PASSWORD}
            aria-describedby={`${id}-password-hint`}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
          <p className="hint" id={`${id}-password-hint`}>
            {t('register.passwordHint', { min: MIN_PASSWORD })}
          </p>
        </div>
        <fieldset className="field">
          <legend>{t('register.role')}</legend>
          {(['member', 'provider'] as const).map((r) => (
            <label key={r} className="choice block">
              <input type="radio" name={`${id}-role`} value={r} checked={role === r} onChange={() => chooseRole(r)} />
              <span>
                <strong>{t(`role.${r}`)}</strong>
                <span className="hint">{t(`register.roleHint.${r}`)}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor={`${id}-org`}>{t('register.organisationName')}</label>
          <input
            id={`${id}-org`}
            autoComplete="organization"
            required
            maxLength={200}
            value={organisation}
            onChange={(e) => setOrganisation(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-kind`}>{t('register.kind')}</label>
          <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value as OrganisationKind)}>
            {KINDS_BY_ROLE[role].map((k) => (
              <option key={k} value={k}>
                {t(`kind.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-country`}>{t('register.country')}</label>
          <input
            id={`${id}-country`}
            list={`${id}-countries`}
            pattern="[A-Za-z]{3}"
            maxLength={3}
            autoCapitalize="characters"
            className="code-input"
            aria-describedby={`${id}-country-hint`}
            value={country}
            onChange={(e) => setCountry(e.target.value)}
          />
          <datalist id={`${id}-countries`}>
            {countries.map((state) => (
              <option key={state.iso3} value={state.iso3}>
                {state.names[locale]}
              </option>
            ))}
          </datalist>
          <p className="hint" id={`${id}-country-hint`}>
            {t('register.countryHint')}
          </p>
        </div>
        <ErrorMessage error={error} />
        <button type="submit" className="button primary" disabled={pending}>
          {t('register.submit')}
        </button>
      </form>
      <p>
        {t('register.haveAccount')} <Link to="/login">{t('nav.login')}</Link>
      </p>
    </section>
  );
}
