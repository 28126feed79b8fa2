import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, clientFrom, errorCode, loggedIn } from '../../../test/http.ts';
import type { Database } from '../../db/database.ts';
import { openSeededDatabase, testDatabaseKinds } from '../../db/testing.ts';
import type { App } from '../../http/app-types.ts';
import { LOGIN_LIMITS } from './login-throttle.ts';

const registration = (email: string) => ({
  email,
  password: 'silk road freight 2022',
  displayName: 'Aigerim',
  role: 'member',
  organisation: { name: 'Almaty Dried Fruit LLP', kind: 'enterprise', country: 'kaz' },
  locale: 'ru',
});

describe.each(testDatabaseKinds())('accounts on $name', (kind) => {
  let db: Database;
  let app: App;
  beforeAll(async () => {
    db = await openSeededDatabase(kind);
    app = await buildTestApp(db);
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  describe('registration', () => {
    it('creates a member with its organisation, logs it in with an HttpOnly SameSite=Lax cookie', async () => {
      const response = await app.inject({ method: 'POST', url: '/api/auth/register', payload: registration('aigerim@example.kz') });
      expect(response.statusCode).toBe(201);
      expect(response.json()).toMatchObject({
        user: { email: 'aigerim@example.kz', role: 'member', locale: 'ru', organisation: { name: 'Almaty Dried Fruit LLP', kind: 'enterprise', country: 'KAZ' } },
        csrfToken: expect.any(String) as unknown,
      });
      const cookie = response.cookies.find((c) => c.name === 'scohub_session')!;
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
      expect(cookie.secure).toBeFalsy();
      const session = await app.inject({ url: '/api/auth/session', headers: { cookie: `scohub_session=${cookie.value}` } });
      expect(session.json()).toMatchObject({ user: { email: 'aigerim@example.kz' } });
    });

    it('stores only a scrypt hash of the password', async () => {
      const [row] = await db.query<{ password_hash: string }>(`SELECT password_hash FROM users WHERE email = 'aigerim@example.kz'`);
      expect(row!.password_hash).toMatch(/^scrypt\$\d+\$8\$1\$/);
      expect(row!.password_hash).not.toContain('silk road');
    });

    it('marks the cookie Secure when the request arrived over HTTPS through a trusted proxy', async () => {
      const { buildApp } = await import('../../app.ts');
      const proxied = await buildApp({ db, trustProxy: true, webDist: '/nonexistent' });
      const response = await proxied.inject({
        method: 'POST',
        url: '/api/auth/register',
        headers: { 'x-forwarded-proto': 'https' },
        payload: registration('secure@example.kz'),
      });
      expect(response.cookies.find((c) => c.name === 'scohub_session')?.secure).toBe(true);
      await proxied.close();
    });

    it('refuses a taken email, whatever its case', async () => {
      const response = await app.inject({ method: 'POST', url: '/api/auth/register', payload: registration('AIGERIM@example.kz') });
      expect([response.statusCode, errorCode(response)]).toEqual([409, 'EMAIL_TAKEN']);
    });

    it('refuses a weak password, an organisation kind that does not fit the role, an unknown country, and unknown fields', async () => {
      const weak = await app.inject({ method: 'POST', url: '/api/auth/register', payload: { ...registration('w@example.kz'), password: 'short' } });
      expect([weak.statusCode, errorCode(weak)]).toEqual([400, 'WEAK_PASSWORD']);
      const mismatch = await app.inject({
        method: 'POST',
        url: '/api/auth/register',
        payload: { ...registration('m@example.kz'), role: 'provider' },
      });
      expect([mismatch.statusCode, errorCode(mismatch)]).toEqual([400, 'ORGANISATION_KIND_MISMATCH']);
      const country = await app.inject({
        method: 'POST',
        url: '/api/auth/register',
        payload: { ...registration('c@example.kz'), organisation: { name: 'X', kind: 'enterprise', country: 'XYZ' } },
      });
      expect([country.statusCode, errorCode(country)]).toEqual([400, 'UNKNOWN_COUNTRY']);
      const extra = await app.inject({ method: 'POST', url: '/api/auth/register', payload: { ...registration('e@example.kz'), role: 'admin' } });
      expect([extra.statusCode, errorCode(extra)]).toEqual([400, 'VALIDATION_FAILED']);
      const unknown = await app.inject({ method: 'POST', url: '/api/auth/register', payload: { ...registration('u@example.kz'), isAdmin: true } });
      expect(unknown.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED', details: [{ path: 'body.isAdmin', keyword: 'additionalProperties' }] } });
    });

    it('answers validation errors in the language of the request', async () => {
      const response = await app.inject({ method: 'POST', url: '/api/auth/register?lang=zh-Hant', payload: { email: 'x@example.org' } });
      expect(response.json<{ error: { message: string } }>().error.message).toMatch(/^請求無效：缺少欄位 body\.password/);
    });

    it('refuses a registration posted from another site', async () => {
      const response = await app.inject({
        method: 'POST',
        url: '/api/auth/register',
        headers: { origin: 'https://evil.example' },
        payload: registration('csrf@example.kz'),
      });
      expect([response.statusCode, errorCode(response)]).toEqual([403, 'CSRF_CHECK_FAILED']);
    });
  });

  describe('login and logout', () => {
    it('logs in with the right password and reports the session', async () => {
      const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'Aigerim@Example.kz', password: 'silk road freight 2022' } });
      expect(response.statusCode).toBe(200);
      const client = clientFrom(response);
      const session = await app.inject({ url: '/api/auth/session', headers: { cookie: client.cookie } });
      expect(session.json()).toEqual({ user: expect.objectContaining({ email: 'aigerim@example.kz' }) as unknown, csrfToken: client.csrfToken });
    });

    it('answers a wrong password and an unknown email alike', async () => {
      const wrong = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'aigerim@example.kz', password: 'not the password' } });
      const unknown = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'nobody@example.kz', password: 'not the password' } });
      expect([wrong.statusCode, errorCode(wrong)]).toEqual([401, 'INVALID_CREDENTIALS']);
      expect(unknown.json()).toEqual(wrong.json());
    });

    it('validates the login body', async () => {
      const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'not-an-email', password: 'x' } });
      expect(response.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED', details: [{ path: 'body.email' }] } });
    });

    it('refuses logins for an email after repeated failures, on every instance sharing the database', async () => {
      const email = 'target@example.kz';
      for (let i = 0; i < LOGIN_LIMITS.perEmail; i++) {
        const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: `guess number ${i}` } });
        expect(response.statusCode).toBe(401);
      }
      const secondInstance = await buildTestApp(db);
      const blocked = await secondInstance.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: 'another guess' } });
      expect([blocked.statusCode, errorCode(blocked)]).toEqual([429, 'TOO_MANY_LOGIN_ATTEMPTS']);
      expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
      await secondInstance.close();
    });

    it('logs out only with the session CSRF token, and the session is gone afterwards', async () => {
      const client = await loggedIn(app, db, 'member');
      const withoutToken = await app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: client.cookie } });
      expect([withoutToken.statusCode, errorCode(withoutToken)]).toEqual([403, 'CSRF_CHECK_FAILED']);
      const wrongToken = await app.inject({ method: 'POST', url: '/api/auth/logout', headers: { ...client.headers, 'x-csrf-token': 'forged' } });
      expect([wrongToken.statusCode, errorCode(wrongToken)]).toEqual([403, 'CSRF_CHECK_FAILED']);
      const logout = await app.inject({ method: 'POST', url: '/api/auth/logout', headers: client.headers });
      expect(logout.statusCode).toBe(204);
      const session = await app.inject({ url: '/api/auth/session', headers: { cookie: client.cookie } });
      expect(session.json()).toEqual({ user: null, csrfToken: null });
    });

    it('needs a session to log out', async () => {
      const response = await app.inject({ method: 'POST', url: '/api/auth/logout' });
      expect([response.statusCode, errorCode(response)]).toEqual([401, 'NOT_AUTHENTICATED']);
    });
  });

  describe('profile', () => {
    it('remembers the language a user chooses, and answers in it when the request names none', async () => {
      const client = await loggedIn(app, db, 'provider');
      const response = await app.inject({ method: 'PATCH', url: '/api/auth/me', headers: client.headers, payload: { locale: 'zh-Hans' } });
      expect(response.json()).toMatchObject({ user: { locale: 'zh-Hans', role: 'provider' } });
      const missing = await app.inject({ url: '/api/nowhere', headers: { cookie: client.cookie } });
      expect(missing.json<{ error: { message: string } }>().error.message).toBe('API 中没有 GET /api/nowhere。');
    });

    it('rejects an unknown language, and unauthenticated or forged requests', async () => {
      const client = await loggedIn(app, db, 'admin');
      const invalid = await app.inject({ method: 'PATCH', url: '/api/auth/me', headers: client.headers, payload: { locale: 'fr' } });
      expect([invalid.statusCode, errorCode(invalid)]).toEqual([400, 'VALIDATION_FAILED']);
      const anonymous = await app.inject({ method: 'PATCH', url: '/api/auth/me', payload: { locale: 'ru' } });
      expect([anonymous.statusCode, errorCode(anonymous)]).toEqual([401, 'NOT_AUTHENTICATED']);
      const forged = await app.inject({ method: 'PATCH', url: '/api/auth/me', headers: { cookie: client.cookie }, payload: { locale: 'ru' } });
      expect([forged.statusCode, errorCode(forged)]).toEqual([403, 'CSRF_CHECK_FAILED']);
    });
  });
});
