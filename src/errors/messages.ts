import { toTraditional } from '../i18n/chinese.ts';
import type { Locale } from '../i18n/locale.ts';
import { errorCatalogue, type ErrorCode } from './catalogue.ts';
import type { ErrorParams } from './domain-error.ts';

const traditional = new Map<ErrorCode, string>();

function template(code: ErrorCode, locale: Locale): string {
  const { messages } = errorCatalogue[code];
  if (locale !== 'zh-Hant') return messages[locale];
  let text = traditional.get(code);
  if (text === undefined) {
    text = toTraditional(messages['zh-Hans']);
    traditional.set(code, text);
  }
  return text;
}

/** The message of `code` in `locale`, with `{name}` placeholders filled from `params`. */
export function errorMessage(code: ErrorCode, locale: Locale, params: ErrorParams = {}): string {
  return template(code, locale).replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}
