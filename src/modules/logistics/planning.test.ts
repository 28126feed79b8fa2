import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, errorCode } from '../../../test/http.ts';
import { buildApp } from '../../app.ts';
import type { Database } from '../../db/database.ts';
import { openSeededDatabase, testDatabaseKinds } from '../../db/testing.ts';
import type { App } from '../../http/app-types.ts';
import type { NetworkRecords } from './records.ts';
import type { RouteAnswerBody } from './schemas.ts';
import { loadNetwork } from './store.ts';

/** Route planning over HTTP on the reference network the platform ships with (docs/network.md). */

type Answer = RouteAnswerBody;
type Route = Answer['routes'][number];

const DECEMBER = '2026-12-01T08:00:00Z';

describe.each(testDatabaseKinds())('route planning on the reference network on $name', (kind) => {
  let db: Database;
  let app: App;
  let network: NetworkRecords;

  const plan = async (body: Record<string, unknown>, language = 'en') => {
    const response = await app.inject({ method: 'POST', url: '/api/logistics/routes', headers: { 'accept-language': language }, payload: { containers: [{ size: 40, count: 2 }], departAfter: DECEMBER, ...body } });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<Answer>();
  };
  /** The nodes a route passes, in order, from its links. */
  const nodesOf = (route: Route) => {
    const links = new Map(network.links.map((l) => [l.id, l]));
    const visited = [route.legs[0]!.from.id];
    for (const leg of route.legs) {
      for (const id of leg.links) {
        const link = links.get(id)!;
        visited.push(link.from === visited.at(-1) ? link.to : link.from);
      }
    }
    return visited;
  };
  const statusOf = (linkId: string) => network.links.find((l) => l.id === linkId)!.status;
  const countryOf = (nodeId: string) => network.nodes.find((n) => n.id === nodeId)!.country;

  beforeAll(async () => {
    db = await openSeededDatabase(kind);
    app = await buildTestApp(db);
    network = await loadNetwork(db);
  });

  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it.each(['CN-CHONGQING', 'CN-XIAN'])('sends containers from %s to Duisburg by rail through Alashankou or Khorgos and Brest–Małaszewicze, changing gauge at both', async (origin) => {
    const answer = await plan({ from: origin, to: 'DE-DUISBURG', modes: ['rail'] });
    expect(answer.routes.length).toBeGreaterThan(0);
    for (const route of answer.routes) {
      const visited = nodesOf(route);
      expect(visited.at(-1)).toBe('DE-DUISBURG');
      expect(visited.some((n) => n === 'CN-ALASHANKOU' || n === 'CN-KHORGOS')).toBe(true);
      expect(visited).toEqual(expect.arrayContaining(['BY-BREST', 'PL-MALASZEWICZE']));
      expect(route.legs.every((leg) => leg.mode === 'rail')).toBe(true);
      expect(route.gaugeChanges).toBe(2);
      expect(route.breakdown.hours.gaugeChange).toBeGreaterThan(0);
      expect(route.borderCrossings).toBeGreaterThanOrEqual(4);
    }
    expect(answer.routes.flatMap((r) => r.marks)).toEqual(expect.arrayContaining(['fastest', 'cheapest', 'greenest', 'fewest_transshipments']));
  });

  it('offers Qingdao to Tashkent by rail alone, and by rail and road', async () => {
    const byRail = await plan({ from: 'CN-QINGDAO', to: 'UZ-TASHKENT', modes: ['rail'] });
    expect(byRail.routes.length).toBeGreaterThan(0);
    expect(byRail.routes.every((r) => r.legs.every((leg) => leg.mode === 'rail'))).toBe(true);
    const mixed = await plan({ from: 'CN-QINGDAO', to: 'UZ-TASHKENT', modes: ['rail', 'road'] });
    const railAndRoad = mixed.routes.filter((r) => new Set(r.legs.map((leg) => leg.mode)).size === 2);
    expect(railAndRoad.length).toBeGreaterThan(0);
    // The all-rail route stays among the options: nothing by road is both cheaper and greener here.
    expect(mixed.routes.some((r) => r.legs.every((leg) => leg.mode === 'rail'))).toBe(true);
  });

  it('goes round Kazakhstan through another corridor when asked, or says the constraint cut every route', async () => {
    const avoiding = await plan({ from: 'CN-CHONGQING', to: 'DE-DUISBURG', modes: ['rail'], avoidCountries: ['KAZ'] });
    expect(avoiding.routes.length).toBeGreaterThan(0);
    for (const route of avoiding.routes) expect(nodesOf(route).map(countryOf)).not.toContain('KAZ');
    const none = await plan({ from: 'CN-CHONGQING', to: 'DE-DUISBURG', modes: ['rail'], avoidCountries: ['KAZ', 'RUS'] }, 'ru');
    expect(none.routes).toEqual([]);
    expect(none.noRoute!.cutBy).toContain('avoidCountries');
    expect(none.noRoute!.message).toMatch(/^При этих ограничениях маршрута нет\..*страны, которые нужно обойти/);
  });

  it('never uses a link under construction unless the query allows it', async () => {
    const closedToday = await plan({ from: 'CN-KASHGAR', to: 'KG-JALAL-ABAD', modes: ['rail'] });
    expect(closedToday.routes).toEqual([]);
    expect(closedToday.noRoute!.cutBy).toContain('allowUnderConstruction');
    const allowed = await plan({ from: 'CN-KASHGAR', to: 'KG-JALAL-ABAD', modes: ['rail'], allowUnderConstruction: true });
    expect(allowed.routes.length).toBeGreaterThan(0);
    expect(allowed.routes[0]!.legs.flatMap((leg) => leg.links).some((id) => statusOf(id) === 'under_construction')).toBe(true);
    for (const query of [{ from: 'CN-QINGDAO', to: 'UZ-TASHKENT' }, { from: 'CN-XIAN', to: 'DE-DUISBURG' }]) {
      const answer = await plan(query);
      expect(answer.routes.flatMap((r) => r.legs.flatMap((leg) => leg.links)).map(statusOf)).not.toContain('under_construction');
    }
  });

  it('takes places as node ids, UN/LOCODEs or coordinates, names them in the asker’s language and draws each leg', async () => {
    const chongqing = network.nodes.find((n) => n.id === 'CN-CHONGQING')!;
    const answer = await plan({ from: { lat: chongqing.lat + 0.05, lon: chongqing.lon - 0.05 }, to: 'DE-DUISBURG', modes: ['rail'] }, 'zh-Hans');
    expect(answer.from.id).toBe('CN-CHONGQING');
    expect(answer.from.name).toBe(chongqing.names['zh-Hans']);
    const leg = answer.routes[0]!.legs[0]!;
    expect(leg.geometry[0]).toEqual([chongqing.lon, chongqing.lat]);
    const withLocode = network.nodes.find((n) => n.locode !== null)!;
    expect((await plan({ from: withLocode.locode!.toLowerCase(), to: 'DE-DUISBURG' })).from.id).toBe(withLocode.id);
  });

  it('passes no node it was asked to avoid, however the node is written', async () => {
    const throughAlashankou = await plan({ from: 'CN-CHONGQING', to: 'DE-DUISBURG', modes: ['rail'] });
    expect(throughAlashankou.routes.some((r) => nodesOf(r).includes('CN-ALASHANKOU'))).toBe(true);
    const avoiding = await plan({ from: 'CN-CHONGQING', to: 'DE-DUISBURG', modes: ['rail'], avoidNodes: ['cn-alashankou'] });
    expect(avoiding.routes.length).toBeGreaterThan(0);
    for (const route of avoiding.routes) expect(nodesOf(route)).not.toContain('CN-ALASHANKOU');
    const unknown = await app.inject({ method: 'POST', url: '/api/logistics/routes', payload: { from: 'CN-XIAN', to: 'DE-DUISBURG', containers: [{ size: 20, count: 1 }], avoidNodes: ['CN-NOWHERE'] } });
    expect(errorCode(unknown)).toBe('UNKNOWN_PLACE');
  });

  it('goes round Alashankou through Khorgos when asked to avoid it', async () => {
    const avoiding = await plan({ from: 'CN-CHONGQING', to: 'DE-DUISBURG', modes: ['rail'], avoidNodes: ['CN-ALASHANKOU'] });
    expect(avoiding.routes.length).toBeGreaterThan(0);
    for (const route of avoiding.routes) expect(nodesOf(route)).toContain('CN-KHORGOS');
  });

  it('says the limit on border crossings cut every route when it allows too few', async () => {
    const answer = await plan({ from: 'CN-CHONGQING', to: 'DE-DUISBURG', modes: ['rail'], maxBorderCrossings: 1 });
    expect(answer.routes).toEqual([]);
    expect(answer.noRoute!.cutBy).toContain('maxBorderCrossings');
    expect(answer.noRoute!.message).toMatch(/^No route under these constraints\..*the limit on border crossings/);
  });

  it('departs no earlier than asked, and later when asked later', async () => {
    const query = { from: 'CN-CHONGQING', to: 'DE-DUISBURG', modes: ['rail'] };
    const december = await plan({ ...query, departAfter: DECEMBER });
    const later = '2026-12-15T08:00:00Z';
    const mid = await plan({ ...query, departAfter: later });
    expect(Date.parse(december.routes[0]!.departAt)).toBeGreaterThanOrEqual(Date.parse(DECEMBER));
    expect(Date.parse(mid.routes[0]!.departAt)).toBeGreaterThanOrEqual(Date.parse(later));
    expect(Date.parse(mid.routes[0]!.departAt)).toBeGreaterThan(Date.parse(december.routes[0]!.departAt));
  });

  it('refuses a departure time it cannot use, such as a leap second, instead of searching for ever', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/logistics/routes',
      headers: { 'accept-language': 'ru' },
      payload: { from: 'CN-QINGDAO', to: 'CN-DALIAN', containers: [{ size: 40, count: 1 }], departAfter: '2026-12-31T23:59:60Z' },
    });
    expect(response.statusCode).toBe(400);
    expect(errorCode(response)).toBe('INVALID_TIME');
    expect(response.json<{ error: { message: string } }>().error.message).toBe('departAfter: это время нельзя использовать (2026-12-31T23:59:60Z).');
  });

  it('leaves out routes within a tolerance on cost and CO2 of another, never a faster one, and refuses a tolerance above 0.5', async () => {
    const query = { from: 'CN-CHONGQING', to: 'DE-DUISBURG' };
    const exact = await plan(query);
    const tolerant = await plan({ ...query, tolerance: 0.1 });
    expect(tolerant.routes.length).toBeGreaterThan(0);
    // Here some route costs and emits within 10 % of one that arrives no later with no more transshipments.
    expect(tolerant.routes.length).toBeLessThan(exact.routes.length);
    const fastest = (answer: Answer) => answer.routes.find((r) => r.marks.includes('fastest'))!.arriveAt;
    expect(fastest(tolerant)).toBe(fastest(exact));
    expect((await plan({ ...query, tolerance: 0 })).routes.length).toBe(exact.routes.length);
    for (const tolerance of [0.9, -0.01]) {
      const refused = await app.inject({ method: 'POST', url: '/api/logistics/routes', payload: { ...query, containers: [{ size: 20, count: 1 }], tolerance } });
      expect(refused.statusCode).toBe(400);
      expect(errorCode(refused)).toBe('VALIDATION_FAILED');
    }
  });

  it('stops a search that reaches the configured limit and asks, in the asker’s language, to narrow it', async () => {
    const limited = await buildApp({ db, webDist: '/nonexistent', routeSearch: { maxLabels: 20, timeoutMs: 60_000 } });
    try {
      const payload = { from: 'CN-CHONGQING', to: 'DE-DUISBURG', containers: [{ size: 40, count: 1 }], departAfter: DECEMBER };
      const messages: Record<string, string> = {};
      for (const language of ['en', 'ru']) {
        const response = await limited.inject({ method: 'POST', url: '/api/logistics/routes', headers: { 'accept-language': language }, payload });
        expect(response.statusCode, response.body).toBe(422);
        expect(errorCode(response)).toBe('ROUTE_SEARCH_LIMIT');
        const { error } = response.json<{ error: { message: string; details: unknown[] } }>();
        expect(error.details).toEqual([{ limit: 'labels' }]);
        messages[language] = error.message;
      }
      expect(messages.en).toMatch(/^The route search was stopped.*tolerance/);
      expect(messages.ru).toMatch(/^Поиск маршрута остановлен.*допуск/);
      // The same request is answered by a server with the default limits.
      expect((await plan(payload)).routes.length).toBeGreaterThan(0);
    } finally {
      await limited.close();
    }
  });

  it('refuses places it does not know and malformed requests with clear codes', async () => {
    const unknown = await app.inject({ method: 'POST', url: '/api/logistics/routes', payload: { from: 'XX-NOWHERE', to: 'DE-DUISBURG', containers: [{ size: 20, count: 1 }] } });
    expect(unknown.statusCode).toBe(400);
    expect(errorCode(unknown)).toBe('UNKNOWN_PLACE');
    const farAway = await app.inject({ method: 'POST', url: '/api/logistics/routes', payload: { from: { lat: -45, lon: -120 }, to: 'DE-DUISBURG', containers: [{ size: 20, count: 1 }] } });
    expect(errorCode(farAway)).toBe('NO_NODE_NEAR');
    const badSize = await app.inject({ method: 'POST', url: '/api/logistics/routes', payload: { from: 'CN-XIAN', to: 'DE-DUISBURG', containers: [{ size: 30, count: 1 }] } });
    expect(errorCode(badSize)).toBe('VALIDATION_FAILED');
  });
});
