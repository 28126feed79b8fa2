import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Database } from '../db/database.ts';
import { DomainError } from '../errors/domain-error.ts';
import { DEFAULT_LOCALE, isLocale, negotiateLocale } from '../i18n/locale.ts';
import { findSession } from '../modules/accounts/sessions.ts';
import type { Access } from './context.ts';

export const SESSION_COOKIE = 'scohub_session';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** A browser's Origin header must name this server; requests without one (curl, server to server) carry no ambient risk. */
function isCrossOrigin(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return false;
  try {
    return new URL(origin).host !== request.host;
  } catch {
    return true;
  }
}

function assertAllowed(request: FastifyRequest, access: Access): void {
  if (access === 'public') return;
  const user = request.session?.user;
  if (!user) throw new DomainError('NOT_AUTHENTICATED');
  if (access !== 'user' && !access.includes(user.role)) throw new DomainError('FORBIDDEN', { role: user.role });
}

/**
 * Resolves the request's language and session, then enforces the route's declared access and CSRF protection:
 * state-changing requests must come from our origin and, when a session cookie authenticates them, carry its CSRF token.
 */
export function installAccessControl(app: FastifyInstance, db: Database): void {
  app.decorateRequest('locale', DEFAULT_LOCALE);
  app.decorateRequest('session', undefined);

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) return;
    if (route.config?.access === undefined) throw new Error(`Route ${route.method.toString()} ${route.url} declares no config.access`);
  });

  app.addHook('onRequest', async (request) => {
    const lang = (request.query as Record<string, unknown> | undefined)?.lang;
    const explicit = isLocale(lang) ? lang : negotiateLocale(request.headers['accept-language']);
    const token = request.cookies[SESSION_COOKIE];
    request.session = token ? await findSession(db, token) : undefined;
    request.locale = explicit ?? request.session?.user.locale ?? DEFAULT_LOCALE;

    const access = request.routeOptions.config.access;
    if (access === undefined) return;
    if (!SAFE_METHODS.has(request.method)) {
      if (isCrossOrigin(request)) throw new DomainError('CSRF_CHECK_FAILED');
      if (request.session) {
        const sent = request.headers[CSRF_HEADER];
        if (typeof sent !== 'string' || !sameToken(sent, request.session.csrfToken)) throw new DomainError('CSRF_CHECK_FAILED');
      }
    }
    assertAllowed(request, access);
  });
}
