import { Type, type TLiteral, type TSchema, type TUnion } from 'typebox';
import { LOCALES } from '../i18n/locale.ts';

export const LocaleSchema = Type.Union(LOCALES.map((l) => Type.Literal(l)));

export const ErrorResponse = Type.Object(
  {
    error: Type.Object({
      code: Type.String({ description: 'Stable machine-readable code, listed in docs/errors.md' }),
      message: Type.String({ description: "Human-readable message in the request's language" }),
      details: Type.Optional(Type.Array(Type.Unknown())),
    }),
  },
  { $id: 'ErrorResponse' },
);

/** Standard error responses a route documents besides its success response. */
export function errorResponses(...statuses: number[]): Record<number, TSchema> {
  return Object.fromEntries(statuses.map((status) => [status, Type.Ref('ErrorResponse')]));
}

/** ISO 3166-1 alpha-3, case-insensitive on input. */
export const Iso3 = Type.String({ pattern: '^[A-Za-z]{3}$', description: 'ISO 3166-1 alpha-3 code' });

export const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'Calendar date YYYY-MM-DD' });

/** A union of string literals that keeps its static type, e.g. `'member' | 'observer'`. */
export function literalUnion<const T extends readonly string[]>(values: T, description?: string): TUnion<{ -readonly [K in keyof T]: TLiteral<T[K]> }> {
  return Type.Union(
    values.map((v) => Type.Literal(v)),
    description === undefined ? {} : { description },
  ) as unknown as TUnion<{ -readonly [K in keyof T]: TLiteral<T[K]> }>;
}
