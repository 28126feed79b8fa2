import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, useLocation, useNavigate } from 'react-router-dom';
import { useAuth } from '../auth/AuthContext.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { LanguageSwitcher } from '../i18n/LanguageSwitcher.tsx';

function UserMenu() {
  const { t } = useTranslation();
  const { user, ready, logout } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [error, setError] = useState<unknown>(null);

  if (!ready) return <div className="user-menu" aria-hidden="true" />;
  if (!user) {
    return (
      <div className="user-menu">
        <Link to="/login" state={{ from: location.pathname + location.search }} data-testid="login-link">
          {t('nav.login')}
        </Link>
        <Link to="/register" className="button small">
          {t('nav.register')}
        </Link>
      </div>
    );
  }
  return (
    <div className="user-menu">
      <span className="user-name">
        <span data-testid="current-user">{user.displayName}</span>
        <span className="role">{t(`role.${user.role}`)}</span>
      </span>
      <button
        type="button"
        className="button small"
        data-testid="logout"
        onClick={() => {
          setError(null);
          logout()
            .then(() => navigate('/'))
            .catch((reason: unknown) => setError(reason));
        }}
      >
        {t('nav.logout')}
      </button>
      <ErrorMessage error={error} />
    </div>
  );
}

export function Header() {
  const { t } = useTranslation();
  return (
    <header className="site-header">
      <div className="header-inner">
        <Link to="/" className="brand">
          <span className="brand-name">{t('app.name')}</span>
          <span className="brand-tagline">{t('app.tagline')}</span>
        </Link>
        <nav aria-label={t('nav.primary')} className="main-nav">
          <NavLink to="/" end>
            {t('nav.home')}
          </NavLink>
          <NavLink to="/organisation">{t('nav.organisation')}</NavLink>
          <NavLink to="/trade">{t('nav.trade')}</NavLink>
          <NavLink to="/logistics">{t('nav.logistics')}</NavLink>
          <NavLink to="/trains">{t('nav.trains')}</NavLink>
          <a href="/api/docs">{t('nav.apiDocs')}</a>
        </nav>
        <div className="header-tools">
          <LanguageSwitcher />
          <UserMenu />
        </div>
      </div>
    </header>
  );
}
