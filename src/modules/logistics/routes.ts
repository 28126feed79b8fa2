import { Type } from 'typebox';
import type { Database } from '../../db/database.ts';
import type { App } from '../../http/app-types.ts';
import { errorResponses } from '../../http/schemas.ts';
import { linkRecordOf, localName, nodeRecordOf, presentCorridors, presentLink, presentNode } from './network-api.ts';
import { networkGeoJson } from './network-geojson.ts';
import { planningRoutes } from './planning-routes.ts';
import { CorridorSchema, LinkBody, LinkParams, LinkSchema, NetworkQuery, NodeBody, NodeParams, NodeSchema } from './schemas.ts';
import { addLink, addNode, deleteLink, deleteNode, getLink, getNode, loadNetwork, updateLink, updateNode } from './store.ts';

const ADMIN = ['admin'] as const;
const TAGS = ['logistics'];

export function logisticsRoutes(db: Database) {
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
      async (request) => {
        const network = await loadNetwork(db);
        const { mode, status } = request.query;
        const links = network.links.filter((l) => (mode === undefined || l.mode === mode) && (status === undefined || l.status === status));
        const collection = networkGeoJson({ ...network, links });
        // Each feature also carries its name in the request's language, for maps that show one name.
        for (const feature of collection.features) {
          if (feature.properties.type === 'node') Object.assign(feature.properties, { name: localName(feature.properties.names, request.locale) });
        }
        return { ...collection, corridors: presentCorridors({ ...network, links }, request.locale) };
      },
    );

    app.get(
      '/corridors',
      {
        config: { access: 'public' },
        schema: { tags: TAGS, summary: 'The corridors, each with the ids of its links', response: { 200: Type.Object({ corridors: Type.Array(Type.Ref('LogisticsCorridor')) }) } },
      },
      async (request) => ({ corridors: presentCorridors(await loadNetwork(db), request.locale) }),
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

    await app.register(planningRoutes(db));
  };
}
