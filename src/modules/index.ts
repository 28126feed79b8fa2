import type { Config } from '../config/env.ts';
import type { Database, Queryable } from '../db/database.ts';
import type { App } from '../http/app-types.ts';
import { accountRoutes } from './accounts/routes.ts';
import { loadLogisticsReference } from './logistics/reference-load.ts';
import { logisticsRoutes } from './logistics/routes.ts';
import { orgRoutes } from './org/routes.ts';
import { loadOrgReference } from './org/reference/load.ts';
import { tradeRoutes } from './trade/routes.ts';
import { trainRoutes } from './trains/routes.ts';

/** The settings a module's routes are built with, from the validated environment. */
export type ModuleSettings = Pick<Config, 'routeSearch'>;

/** A vertical slice of the platform: its routes under `/api/<prefix>` and the reference data it ships. */
export interface PlatformModule {
  name: string;
  prefix: string;
  routes(db: Database, settings: ModuleSettings): (app: App) => Promise<void>;
  loadReference?(tx: Queryable): Promise<Record<string, number>>;
}

export const modules: readonly PlatformModule[] = [
  { name: 'accounts', prefix: '/api/auth', routes: accountRoutes },
  { name: 'org', prefix: '/api/org', routes: orgRoutes, loadReference: loadOrgReference },
  { name: 'trade', prefix: '/api/trade', routes: tradeRoutes },
  { name: 'logistics', prefix: '/api/logistics', routes: logisticsRoutes, loadReference: loadLogisticsReference },
  { name: 'trains', prefix: '/api/trains', routes: trainRoutes },
];
