import { readFileSync } from 'node:fs';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, errorCode, loggedIn, type Client } from '../../../test/http.ts';
import type { Database } from '../../db/database.ts';
import { openSeededDatabase, testDatabaseKinds } from '../../db/testing.ts';
import type { App } from '../../http/app-types.ts';
import { readNetworkGeoJson } from './network-geojson.ts';
import { getLink, replaceNetwork, updateLink } from './store.ts';

/** The network API over HTTP, on the small hand-written test network. */

const FIXTURE = readNetworkGeoJson(readFileSync(new URL('./fixtures/small-network.geojson', import.meta.url), 'utf8'), 'small-network.geojson');

const ALMATY = {
  id: 'KZ-ALMATY',
  names: { en: 'Almaty', ru: 'Алматы', 'zh-Hans': '阿拉木图' },
  kind: 'rail_terminal',
  country: 'kaz',
  lat: 43.24,
  lon: 76.95,
  locode: 'kzala',
  transshipment: { minutes: 120, usd20: 40, usd40: 60 },
};
const DOSTYK_ALMATY = { id: 'rail-dostyk-almaty', from: 'KZ-DOSTYK', to: 'KZ-ALMATY', mode: 'rail', gauge: 1520, distanceKm: 880, minutes: 1200, usd20: 500, usd40: 800, status: 'open' };

function expectStatus<T>(response: LightMyRequestResponse, status: number): T {
  expect(response.statusCode, response.body).toBe(status);
  return (response.body === '' ? undefined : response.json()) as T;
}

describe.each(testDatabaseKinds())('logistics network API on $name', (kind) => {
  let db: Database;
  let app: App;
  let admin: Client;
  let member: Client;

  beforeAll(async () => {
    db = await openSeededDatabase(kind);
    await db.transaction((tx) => replaceNetwork(tx, FIXTURE));
    app = await buildTestApp(db);
    admin = await loggedIn(app, db, 'admin');
    member = await loggedIn(app, db, 'member');
  });

  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it('serves the network as GeoJSON, names in the asker’s language, filtered by mode or status', async () => {
    const network = expectStatus<{ type: string; features: { properties: Record<string, unknown> }[]; corridors: { id: string; name: string; links: string[] }[] }>(
      await app.inject({ method: 'GET', url: '/api/logistics/network', headers: { 'accept-language': 'zh-Hant' } }),
      200,
    );
    expect(network.type).toBe('FeatureCollection');
    const nodes = network.features.filter((f) => f.properties.type === 'node');
    expect(nodes.map((n) => n.properties.name)).toEqual(['阿拉山口', '烏魯木齊', '多斯特克']);
    expect(network.features.filter((f) => f.properties.type === 'link')).toHaveLength(2);
    expect(network.corridors).toEqual([expect.objectContaining({ id: 'test-rail', name: '測試鐵路', links: ['rail-alashankou-dostyk', 'rail-urumqi-alashankou'] })]);
    const roads = expectStatus<{ features: { properties: { type: string; name?: string } }[] }>(await app.inject({ method: 'GET', url: '/api/logistics/network?mode=road' }), 200);
    expect(roads.features.filter((f) => f.properties.type === 'link')).toHaveLength(0);
    // The names follow each request's language, though the network is built once for all.
    expect(roads.features.map((f) => f.properties.name)).toEqual(['Alashankou', 'Urumqi', 'Dostyk']);
    const corridors = expectStatus<{ corridors: { id: string; name: string }[] }>(await app.inject({ method: 'GET', url: '/api/logistics/corridors', headers: { 'accept-language': 'ru' } }), 200);
    expect(corridors.corridors.map((c) => c.name)).toEqual(['Тестовая дорога']);
  });

  it('shows an edit on the next request, whether made through the API or straight in the database by another instance', async () => {
    type Link = { properties: { type: string; id: string; status: string } };
    const statusOf = async (id: string) =>
      expectStatus<{ features: Link[] }>(await app.inject({ method: 'GET', url: '/api/logistics/network' }), 200).features.find((f) => f.properties.id === id)?.properties.status;
    const routesFound = async () =>
      expectStatus<{ routes: unknown[] }>(await app.inject({ method: 'POST', url: '/api/logistics/routes', payload: { from: 'CN-URUMQI', to: 'KZ-DOSTYK', containers: [{ size: 40, count: 1 }] } }), 200).routes.length;
    const link = expectStatus<Record<string, unknown>>(await app.inject({ method: 'GET', url: '/api/logistics/links/rail-alashankou-dostyk' }), 200);
    expect(await statusOf('rail-alashankou-dostyk')).toBe('open');
    expect(await routesFound()).toBeGreaterThan(0);

    expectStatus(await app.inject({ method: 'PUT', url: '/api/logistics/links/rail-alashankou-dostyk', headers: admin.headers, payload: { ...link, status: 'closed' } }), 200);
    expect(await statusOf('rail-alashankou-dostyk')).toBe('closed');
    expect(await routesFound()).toBe(0);
    const closedOnly = expectStatus<{ features: Link[] }>(await app.inject({ method: 'GET', url: '/api/logistics/network?status=closed' }), 200);
    expect(closedOnly.features.filter((f) => f.properties.type === 'link').map((f) => f.properties.id)).toEqual(['rail-alashankou-dostyk']);

    await db.transaction(async (tx) => updateLink(tx, { ...(await getLink(tx, 'rail-alashankou-dostyk')), status: 'open' }));
    expect(await statusOf('rail-alashankou-dostyk')).toBe('open');
    expect(await routesFound()).toBeGreaterThan(0);
  });

  it('lets only admins edit nodes and links', async () => {
    const anonymous = await app.inject({ method: 'POST', url: '/api/logistics/nodes', payload: ALMATY });
    expect(anonymous.statusCode).toBe(401);
    const asMember = await app.inject({ method: 'POST', url: '/api/logistics/nodes', headers: member.headers, payload: ALMATY });
    expect(errorCode(asMember)).toBe('FORBIDDEN');
    expect(asMember.statusCode).toBe(403);
  });

  it.each([
    { method: 'POST', url: '/api/logistics/nodes', payload: ALMATY },
    { method: 'PUT', url: '/api/logistics/nodes/CN-URUMQI', payload: { ...ALMATY, id: 'CN-URUMQI' } },
    { method: 'DELETE', url: '/api/logistics/nodes/CN-URUMQI' },
    { method: 'POST', url: '/api/logistics/links', payload: DOSTYK_ALMATY },
    { method: 'PUT', url: '/api/logistics/links/rail-alashankou-dostyk', payload: { ...DOSTYK_ALMATY, id: 'rail-alashankou-dostyk' } },
    { method: 'DELETE', url: '/api/logistics/links/rail-alashankou-dostyk' },
  ] as const)('answers $method $url with 401 to anyone not logged in and 403 to a member', async ({ method, url, ...rest }) => {
    const payload = 'payload' in rest ? rest.payload : undefined;
    expect((await app.inject({ method, url, payload })).statusCode).toBe(401);
    const asMember = await app.inject({ method, url, headers: member.headers, payload });
    expect(asMember.statusCode).toBe(403);
    expect(errorCode(asMember)).toBe('FORBIDDEN');
    // Nothing was changed.
    expect((await app.inject({ method: 'GET', url: '/api/logistics/nodes/CN-URUMQI' })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/api/logistics/links/rail-alashankou-dostyk' })).statusCode).toBe(200);
  });

  it('adds, reads, rewrites and deletes a node and a link, with clear codes for what breaks the rules', async () => {
    const node = expectStatus<{ id: string; country: string; locode: string; name: string }>(await app.inject({ method: 'POST', url: '/api/logistics/nodes', headers: admin.headers, payload: ALMATY }), 201);
    expect(node).toMatchObject({ id: 'KZ-ALMATY', country: 'KAZ', locode: 'KZALA', name: 'Almaty' });
    expect(errorCode(await app.inject({ method: 'POST', url: '/api/logistics/nodes', headers: admin.headers, payload: ALMATY }))).toBe('NODE_EXISTS');

    const link = expectStatus<{ geometry: number[][]; gauge: number; corridors: string[] }>(
      await app.inject({ method: 'POST', url: '/api/logistics/links', headers: admin.headers, payload: DOSTYK_ALMATY }),
      201,
    );
    // Without a geometry, a link is drawn straight between its nodes.
    expect(link).toMatchObject({ geometry: [[82.48, 45.25], [76.95, 43.24]], gauge: 1520, corridors: [] });
    const unknownEnd = await app.inject({ method: 'POST', url: '/api/logistics/links', headers: admin.headers, payload: { ...DOSTYK_ALMATY, id: 'rail-x', to: 'KZ-NOWHERE' } });
    expect(unknownEnd.statusCode).toBe(404);
    expect(errorCode(unknownEnd)).toBe('NODE_NOT_FOUND');
    const roadWithGauge = await app.inject({ method: 'POST', url: '/api/logistics/links', headers: admin.headers, payload: { ...DOSTYK_ALMATY, id: 'road-x', mode: 'road' } });
    expect(errorCode(roadWithGauge)).toBe('LINK_GAUGE');

    const rewritten = expectStatus<{ status: string }>(
      await app.inject({ method: 'PUT', url: '/api/logistics/links/rail-dostyk-almaty', headers: admin.headers, payload: { ...DOSTYK_ALMATY, status: 'under_construction' } }),
      200,
    );
    expect(rewritten.status).toBe('under_construction');
    const inUse = await app.inject({ method: 'DELETE', url: '/api/logistics/nodes/KZ-ALMATY', headers: admin.headers });
    expect(inUse.statusCode).toBe(409);
    expect(inUse.json<{ error: { message: string } }>().error.message).toBe('Node KZ-ALMATY is used by 1 links; delete them first.');
    expectStatus(await app.inject({ method: 'DELETE', url: '/api/logistics/links/rail-dostyk-almaty', headers: admin.headers }), 204);
    expectStatus(await app.inject({ method: 'DELETE', url: '/api/logistics/nodes/KZ-ALMATY', headers: admin.headers }), 204);
    const gone = await app.inject({ method: 'GET', url: '/api/logistics/nodes/KZ-ALMATY', headers: { 'accept-language': 'ru' } });
    expect(gone.statusCode).toBe(404);
    expect(gone.json<{ error: { message: string } }>().error.message).toBe('В сети нет узла KZ-ALMATY.');
  });

  it('keeps a link’s optional figures as sent, null included', async () => {
    const roadLink = { id: 'road-urumqi-dostyk', from: 'CN-URUMQI', to: 'KZ-DOSTYK', mode: 'road', distanceKm: 520, minutes: 600, usd20: 700, usd40: 900, status: 'open' };
    const withoutFactor = expectStatus<{ co2GramsPerTonneKm: number | null; gauge: number | null }>(
      await app.inject({ method: 'POST', url: '/api/logistics/links', headers: admin.headers, payload: { ...roadLink, co2GramsPerTonneKm: null, gauge: null } }),
      201,
    );
    expect(withoutFactor).toMatchObject({ co2GramsPerTonneKm: null, gauge: null });
    expect(expectStatus<{ co2GramsPerTonneKm: number | null }>(await app.inject({ method: 'GET', url: '/api/logistics/links/road-urumqi-dostyk' }), 200).co2GramsPerTonneKm).toBeNull();
    const withFactor = expectStatus<{ co2GramsPerTonneKm: number | null }>(
      await app.inject({ method: 'PUT', url: '/api/logistics/links/road-urumqi-dostyk', headers: admin.headers, payload: { ...roadLink, co2GramsPerTonneKm: 0 } }),
      200,
    );
    expect(withFactor.co2GramsPerTonneKm).toBe(0);
    expectStatus(await app.inject({ method: 'DELETE', url: '/api/logistics/links/road-urumqi-dostyk', headers: admin.headers }), 204);
  });

  it('refuses sources the network does not list and fractional minutes, keeping money as stored', async () => {
    const unsourced = await app.inject({ method: 'POST', url: '/api/logistics/nodes', headers: admin.headers, payload: { ...ALMATY, id: 'KZ-UNSOURCED', locode: null, sources: ['no-such-source'] } });
    expect(unsourced.statusCode).toBe(400);
    expect(errorCode(unsourced)).toBe('SOURCE_NOT_FOUND');
    const fractional = await app.inject({ method: 'POST', url: '/api/logistics/links', headers: admin.headers, payload: { ...DOSTYK_ALMATY, id: 'rail-fractional', from: 'CN-URUMQI', to: 'KZ-DOSTYK', minutes: 90.5 } });
    expect(errorCode(fractional)).toBe('VALIDATION_FAILED');
    const cents = expectStatus<{ usd20: number }>(
      await app.inject({ method: 'POST', url: '/api/logistics/links', headers: admin.headers, payload: { ...DOSTYK_ALMATY, id: 'rail-cents', from: 'CN-URUMQI', to: 'KZ-DOSTYK', usd20: 0.005 } }),
      201,
    );
    expect(cents.usd20).toBe(expectStatus<{ usd20: number }>(await app.inject({ method: 'GET', url: '/api/logistics/links/rail-cents' }), 200).usd20);
    expectStatus(await app.inject({ method: 'DELETE', url: '/api/logistics/links/rail-cents', headers: admin.headers }), 204);
  });

  it('refuses a malformed node with the field named', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/logistics/nodes', headers: admin.headers, payload: { ...ALMATY, id: 'kz almaty', lat: 95 } });
    expect(response.statusCode).toBe(400);
    expect(errorCode(response)).toBe('VALIDATION_FAILED');
  });
});
