import { toTraditional } from '../i18n/chinese.ts';
import type { Locale } from '../i18n/locale.ts';
import { errorCatalogue, type ErrorCode, type HandWrittenMessages } from './catalogue.ts';
import type { ErrorParams } from './domain-error.ts';
import { importProblemCatalogue, type ImportProblem } from './import-problems.ts';
import { fillPlaceholders } from './template.ts';

// Keyed by the Simplified text, so every catalogue shares one conversion per message.
const traditional = new Map<string, string>();

function template(messages: HandWrittenMessages, locale: Locale): string {
  if (locale !== 'zh-Hant') return messages[locale];
  let text = traditional.get(messages['zh-Hans']);
  if (text === undefined) {
    text = toTraditional(messages['zh-Hans']);
    traditional.set(messages['zh-Hans'], text);
  }
  return text;
}

/** Hand-written messages in `locale` (zh-Hant converted from zh-Hans with OpenCC), placeholders filled. */
export function localise(messages: HandWrittenMessages, locale: Locale, params: ErrorParams = {}): string {
  return fillPlaceholders(template(messages, locale), params);
}

/** The message of `code` in `locale`, with `{name}` placeholders filled from `params`. */
export function errorMessage(code: ErrorCode, locale: Locale, params: ErrorParams = {}): string {
  return localise(errorCatalogue[code].messages, locale, params);
}

/** What is wrong with a row, a column mapping or a file being imported, in `locale`. */
export function importProblemMessage(problem: ImportProblem, locale: Locale): string {
  return localise(importProblemCatalogue[problem.code].messages, locale, problem.params);
}
