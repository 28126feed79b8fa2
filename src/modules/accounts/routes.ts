import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Database } from '../../db/database.ts';
import { SESSION_COOKIE } from '../../http/access.ts';
import type { App } from '../../http/app-types.ts';
import { errorResponses } from '../../http/schemas.ts';
import { logIn } from './login.ts';
import type { User } from './model.ts';
import { LoginBody, ProfileBody, RegisterBody, SessionResponse } from './schemas.ts';
import { SESSION_TTL_DAYS, closeSession, openSession } from './sessions.ts';
import { registerUser, updateProfile } from './users.ts';

async function startSession(db: Database, request: FastifyRequest, reply: FastifyReply, user: User) {
  const { token, csrfToken } = await openSession(db, user.id);
  void reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    maxAge: SESSION_TTL_DAYS * 24 * 3600,
  });
  return { user, csrfToken };
}

export function accountRoutes(db: Database) {
  return async (app: App) => {
    app.get(
      '/session',
      {
        config: { access: 'public' },
        schema: { tags: ['accounts'], summary: 'The current user and CSRF token, or nulls when logged out', response: { 200: SessionResponse } },
      },
      async (request) => ({ user: request.session?.user ?? null, csrfToken: request.session?.csrfToken ?? null }),
    );

    app.post(
      '/register',
      {
        config: { access: 'public' },
        schema: {
          tags: ['accounts'],
          summary: 'Register a member or provider account with its organisation, and log in',
          body: RegisterBody,
          response: { 201: SessionResponse, ...errorResponses(400, 403, 409, 415) },
        },
      },
      async (request, reply) => {
        const user = await db.transaction((tx) => registerUser(tx, request.body));
        return reply.status(201).send(await startSession(db, request, reply, user));
      },
    );

    app.post(
      '/login',
      {
        config: { access: 'public' },
        schema: {
          tags: ['accounts'],
          summary: 'Log in with email and password (rate-limited per email and per address)',
          body: LoginBody,
          response: { 200: SessionResponse, ...errorResponses(400, 401, 403, 429) },
        },
      },
      async (request, reply) => {
        const user = await logIn(db, request.body.email, request.body.password, request.ip);
        if (request.session) await closeSession(db, request.session.tokenHash);
        return startSession(db, request, reply, user);
      },
    );

    app.post(
      '/logout',
      {
        config: { access: 'user' },
        schema: { tags: ['accounts'], summary: 'End the current session', response: { 204: Type.Null(), ...errorResponses(401, 403) } },
      },
      async (request, reply) => {
        await closeSession(db, request.session!.tokenHash);
        void reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return reply.status(204).send(null);
      },
    );

    app.patch(
      '/me',
      {
        config: { access: 'user' },
        schema: {
          tags: ['accounts'],
          summary: "Change the current user's language or display name",
          body: ProfileBody,
          response: { 200: Type.Object({ user: Type.Ref('User') }), ...errorResponses(400, 401, 403) },
        },
      },
      async (request) => ({ user: await updateProfile(db, request.session!.user.id, request.body) }),
    );
  };
}
