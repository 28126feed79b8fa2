import type { FastifyBaseLogger } from 'fastify';
import type { RouteSearchSettings } from '../../config/env.ts';
import type { Database } from '../../db/database.ts';
import type { HandWrittenMessages } from '../../errors/catalogue.ts';
import { DomainError } from '../../errors/domain-error.ts';
import { localise } from '../../errors/messages.ts';
import type { Locale } from '../../i18n/locale.ts';
import type { App } from '../../http/app-types.ts';
import { errorResponses } from '../../http/schemas.ts';
import { createPlanner, type CompiledPlanner, type RoutePlanner } from './engine/planner.ts';
import { SearchLimitReached } from './engine/search-limit.ts';
import { type CuttingConstraint, type PlannedRoute, type RouteQuery } from './engine/types.ts';
import { localName } from './network-api.ts';
import { networkCache, type NetworkSnapshot } from './network-cache.ts';
import { resolvePlace } from './places.ts';
import { plannerNetwork, type LinkRecord, type NetworkRecords, type NodeRecord } from './records.ts';
import { RouteAnswerBody, RouteRequest } from './schemas.ts';
import { freeTeu, plannerDepartures, timetablesVersion } from '../trains/store.ts';

/** What each constraint is called in "lifting one of these would give one". */
const CUT_MESSAGES: Record<CuttingConstraint, HandWrittenMessages> = {
  modes: { en: 'the modes allowed', ru: 'разрешённые виды транспорта', 'zh-Hans': '所允许的运输方式' },
  avoidCountries: { en: 'the countries to avoid', ru: 'страны, которые нужно обойти', 'zh-Hans': '需避开的国家' },
  avoidNodes: { en: 'the places to avoid', ru: 'пункты, которые нужно обойти', 'zh-Hans': '需避开的地点' },
  maxBorderCrossings: { en: 'the limit on border crossings', ru: 'ограничение числа пересечений границ', 'zh-Hans': '过境次数上限' },
  maxTransshipments: { en: 'the limit on transshipments', ru: 'ограничение числа перевалок', 'zh-Hans': '换装次数上限' },
  allowUnderConstruction: { en: 'links still under construction', ru: 'участки, которые ещё строятся', 'zh-Hans': '尚在建设中的线路' },
  capacity: { en: 'the free capacity of the scheduled departures', ru: 'свободная вместимость рейсов по расписанию', 'zh-Hans': '定期班次的剩余舱位' },
};

const NOT_CONNECTED: HandWrittenMessages = { en: 'No route: the network does not connect these places.', ru: 'Маршрута нет: сеть не соединяет эти пункты.', 'zh-Hans': '无可行路线：网络未连通这两个地点。' };
const CUT: HandWrittenMessages = {
  en: 'No route under these constraints. Lifting one of these would give one: {reasons}.',
  ru: 'При этих ограничениях маршрута нет. Он появится, если снять одно из них: {reasons}.',
  'zh-Hans': '在这些限制下没有路线。取消以下任一项即可找到路线：{reasons}。',
};
const REASON_SEPARATOR: HandWrittenMessages = { en: '; ', ru: '; ', 'zh-Hans': '；' };

function noRouteMessage(cutBy: readonly CuttingConstraint[], locale: Locale): string {
  if (cutBy.length === 0) return localise(NOT_CONNECTED, locale);
  const reasons = cutBy.map((c) => localise(CUT_MESSAGES[c], locale)).join(localise(REASON_SEPARATOR, locale));
  return localise(CUT, locale, { reasons });
}

/** The network's nodes and links by id, for naming and drawing the routes of an answer. */
interface Lookup {
  nodes: ReadonlyMap<string, NodeRecord>;
  links: ReadonlyMap<string, LinkRecord>;
}

interface Compiled extends Lookup {
  records: NetworkRecords;
  planner: CompiledPlanner;
}

/** Departures that left this long ago are still compiled in: a run under way may be boarded at a later stop. */
const RUNS_UNDER_WAY_MINUTES = 7 * 24 * 60;

/**
 * The planner compiled from the network as stored and the trains' scheduled departures, with its nodes and links by
 * id. It is compiled again when the network's version moves (an edit on any server instance) or a service is added;
 * before each query it takes the TEU each departure has left as booked now, so a full departure is never offered.
 */
function compiledPlanner(db: Database): () => Promise<Compiled> {
  const network = networkCache(db);
  let latest: { snapshot: NetworkSnapshot; timetables: string; compiled: Compiled } | undefined;
  return async () => {
    const snapshot = await network.current();
    const timetables = await timetablesVersion(db);
    const since = Math.floor(Date.now() / 60_000) - RUNS_UNDER_WAY_MINUTES;
    if (latest?.snapshot === snapshot && latest.timetables === timetables) {
      latest.compiled.planner.updateTeuLeft(await freeTeu(db, since));
      return latest.compiled;
    }
    const records = snapshot.network;
    const compiled = {
      records,
      planner: createPlanner(plannerNetwork(records), await plannerDepartures(db, since)),
      nodes: new Map(records.nodes.map((n) => [n.id, n])),
      links: new Map(records.links.map((l) => [l.id, l])),
    };
    latest = { snapshot, timetables, compiled };
    return compiled;
  };
}

const minutesToIso = (minutes: number) => new Date(minutes * 60_000).toISOString();
const hours = (minutes: number) => Math.round((minutes / 60) * 100) / 100;
const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

function presentRoute(route: PlannedRoute, { nodes, links }: Lookup, locale: Locale) {
  const stop = (id: string) => {
    const node = nodes.get(id)!;
    return { id, name: localName(node.names, locale), country: node.country };
  };
  const inHours = (b: PlannedRoute['breakdown']['minutes']) => ({ moving: hours(b.moving), waiting: hours(b.waiting), transshipment: hours(b.transshipment), customs: hours(b.customs), gaugeChange: hours(b.gaugeChange) });
  const inUsd = (b: PlannedRoute['breakdown']['usd']) => ({ moving: round(b.moving), waiting: round(b.waiting), transshipment: round(b.transshipment), customs: round(b.customs), gaugeChange: round(b.gaugeChange) });
  return {
    departAt: minutesToIso(route.departAt),
    arriveAt: minutesToIso(route.arriveAt),
    hours: hours(route.minutes),
    usd: round(route.usd),
    co2Kg: round(route.co2Kg, 1),
    transshipments: route.transshipments,
    borderCrossings: route.borderCrossings,
    gaugeChanges: route.gaugeChanges,
    distanceKm: round(route.distanceKm, 0),
    marks: [...route.marks],
    breakdown: { hours: inHours(route.breakdown.minutes), usd: inUsd(route.breakdown.usd), co2Kg: { moving: round(route.breakdown.co2Kg.moving, 1), transshipment: round(route.breakdown.co2Kg.transshipment, 1) } },
    legs: route.legs.map((leg) => ({
      from: stop(leg.from),
      to: stop(leg.to),
      mode: leg.mode,
      gauge: leg.gauge ?? null,
      links: [...leg.links],
      departureId: leg.departureId ?? null,
      serviceName: leg.serviceName ?? null,
      departAt: minutesToIso(leg.departAt),
      arriveAt: minutesToIso(leg.arriveAt),
      distanceKm: round(leg.distanceKm, 0),
      usd: round(leg.usd),
      co2Kg: round(leg.co2Kg, 1),
      handlingBeforeHours: { transshipment: hours(leg.handlingBefore.transshipment), gaugeChange: hours(leg.handlingBefore.gaugeChange) },
      handlingBeforeUsd: round(leg.handlingBefore.usd),
      customs: { hours: hours(leg.customs.minutes), usd: round(leg.customs.usd) },
      geometry: legGeometry(leg.links, leg.from, links),
    })),
  };
}

/** The leg's points in travel order: each link's geometry, reversed when the leg runs it from its `to` end. */
function legGeometry(linkIds: readonly string[], start: string, links: Lookup['links']): [number, number][] {
  const points: [number, number][] = [];
  let at = start;
  for (const id of linkIds) {
    const link = links.get(id)!;
    const forward = link.from === at;
    const line = forward ? link.geometry : [...link.geometry].reverse();
    points.push(...(points.length > 0 ? line.slice(1) : line));
    at = forward ? link.to : link.from;
  }
  return points;
}

/**
 * Plans one query within the server's limits, so that no query holds the server for long. A query that reaches one
 * has no known answer (not "no route"): the asker is told to narrow it.
 */
function planWithin(planner: RoutePlanner, query: RouteQuery, settings: RouteSearchSettings, log: FastifyBaseLogger) {
  try {
    return planner.plan(query, { maxLabels: settings.maxLabels, deadline: performance.now() + settings.timeoutMs });
  } catch (error) {
    if (!(error instanceof SearchLimitReached)) throw error;
    log.warn({ query, limit: error.limit, settings }, 'route search stopped at its limit');
    throw new DomainError('ROUTE_SEARCH_LIMIT', {}, [{ limit: error.limit }]);
  }
}

/** `searchLimits`: how much work one query may take (`ROUTE_SEARCH_MAX_LABELS`, `ROUTE_SEARCH_TIMEOUT_MS`). */
export function planningRoutes(db: Database, searchLimits: RouteSearchSettings) {
  const planner = compiledPlanner(db);
  return async (app: App) => {
    app.post(
      '/routes',
      {
        config: { access: 'public' },
        schema: {
          tags: ['logistics'],
          summary: 'Plan routes for containers: the Pareto-optimal set over door-to-door time, cost, CO2 and transshipments',
          body: RouteRequest,
          response: { 200: RouteAnswerBody, ...errorResponses(400, 422) },
        },
      },
      async (request) => {
        const compiled = await planner();
        const { records, planner: plan } = compiled;
        const body = request.body;
        const departAfter = body.departAfter ? Date.parse(body.departAfter) : Date.now();
        if (!Number.isFinite(departAfter)) throw new DomainError('INVALID_TIME', { field: 'departAfter', value: body.departAfter ?? '' });
        const avoidCountries = body.avoidCountries?.map((c) => c.toUpperCase());
        const avoidNodes = body.avoidNodes?.map((place) => resolvePlace(records, place).id);
        const usable = { modes: body.modes, allowUnderConstruction: body.allowUnderConstruction ?? false, avoidCountries, avoidNodes };
        const from = resolvePlace(records, body.from, usable);
        const to = resolvePlace(records, body.to, usable);
        const query: RouteQuery = {
          from: from.id,
          to: to.id,
          containers: body.containers,
          cargoTonnes: body.cargoTonnes,
          departAfter: Math.floor(departAfter / 60_000),
          modes: body.modes,
          avoidCountries,
          avoidNodes,
          maxBorderCrossings: body.maxBorderCrossings,
          maxTransshipments: body.maxTransshipments,
          allowUnderConstruction: body.allowUnderConstruction,
          tolerance: body.tolerance,
        };
        const answer = planWithin(plan, query, searchLimits, request.log);
        const stop = (node: typeof from) => ({ id: node.id, name: localName(node.names, request.locale), country: node.country });
        if (!answer.found) return { from: stop(from), to: stop(to), routes: [], noRoute: { cutBy: [...answer.cutBy], message: noRouteMessage(answer.cutBy, request.locale) } };
        return { from: stop(from), to: stop(to), routes: answer.routes.map((r) => presentRoute(r, compiled, request.locale)) };
      },
    );
  };
}
