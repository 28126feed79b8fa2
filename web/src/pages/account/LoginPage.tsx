import { useCallback, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { useAuth } from '../../auth/AuthContext.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { useSubmit } from '../../components/useSubmit.ts';

/** Where to go after logging in: the page that sent the user here, if it is one of ours. */
function returnPath(state: unknown): string {
  const from = (state as { from?: unknown } | null)?.from;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') ? from : '/';
}

export function LoginPage() {
  const { t } = useTranslation();
  const { login } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const id = useId();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  useDocumentTitle(t('login.title'));

  const action = useCallback(async () => {
    await login(email.trim(), password);
    await navigate(returnPath(location.state), { replace: true });
  }, [login, email, password, navigate, location.state]);
  const { onSubmit, pending, error } = useSubmit(action);

  return (
    <section className="account-page">
      <h1>{t('login.title')}</h1>
      <form className="account-form" onSubmit={onSubmit} data-testid="login-form">
        <div className="field">
          <label htmlFor={`${id}-email`}>{t('account.email')}</label>
          <input
            id={`${id}-email`}
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            data-testid="login-email"
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-password`}>{t('account.password')}</label>
          <input
            id={`${id}-password`}
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            data-testid="login-password"
          />
        </div>
        <ErrorMessage error={error} />
        <button type="submit" className="button primary" disabled={pending} data-testid="login-submit">
          {t('login.submit')}
        </button>
      </form>
      <p>
        {t('login.noAccount')} <Link to="/register">{t('nav.register')}</Link>
      </p>
    </section>
  );
}
