import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError, api, setCsrfToken } from '../api/client.ts';
import type { SessionResponse, User } from '../api/types.ts';
import { applyLocale } from '../i18n/i18n.ts';
import type { Locale } from '../i18n/locales.ts';
import { useLocale } from '../i18n/useLocale.ts';
import { AuthContext, type Auth, type Registration } from './AuthContext.ts';

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null>(null);
  const [ready, setReady] = useState(false);
  const locale = useLocale();

  const startSession = useCallback((session: SessionResponse) => {
    setCsrfToken(session.csrfToken);
    setUser(session.user);
    // The language saved with the account wins over this browser's choice.
    if (session.user?.locale) applyLocale(session.user.locale);
  }, []);

  useEffect(() => {
    api
      .get<SessionResponse>('/api/auth/session')
      .then(startSession)
      .catch(() => startSession({ user: null, csrfToken: null }))
      .finally(() => setReady(true));
  }, [startSession]);

  const login = useCallback(
    async (email: string, password: string) => {
      const session = await api.post<SessionResponse>('/api/auth/login', { email, password });
      startSession(session);
      const loggedIn = session.user;
      if (!loggedIn) throw new ApiError(200, 'UNEXPECTED_RESPONSE', '');
      if (!loggedIn.locale) {
        // Keep the language chosen before logging in for next time; failing to save it is harmless.
        api
          .patch<{ user: User }>('/api/auth/me', { locale })
          .then((result) => setUser(result.user))
          .catch(() => undefined);
      }
      return loggedIn;
    },
    [locale, startSession],
  );

  const register = useCallback(
    async (registration: Registration) => {
      const session = await api.post<SessionResponse>('/api/auth/register', { ...registration, locale });
      startSession(session);
      if (!session.user) throw new ApiError(201, 'UNEXPECTED_RESPONSE', '');
      return session.user;
    },
    [locale, startSession],
  );

  const logout = useCallback(async () => {
    try {
      await api.post<undefined>('/api/auth/logout');
    } catch (error) {
      // An expired session is as good as logged out; anything else is worth telling the user.
      if (!(error instanceof ApiError && error.status === 401)) throw error;
    }
    startSession({ user: null, csrfToken: null });
  }, [startSession]);

  const changeLocale = useCallback(
    async (next: Locale) => {
      applyLocale(next);
      if (!user) return;
      try {
        const result = await api.patch<{ user: User }>('/api/auth/me', { locale: next });
        setUser(result.user);
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) startSession({ user: null, csrfToken: null });
        else throw error;
      }
    },
    [user, startSession],
  );

  const value = useMemo<Auth>(
    () => ({ user, ready, login, register, logout, changeLocale }),
    [user, ready, login, register, logout, changeLocale],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}
