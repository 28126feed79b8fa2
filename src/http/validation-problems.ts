import type { FastifySchemaValidationError } from 'fastify/types/schema.js';
import { toTraditional } from '../i18n/chinese.ts';
import type { Locale } from '../i18n/locale.ts';

const phrases: Record<Exclude<Locale, 'zh-Hant'>, { missing: string; unknown: string; invalid: string }> = {
  en: { missing: 'missing field {path}', unknown: 'unknown field {path}', invalid: '{path} {detail}' },
  ru: { missing: 'нет поля {path}', unknown: 'неизвестное поле {path}', invalid: '{path}: {detail}' },
  'zh-Hans': { missing: '缺少字段 {path}', unknown: '未知字段 {path}', invalid: '{path}：{detail}' },
};
const traditional = Object.fromEntries(
  Object.entries(phrases['zh-Hans']).map(([key, text]) => [key, toTraditional(text)]),
) as (typeof phrases)['zh-Hans'];

export interface ValidationProblem {
  path: string;
  keyword: string;
  message: string;
}

/** Turns Ajv errors into paths a client can act on, e.g. `body.organisation.name`. */
export function toProblems(errors: readonly FastifySchemaValidationError[], context: string | undefined): ValidationProblem[] {
  return errors.map((error) => {
    const base = [context ?? 'request', ...error.instancePath.split('/').filter(Boolean)];
    const params = error.params;
    if (error.keyword === 'required' && typeof params.missingProperty === 'string') base.push(params.missingProperty);
    if (error.keyword === 'additionalProperties' && typeof params.additionalProperty === 'string') base.push(params.additionalProperty);
    return { path: base.join('.'), keyword: error.keyword, message: error.message ?? 'is invalid' };
  });
}

/** One sentence naming the first problem in the user's language. */
export function describeProblem(problem: ValidationProblem, locale: Locale): string {
  const words = locale === 'zh-Hant' ? traditional : phrases[locale];
  const template =
    problem.keyword === 'required' ? words.missing : problem.keyword === 'additionalProperties' ? words.unknown : words.invalid;
  return template.replace('{path}', problem.path).replace('{detail}', problem.message);
}
