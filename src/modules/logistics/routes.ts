import { Type, type Static } from 'typebox';
import type { Database } from '../../db/database.ts';
import type { App } from '../../http/app-types.ts';
import type { Locale } from '../../i18n/locale.ts';
import { errorResponses } from '../../http/schemas.ts';
import type { ModuleSettings } from '../index.ts';
import { linkRecordOf, linksByCorridor, localName, nodeRecordOf, presentCorridors, presentLink, presentNode } from './network-api.ts';
import { networkCache, perVersion, type NetworkCache, type NetworkSnapshot } from './network-cache.ts';
import { networkGeoJson } from './network-geojson.ts';
import { planningRoutes } from './planning-routes.ts';
import { CorridorSchema, LinkBody, LinkParams, LinkSchema, NetworkQuery, NodeBody, NodeParams, NodeSchema } from './schemas.ts';
import { addLink, addNode, deleteLink, deleteNode, getLink, getNode, updateLink, updateNode } from './store.ts';

const ADMIN = ['admin'] as const;
const TAGS = ['logistics'];

/**
 * The network as GeoJSON for one request. The collection and each corridor's links are worked out once per network
 * version and shared; the mode and status filters and the names in the request's language go on top, leaving the
 * shared copies as they are.
 */
function networkPresenter(network: NetworkCache, corridorLinks: (snapshot: NetworkSnapshot) => ReadonlyMap<string, readonly string[]>) {
  const geoJson = perVersion((snapshot) => networkGeoJson(snapshot.network));
  return async ({ mode, status }: Static<typeof NetworkQuery>, locale: Locale) => {
    const snapshot = await network.current();
    const collection = geoJson(snapshot);
    const shown = (link: { mode: string; status: string }) => (mode === undefined || link.mode === mode) && (status === undefined || link.status === status);
    const features = collection.features
      .filter((feature) => feature.properties.type === 'node' || shown(feature.properties))
      // Each node also carries its name in the request's language, for maps that show one name.
      .map((feature) => (feature.properties.type === 'node' ? { ...feature, properties: { ...feature.properties, name: localName(feature.properties.names, locale) } } : feature));
    const linksOf = corridorLinks(snapshot);
    const filtered = mode !== undefined || status !== undefined;
    const shownLinks = filtered ? new Set(snapshot.network.links.filter(shown).map((l) => l.id)) : undefined;
    return { ...collection, features, corridors: presentCorridors(snapshot.network.corridors, linksOf, locale, shownLinks && ((id) => shownLinks.has(id))) };
  };
}

export function logisticsRoutes(db: Database, settings: ModuleSettings) {
  const network = networkCache(db);
  const corridorLinks = perVersion((snapshot) => linksByCorridor(snapshot.network));
  const presentNetwork = networkPresenter(network, corridorLinks);
  return async (app: App) => {
    app.addSchema(NodeSchema);
    app.addSchema(LinkSchema);
    app.addSchema(CorridorSchema);

    app.get(
      '/network',
      {
        config: { access: 'public' },
        schema: {
          tags: TAGS,
          summary: 'The whole network as GeoJSON: nodes as Points, links as LineStrings, corridors and sources beside them (docs/network.md)',
          querystring: NetworkQuery,
          response: { 200: Type.Object({ type: Type.Literal('FeatureCollection') }, { additionalProperties: true }), ...errorResponses(400) },
        },
      },
      async (request) => presentNetwork(request.query, request.locale),
    );

    app.get(
      '/corridors',
      {
        config: { access: 'public' },
        schema: { tags: TAGS, summary: 'The corridors, each with the ids of its links', response: { 200: Type.Object({ corridors: Type.Array(Type.Ref('LogisticsCorridor')) }) } },
      },
      async (request) => {
        const snapshot = await network.current();
        return { corridors: presentCorridors(snapshot.network.corridors, corridorLinks(snapshot), request.locale) };
      },
    );

    app.get(
      '/nodes/:id',
      { config: { access: 'public' }, schema: { tags: TAGS, summary: 'One node', params: NodeParams, response: { 200: Type.Ref('LogisticsNode'), ...errorResponses(400, 404) } } },
      async (request) => presentNode(await getNode(db, request.params.id), request.locale),
    );

    app.post(
      '/nodes',
      {
        config: { access: ADMIN },
        schema: { tags: TAGS, summary: 'Add a node', body: NodeBody, response: { 201: Type.Ref('LogisticsNode'), ...errorResponses(400, 401, 403, 409) } },
      },
      async (request, reply) => {
        const node = await db.transaction((tx) => addNode(tx, nodeRecordOf(request.body)));
        return reply.status(201).send(presentNode(node, request.locale));
      },
    );

    app.put(
      '/nodes/:id',
      {
        config: { access: ADMIN },
        schema: { tags: TAGS, summary: 'Rewrite a node (its id stays)', params: NodeParams, body: NodeBody, response: { 200: Type.Ref('LogisticsNode'), ...errorResponses(400, 401, 403, 404, 409) } },
      },
      async (request) => presentNode(await db.transaction((tx) => updateNode(tx, nodeRecordOf({ ...request.body, id: request.params.id }))), request.locale),
    );

    app.delete(
      '/nodes/:id',
      {
        config: { access: ADMIN },
        schema: { tags: TAGS, summary: 'Delete a node no link uses', params: NodeParams, response: { 204: Type.Null(), ...errorResponses(400, 401, 403, 404, 409) } },
      },
      async (request, reply) => {
        await db.transaction((tx) => deleteNode(tx, request.params.id));
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/links/:id',
      { config: { access: 'public' }, schema: { tags: TAGS, summary: 'One link', params: LinkParams, response: { 200: Type.Ref('LogisticsLink'), ...errorResponses(400, 404) } } },
      async (request) => presentLink(await getLink(db, request.params.id)),
    );

    app.post(
      '/links',
      {
        config: { access: ADMIN },
        schema: { tags: TAGS, summary: 'Add a link between two nodes', body: LinkBody, response: { 201: Type.Ref('LogisticsLink'), ...errorResponses(400, 401, 403, 404, 409) } },
      },
      async (request, reply) => {
        const link = await db.transaction(async (tx) => addLink(tx, await linkRecordOf(tx, request.body)));
        return reply.status(201).send(presentLink(link));
      },
    );

    app.put(
      '/links/:id',
      {
        config: { access: ADMIN },
        schema: { tags: TAGS, summary: 'Rewrite a link (its id stays)', params: LinkParams, body: LinkBody, response: { 200: Type.Ref('LogisticsLink'), ...errorResponses(400, 401, 403, 404) } },
      },
      async (request) => presentLink(await db.transaction(async (tx) => updateLink(tx, await linkRecordOf(tx, { ...request.body, id: request.params.id })))),
    );

    app.delete(
      '/links/:id',
      {
        config: { access: ADMIN },
        schema: { tags: TAGS, summary: 'Delete a link', params: LinkParams, response: { 204: Type.Null(), ...errorResponses(400, 401, 403, 404) } },
      },
      async (request, reply) => {
        await db.transaction((tx) => deleteLink(tx, request.params.id));
        return reply.status(204).send(null);
      },
    );

    await app.register(planningRoutes(db, settings.routeSearch));
  };
}
