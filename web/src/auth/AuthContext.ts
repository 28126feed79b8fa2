import { createContext, useContext } from 'react';
import type { OrganisationKind, User } from '../api/types.ts';
import type { Locale } from '../i18n/locales.ts';

export interface Registration {
  email: string;
  password: string;
  displayName: string;
  role: 'member' | 'provider';
  organisation: { name: string; kind: OrganisationKind; country?: string };
}

export interface Auth {
  /** The logged-in user, or null. */
  user: User | null;
  /** False until the session has been read from the server. */
  ready: boolean;
  login: (email: string, password: string) => Promise<User>;
  register: (registration: Registration) => Promise<User>;
  logout: () => Promise<void>;
  /** Switches the interface language and, when logged in, saves it to the user's profile. */
  changeLocale: (locale: Locale) => Promise<void>;
}

export const AuthContext = createContext<Auth | null>(null);

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth must be used inside <AuthProvider>');
  return auth;
}
