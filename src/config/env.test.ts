import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './env.ts';

const load = (env: Record<string, string>) => loadConfig(env, '/srv/scohub');

function problemWith(env: Record<string, string>): ConfigError {
  try {
    load(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
  }
  throw new Error('expected a ConfigError');
}

describe('the environment', () => {
  it('defaults to the embedded database under ./data on 127.0.0.1:3000', () => {
    expect(load({})).toEqual({
      port: 3000,
      host: '127.0.0.1',
      databaseUrl: undefined,
      dataDir: '/srv/scohub/data',
      trustProxy: false,
      logLevel: 'info',
      routeSearch: { maxLabels: 2_000_000, timeoutMs: 2_000 },
    });
  });

  it('reads every variable it documents', () => {
    const config = load({
      PORT: '8080',
      HOST: '0.0.0.0',
      DATABASE_URL: 'postgresql://hub:secret@db.internal:5432/scohub',
      DATA_DIR: 'var/hub',
      TRUST_PROXY: 'true',
      LOG_LEVEL: 'warn',
      ROUTE_SEARCH_MAX_LABELS: '500000',
      ROUTE_SEARCH_TIMEOUT_MS: '2500',
    });
    expect(config).toMatchObject({ port: 8080, host: '0.0.0.0', dataDir: '/srv/scohub/var/hub', trustProxy: true, logLevel: 'warn', routeSearch: { maxLabels: 500_000, timeoutMs: 2500 } });
    expect(config.databaseUrl).toBe('postgresql://hub:secret@db.internal:5432/scohub');
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ HOST: 'bad host!' }, 'HOST'],
    [{ DATABASE_URL: 'not a url' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'mysql://u@h/db' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'postgres://u@h:5432' }, 'DATABASE_URL'],
    [{ TRUST_PROXY: 'maybe' }, 'TRUST_PROXY'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ ROUTE_SEARCH_MAX_LABELS: '0' }, 'ROUTE_SEARCH_MAX_LABELS'],
    [{ ROUTE_SEARCH_MAX_LABELS: '1e6' }, 'ROUTE_SEARCH_MAX_LABELS'],
    [{ ROUTE_SEARCH_TIMEOUT_MS: '-5' }, 'ROUTE_SEARCH_TIMEOUT_MS'],
    [{ ROUTE_SEARCH_TIMEOUT_MS: 'ten seconds' }, 'ROUTE_SEARCH_TIMEOUT_MS'],
  ])('rejects %j with a message naming %s', (env, variable) => {
    const error = problemWith(env);
    expect(error.variable).toBe(variable);
    expect(error.message).toContain(variable);
  });
});
