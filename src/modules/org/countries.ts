import { createRequire } from 'node:module';
import countries from 'i18n-iso-countries';
import { DomainError } from '../../errors/domain-error.ts';
import { toTraditional } from '../../i18n/chinese.ts';
import type { Locale } from '../../i18n/locale.ts';

const require = createRequire(import.meta.url);
for (const lang of ['en', 'ru', 'zh']) countries.registerLocale(require(`i18n-iso-countries/langs/${lang}.json`) as countries.LocaleData);

export type LocalisedNames = Record<Locale, string>;

export interface CountryCodes {
  iso3: string;
  iso2: string;
  /** UN M49 numeric code, three digits with leading zeros. */
  m49: string;
}

/** Normalises an ISO 3166-1 alpha-3 code, or throws UNKNOWN_COUNTRY. */
export function assertCountryCode(code: string): string {
  const iso3 = code.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(iso3) || !countries.isValid(iso3)) throw new DomainError('UNKNOWN_COUNTRY', { code });
  return iso3;
}

export function countryCodes(iso3Input: string): CountryCodes {
  const iso3 = assertCountryCode(iso3Input);
  return { iso3, iso2: countries.alpha3ToAlpha2(iso3)!, m49: countries.alpha3ToNumeric(iso3)! };
}

/** Common short names (China rather than People's Republic of China); zh-Hant is converted from zh-Hans by OpenCC. */
export function countryNames(iso3Input: string): LocalisedNames {
  const iso3 = assertCountryCode(iso3Input);
  const name = (lang: string) => countries.getName(iso3, lang, { select: 'alias' }) ?? iso3;
  const zhHans = name('zh');
  return { en: name('en'), ru: name('ru'), 'zh-Hans': zhHans, 'zh-Hant': toTraditional(zhHans) };
}
