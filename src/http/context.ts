import type { Queryable } from '../db/database.ts';
import type { Locale } from '../i18n/locale.ts';
import type { Role } from '../modules/accounts/model.ts';
import type { Session } from '../modules/accounts/sessions.ts';

/**
 * Who may call a route, declared on every API route as `config.access`:
 * 'public' (anyone), 'user' (any logged-in user) or a list of roles.
 */
export type Access = 'public' | 'user' | readonly Role[];

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    locale: Locale;
    session: Session | undefined;
  }
}

/** What a handler passes to the domain: the database, the acting user and the language. */
export interface RequestContext {
  db: Queryable;
  userId: string | null;
  locale: Locale;
}
