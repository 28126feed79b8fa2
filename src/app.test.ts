import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, errorCode } from '../test/http.ts';
import { buildApp } from './app.ts';
import type { Database } from './db/database.ts';
import { openSeededDatabase, testDatabaseKinds } from './db/testing.ts';
import type { App } from './http/app-types.ts';

describe.each(testDatabaseKinds())('the platform on $name', (kind) => {
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

  it('reports health with the database kind and the migration version', async () => {
    const response = await app.inject('/api/health');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: 'ok', database: kind.name, migration: expect.stringMatching(/^\d{14}$/) as unknown });
  });

  it('answers unknown API paths with the one error shape, in the requested language', async () => {
    const response = await app.inject({ url: '/api/nowhere', headers: { 'accept-language': 'ru' } });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'В API нет GET /api/nowhere.' } });
  });

  it('rejects a body that is not JSON, including text/plain that a cross-site form could send', async () => {
    const broken = await app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"email":' });
    expect([broken.statusCode, errorCode(broken)]).toEqual([400, 'MALFORMED_BODY']);
    const plain = await app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'text/plain' }, payload: 'email=a' });
    expect([plain.statusCode, errorCode(plain)]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
  });

  it('takes JSON bodies as typed: a number where text is expected is an error, not silently converted', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'a@example.org', password: 12345678901 } });
    expect(response.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED', details: [{ path: 'body.password', keyword: 'type' }] } });
  });

  it('rejects bodies over the size limit', async () => {
    const payload = JSON.stringify({ email: 'a@b.org', password: 'x'.repeat(2 * 1024 * 1024) });
    const response = await app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload });
    expect([response.statusCode, errorCode(response)]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
  });

  it('sets protective headers on every response', async () => {
    const response = await app.inject('/api/health');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBe('DENY');
  });

  it('serves an OpenAPI 3 document generated from the route schemas, and its browsable UI', async () => {
    const document = (await app.inject('/api/docs/json')).json<{ openapi: string; paths: Record<string, Record<string, { parameters?: { name: string }[] }>> }>();
    expect(document.openapi).toMatch(/^3\./);
    for (const path of ['/api/health', '/api/auth/login', '/api/org/states', '/api/org/states/{iso3}', '/api/org/indicators']) {
      expect(Object.keys(document.paths)).toContain(path);
    }
    expect(document.paths['/api/org/states']!.get!.parameters!.map((p) => p.name)).toEqual(expect.arrayContaining(['status', 'asOf', 'lang']));
    const ui = await app.inject('/api/docs');
    expect(ui.statusCode).toBe(200);
    expect(ui.headers['content-type']).toContain('text/html');
  });
});

describe('route declarations', () => {
  it('refuse to start an app with an API route that does not say who may call it', async () => {
    const kind = testDatabaseKinds()[0]!;
    const db = await kind.open();
    const app = await buildApp({ db, webDist: '/nonexistent' });
    expect(() => app.get('/api/unguarded', async () => ({}))).toThrow(/declares no config.access/);
    await app.close();
    await db.close();
  });
});
