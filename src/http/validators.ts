import { Ajv, type AnySchema } from 'ajv';
import addFormatsPlugin from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';

// ajv-formats is CommonJS; its default export arrives wrapped under ESM.
const addFormats = ((addFormatsPlugin as unknown as { default?: typeof addFormatsPlugin }).default ?? addFormatsPlugin) as unknown as (ajv: Ajv) => Ajv;

function makeAjv(coerceTypes: false | 'array', shared: readonly AnySchema[]): Ajv {
  const ajv = new Ajv({ removeAdditional: false, useDefaults: true, coerceTypes, allErrors: false, strict: false });
  addFormats(ajv);
  for (const schema of shared) ajv.addSchema(schema);
  return ajv;
}

/**
 * Query strings, path parameters and headers arrive as text, so their types are coerced; JSON bodies are typed
 * already and are taken as sent, so a number is never silently turned into a string (or the reverse).
 */
export function schemaValidators(shared: readonly AnySchema[]): FastifySchemaCompiler<AnySchema> {
  const strict = makeAjv(false, shared);
  const coercing = makeAjv('array', shared);
  return ({ schema, httpPart }) => (httpPart === 'body' ? strict : coercing).compile(schema);
}
