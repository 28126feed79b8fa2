import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyServerOptions } from 'fastify';
import { Type } from 'typebox';
import { DEFAULT_ROUTE_SEARCH, type RouteSearchSettings } from './config/env.ts';
import type { Database } from './db/database.ts';
import { currentMigrationVersion } from './db/migrate.ts';
import { installAccessControl } from './http/access.ts';
import type { App } from './http/app-types.ts';
import { installErrorHandling, sendError } from './http/error-handler.ts';
import { ErrorResponse, LocaleSchema } from './http/schemas.ts';
import { schemaValidators } from './http/validators.ts';
import { modules } from './modules/index.ts';
import { UserSchema } from './modules/accounts/schemas.ts';
import { IndicatorSchema, StateSchema, StatusEntrySchema } from './modules/org/schemas.ts';

const packageJson = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
export const VERSION = packageJson.version;
const WEB_DIST = fileURLToPath(new URL('../web/dist/', import.meta.url));

export interface AppOptions {
  db: Database;
  logger?: FastifyServerOptions['logger'];
  trustProxy?: boolean;
  /** Folder of the built web app; served at / when it exists. */
  webDist?: string;
  /** How much work one route-planning query may take; the defaults of an environment that sets none when absent. */
  routeSearch?: RouteSearchSettings;
}

/** Adds the `lang` parameter to every API route's query schema, so it is documented and validated like the rest. */
function acceptLangParameter(app: App): void {
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) return;
    const schema = (route.schema ??= {});
    const query = (schema.querystring ?? Type.Object({}, { additionalProperties: false })) as ReturnType<typeof Type.Object>;
    schema.querystring = {
      ...query,
      properties: { ...query.properties, lang: Type.Optional({ ...LocaleSchema, description: 'Language of names and messages; overrides Accept-Language' }) },
    };
  });
}

/** Builds the HTTP application: one error shape, declared access on every route, OpenAPI from the route schemas. */
export async function buildApp(options: AppOptions): Promise<App> {
  const { db } = options;
  const app = Fastify({
    logger: options.logger ?? false,
    trustProxy: options.trustProxy ?? false,
    bodyLimit: 1024 * 1024,
  }).withTypeProvider<TypeBoxTypeProvider>();
  const sharedSchemas = [ErrorResponse, UserSchema, StatusEntrySchema, StateSchema, IndicatorSchema];
  app.setValidatorCompiler(schemaValidators(sharedSchemas));

  // Only JSON bodies: a cross-site HTML form cannot send them without a CORS preflight.
  app.removeContentTypeParser('text/plain');
  await app.register(cookie);
  installErrorHandling(app);
  installAccessControl(app, db);
  acceptLangParameter(app);

  for (const schema of sharedSchemas) app.addSchema(schema);

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'SCO Hub API', version: VERSION, description: 'Every error answers `{ "error": { "code", "message" } }`; codes are listed in docs/errors.md.' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'scohub_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token' },
        },
      },
    },
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`) },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  app.addHook('onSend', async (_request, reply) => {
    void reply.header('X-Content-Type-Options', 'nosniff');
    void reply.header('X-Frame-Options', 'DENY');
    void reply.header('Referrer-Policy', 'same-origin');
  });

  app.get(
    '/api/health',
    {
      config: { access: 'public' },
      schema: {
        tags: ['platform'],
        summary: 'Liveness, database kind and applied migration version',
        response: {
          200: Type.Object({
            status: Type.Literal('ok'),
            database: Type.Union([Type.Literal('pglite'), Type.Literal('postgresql')]),
            migration: Type.Union([Type.String(), Type.Null()]),
            version: Type.String(),
          }),
        },
      },
    },
    async () => ({ status: 'ok' as const, database: db.kind, migration: await currentMigrationVersion(db), version: VERSION }),
  );

  const settings = { routeSearch: options.routeSearch ?? DEFAULT_ROUTE_SEARCH };
  for (const module of modules) await app.register(module.routes(db, settings), { prefix: module.prefix });

  const webDist = options.webDist ?? WEB_DIST;
  const hasWeb = existsSync(`${webDist}/index.html`);
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: webDist,
      wildcard: false,
      setHeaders: (res, path) => {
        res.header('Cache-Control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    // Missing built assets are real 404s (a stale page after a rebuild), not routes of the single-page app.
    if (hasWeb && request.method === 'GET' && !path.startsWith('/api/') && !path.startsWith('/assets/')) {
      return reply.header('Cache-Control', 'no-cache').sendFile('index.html');
    }
    return sendError(request, reply, 'NOT_FOUND', { method: request.method, path });
  });

  return app;
}
