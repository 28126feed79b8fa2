import type { LinkStatus, Mode, NodeKind } from '../../../src/modules/logistics/engine/types.ts';
import type { presentCorridors, presentLink, presentNode } from '../../../src/modules/logistics/network-api.ts';
import type { networkGeoJson } from '../../../src/modules/logistics/network-geojson.ts';
import type { LinkBody, NodeBody, PlannedRouteBody, RouteAnswerBody, RouteRequest } from '../../../src/modules/logistics/schemas.ts';
import { api, withQuery } from './client.ts';
import { everyOf } from './types.ts';

export type { LinkBody, LinkStatus, Mode, NodeBody, NodeKind, RouteRequest };

export const MODES = everyOf<Mode>()(['rail', 'road', 'sea', 'inland_water']);
export const LINK_STATUSES = everyOf<LinkStatus>()(['open', 'under_construction', 'closed']);
export const NODE_KINDS = everyOf<NodeKind>()(['city', 'rail_terminal', 'dry_port', 'multimodal_hub', 'border_crossing', 'seaport']);
export const CONTAINER_SIZES = [20, 40] as const;
export type ContainerSize = (typeof CONTAINER_SIZES)[number];

type Collection = ReturnType<typeof networkGeoJson>;
type NodeFeatureOf<F> = F extends { properties: { type: 'node' } } ? F : never;
type LinkFeatureOf<F> = F extends { properties: { type: 'link' } } ? F : never;

/** A node as the network endpoint sends it: the GeoJSON feature, with its name in the request's language beside its names. */
export type NodeFeature = NodeFeatureOf<Collection['features'][number]> & { properties: { name: string } };
export type LinkFeature = LinkFeatureOf<Collection['features'][number]>;
export type Corridor = ReturnType<typeof presentCorridors>[number];

export interface Network extends Omit<Collection, 'features' | 'corridors'> {
  features: (NodeFeature | LinkFeature)[];
  corridors: Corridor[];
}

export const isNodeFeature = (feature: NodeFeature | LinkFeature): feature is NodeFeature => feature.properties.type === 'node';
export const isLinkFeature = (feature: NodeFeature | LinkFeature): feature is LinkFeature => feature.properties.type === 'link';

export const networkPath = (query: { mode?: Mode; status?: LinkStatus } = {}) => withQuery('/api/logistics/network', query);

export const ROUTE_MARKS = ['fastest', 'cheapest', 'greenest', 'fewest_transshipments'] as const satisfies readonly PlannedRouteBody['marks'][number][];
export type RouteMark = (typeof ROUTE_MARKS)[number];

/** The planner's answer, as the server's response schema declares it. */
export type RouteAnswer = RouteAnswerBody;
export type PlannedRoute = PlannedRouteBody;
export type RouteLeg = PlannedRoute['legs'][number];
export type Stop = RouteLeg['from'];
/** Where time or money goes along a route. */
export type Amounts = PlannedRoute['breakdown']['hours'];

export const planRoutes = (request: RouteRequest) => api.post<RouteAnswer>('/api/logistics/routes', request);

/* Editing the network (administrators only). */

export type LogisticsNode = ReturnType<typeof presentNode>;
export type LogisticsLink = ReturnType<typeof presentLink>;
/** A handling figure as the API exchanges it: minutes and dollars per 20′ and 40′ container. */
export type HandlingFigures = LogisticsNode['transshipment'];
/** A source of the network's figures, cited by id. */
export type NetworkSource = Network['sources'][number];

const nodePath = (id: string) => `/api/logistics/nodes/${encodeURIComponent(id)}`;
const linkPath = (id: string) => `/api/logistics/links/${encodeURIComponent(id)}`;

export const addNode = (body: NodeBody) => api.post<LogisticsNode>('/api/logistics/nodes', body);
export const saveNode = (body: NodeBody) => api.put<LogisticsNode>(nodePath(body.id), body);
export const deleteNode = (id: string) => api.delete<undefined>(nodePath(id));

export const addLink = (body: LinkBody) => api.post<LogisticsLink>('/api/logistics/links', body);
export const saveLink = (body: LinkBody) => api.put<LogisticsLink>(linkPath(body.id), body);
export const deleteLink = (id: string) => api.delete<undefined>(linkPath(id));
