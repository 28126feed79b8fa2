import { INTL_TAGS, type Locale } from './locales.ts';

type Decimal = string | number;

// Intl formats decimal strings exactly (no trip through floating point) since ES2023.
function exact(value: Decimal): number | Intl.StringNumericLiteral {
  return typeof value === 'number' ? value : (value.trim() as Intl.StringNumericLiteral);
}

function isLarge(value: Decimal): boolean {
  return Math.abs(Number(value)) >= 1_000_000;
}

// English readers expect "billion" spelled out; Russian and Chinese write млрд and 亿/億 as the short form.
function compactOptions(locale: Locale): Intl.NumberFormatOptions {
  return { notation: 'compact', compactDisplay: locale === 'en' ? 'long' : 'short', maximumSignificantDigits: 4 };
}

export function formatNumber(value: Decimal, locale: Locale): string {
  return new Intl.NumberFormat(INTL_TAGS[locale], { maximumFractionDigits: 20 }).format(exact(value));
}

/** Large numbers as each language abbreviates them: 3433亿, 3433億, 343,3 млрд, 343.3 billion. */
export function formatCompact(value: Decimal, locale: Locale): string {
  if (!isLarge(value)) return formatNumber(value, locale);
  return new Intl.NumberFormat(INTL_TAGS[locale], compactOptions(locale)).format(exact(value));
}

/** An amount of money with the currency named in the language: 3433亿美元, 343,3 млрд долларов США. */
export function formatMoney(value: Decimal, currency: string, locale: Locale): string {
  const options: Intl.NumberFormatOptions = { style: 'currency', currency, currencyDisplay: 'name' };
  return new Intl.NumberFormat(INTL_TAGS[locale], isLarge(value) ? { ...options, ...compactOptions(locale) } : options).format(exact(value));
}

/** A value already expressed in percent (40 means 40 %). */
export function formatPercent(value: Decimal, locale: Locale): string {
  return new Intl.NumberFormat(INTL_TAGS[locale], { style: 'unit', unit: 'percent', maximumFractionDigits: 20 }).format(exact(value));
}

const CURRENCIES = new Set(['USD', 'CNY', 'RUB', 'EUR', 'INR', 'KZT']);

/** The number of a reported figure, formatted for its unit; the unit's name is shown separately unless it is money or percent. */
export function formatIndicatorValue(value: string, unit: string, locale: Locale): string {
  if (CURRENCIES.has(unit)) return formatMoney(value, unit, locale);
  if (unit === 'percent') return formatPercent(value, locale);
  return formatCompact(value, locale);
}

/** Whether formatIndicatorValue already names the unit. */
export function valueCarriesUnit(unit: string): boolean {
  return CURRENCIES.has(unit) || unit === 'percent';
}

function utc(isoDate: string): number {
  const [y = 0, m = 1, d = 1] = isoDate.split('-').map(Number);
  return Date.UTC(y, m - 1, d);
}

export function formatDate(isoDate: string, locale: Locale): string {
  return new Intl.DateTimeFormat(INTL_TAGS[locale], { dateStyle: 'long', timeZone: 'UTC' }).format(utc(isoDate));
}

export function formatYear(year: string | number, locale: Locale): string {
  return new Intl.DateTimeFormat(INTL_TAGS[locale], { year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(Number(year), 0, 1));
}

/** A status date at the precision its source gives; null when no source dates it. */
export function formatSince(since: string | null, precision: 'day' | 'year' | 'unknown', locale: Locale): string | null {
  if (since === null || precision === 'unknown') return null;
  return precision === 'year' ? formatYear(since.slice(0, 4), locale) : formatDate(since, locale);
}

function pointOptions(point: string): Intl.DateTimeFormatOptions {
  if (point.length === 4) return { year: 'numeric', timeZone: 'UTC' };
  if (point.length === 7) return { year: 'numeric', month: 'long', timeZone: 'UTC' };
  return { dateStyle: 'long', timeZone: 'UTC' };
}

/** A reported period: 2021, 2022-09, 2022-01-05, or a range such as 2022-01/2022-07. */
export function formatPeriod(period: string, locale: Locale): string {
  const [start = '', end] = period.split('/');
  const tag = INTL_TAGS[locale];
  if (!/^\d{4}(-\d{2}){0,2}$/.test(start)) return period;
  const format = new Intl.DateTimeFormat(tag, pointOptions(start));
  if (end === undefined) return format.format(utc(start));
  if (!/^\d{4}(-\d{2}){0,2}$/.test(end)) return period;
  // CLDR's Chinese month ranges come out numeric (2022/1 – 2022/7); spell both ends as 2022年1月 instead.
  if (locale === 'zh-Hans' || locale === 'zh-Hant') return `${format.format(utc(start))}至${format.format(utc(end))}`;
  return format.formatRange(utc(start), utc(end));
}

/** Today in the browser's time zone as YYYY-MM-DD. */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Names joined as the language lists them: 中国、印度和俄罗斯; Китай, Индия и Россия. */
export function formatList(items: readonly string[], locale: Locale): string {
  return new Intl.ListFormat(INTL_TAGS[locale], { style: 'long', type: 'conjunction' }).format(items);
}
