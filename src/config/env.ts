import { isAbsolute, resolve } from 'node:path';

/** The validated environment, read once at boot. `.env.sample` documents every variable. */
export interface Config {
  port: number;
  host: string;
  /** A postgres:// URL; undefined selects the embedded PGlite database. */
  databaseUrl: string | undefined;
  /** Folder for the embedded database and other local state. */
  dataDir: string;
  /** Trust X-Forwarded-* headers from a reverse proxy (needed for Secure cookies behind HTTPS). */
  trustProxy: boolean;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** How much work one route-planning query may take before it is stopped. */
  routeSearch: RouteSearchSettings;
}

export interface RouteSearchSettings {
  /** Partial routes one query may create. */
  maxLabels: number;
  /** Milliseconds one query may search. */
  timeoutMs: number;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`Invalid environment variable ${variable}: ${problem}`);
  }
}

type Env = Record<string, string | undefined>;

function readPort(env: Env): number {
  const raw = env.PORT?.trim();
  if (raw === undefined || raw === '') return 3000;
  if (!/^\d+$/.test(raw)) throw new ConfigError('PORT', `"${raw}" is not a port number (0–65535)`);
  const port = Number(raw);
  if (port > 65535) throw new ConfigError('PORT', `${port} is above 65535`);
  return port;
}

function readHost(env: Env): string {
  const raw = env.HOST?.trim();
  if (raw === undefined || raw === '') return '127.0.0.1';
  if (!/^[A-Za-z0-9.:\-[\]]+$/.test(raw)) throw new ConfigError('HOST', `"${raw}" is not a host name or IP address`);
  return raw;
}

function readDatabaseUrl(env: Env): string | undefined {
  const raw = env.DATABASE_URL?.trim();
  if (raw === undefined || raw === '') return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('DATABASE_URL', 'is not a URL; expected postgres://user:password@host:5432/database');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError('DATABASE_URL', `scheme "${url.protocol.replace(/:$/, '')}" is not supported; expected postgres:// or postgresql://`);
  }
  if (url.pathname === '' || url.pathname === '/') throw new ConfigError('DATABASE_URL', 'names no database; expected postgres://…/database');
  return raw;
}

function readDataDir(env: Env, cwd: string): string {
  const raw = env.DATA_DIR?.trim();
  if (raw === undefined || raw === '') return resolve(cwd, 'data');
  if (raw.includes('\0')) throw new ConfigError('DATA_DIR', 'contains a NUL character');
  return isAbsolute(raw) ? raw : resolve(cwd, raw);
}

function readBoolean(env: Env, name: string): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return false;
  if (['1', 'true', 'yes'].includes(raw)) return true;
  if (['0', 'false', 'no'].includes(raw)) return false;
  throw new ConfigError(name, `"${raw}" is not a boolean (true or false)`);
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

function readLogLevel(env: Env): Config['logLevel'] {
  const raw = env.LOG_LEVEL?.trim();
  if (raw === undefined || raw === '') return 'info';
  const level = LOG_LEVELS.find((l) => l === raw);
  if (!level) throw new ConfigError('LOG_LEVEL', `"${raw}" is not one of ${LOG_LEVELS.join(', ')}`);
  return level;
}

function readPositiveInteger(env: Env, name: string, fallback: number): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) === 0 || !Number.isSafeInteger(Number(raw))) throw new ConfigError(name, `"${raw}" is not a positive whole number`);
  return Number(raw);
}

/**
 * The route planner's limits when the environment sets none. A query is planned on the request's thread, so the time
 * limit is how long one request may hold a server instance: kept short, since anyone may ask.
 */
export const DEFAULT_ROUTE_SEARCH: Readonly<RouteSearchSettings> = { maxLabels: 2_000_000, timeoutMs: 2_000 };

/** The route planner's limits per query: `ROUTE_SEARCH_MAX_LABELS` (default 2,000,000) and `ROUTE_SEARCH_TIMEOUT_MS` (default 2 s). */
function readRouteSearch(env: Env): RouteSearchSettings {
  return {
    maxLabels: readPositiveInteger(env, 'ROUTE_SEARCH_MAX_LABELS', DEFAULT_ROUTE_SEARCH.maxLabels),
    timeoutMs: readPositiveInteger(env, 'ROUTE_SEARCH_TIMEOUT_MS', DEFAULT_ROUTE_SEARCH.timeoutMs),
  };
}

/** Reads and validates the environment; throws a ConfigError naming the first bad variable. */
export function loadConfig(env: Env = process.env, cwd = process.cwd()): Config {
  return {
    port: readPort(env),
    host: readHost(env),
    databaseUrl: readDatabaseUrl(env),
    dataDir: readDataDir(env, cwd),
    trustProxy: readBoolean(env, 'TRUST_PROXY'),
    logLevel: readLogLevel(env),
    routeSearch: readRouteSearch(env),
  };
}
