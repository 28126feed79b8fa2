import { describe, expect, it } from 'vitest';
import {
  formatCompact,
  formatDate,
  formatIndicatorValue,
  formatList,
  formatMoney,
  formatPercent,
  formatPeriod,
  formatSince,
  todayIso,
} from '../../web/src/i18n/format.ts';
import { pickLocale } from '../../web/src/i18n/locales.ts';

describe('money in each language', () => {
  it('writes 343 300 000 000 USD as each language abbreviates it', () => {
    expect(formatMoney('343300000000', 'USD', 'zh-Hans')).toContain('亿');
    expect(formatMoney('343300000000', 'USD', 'zh-Hans')).toContain('3433');
    expect(formatMoney('343300000000', 'USD', 'zh-Hant')).toContain('億');
    expect(formatMoney('343300000000', 'USD', 'ru')).toContain('млрд');
    expect(formatMoney('343300000000', 'USD', 'ru')).toContain('343,3');
    expect(formatMoney('343300000000', 'USD', 'en')).toContain('billion');
    expect(formatMoney('343300000000', 'USD', 'en')).toContain('343.3');
  });

  it('names the currency in the language', () => {
    expect(formatMoney('343300000000', 'USD', 'zh-Hans')).toContain('美元');
    expect(formatMoney('30000000000', 'CNY', 'zh-Hans')).toContain('人民币');
    expect(formatMoney('343300000000', 'USD', 'ru')).toContain('доллар');
    expect(formatMoney('343300000000', 'USD', 'en')).toContain('US dollars');
  });

  it('keeps small amounts whole', () => {
    expect(formatMoney('3289', 'USD', 'en')).toBe('3,289.00 US dollars');
  });
});

describe('numbers', () => {
  it('abbreviates only large numbers', () => {
    expect(formatCompact('3200000000', 'zh-Hans')).toBe('32亿');
    expect(formatCompact('23000000000000', 'ru')).toContain('трлн');
    expect(formatCompact('34000000', 'en')).toBe('34 million');
    expect(formatCompact('10622', 'ru')).toBe('10\u00a0622');
    expect(formatCompact('6500', 'en')).toBe('6,500');
  });

  it('formats decimal strings exactly', () => {
    expect(formatIndicatorValue('0.1234567890123456789', 'count', 'en')).toBe('0.1234567890123456789');
  });

  it('treats percent values as already multiplied by 100', () => {
    expect(formatPercent('40', 'en')).toBe('40%');
    expect(formatPercent('40', 'ru')).toMatch(/^40\s%$/);
    expect(formatIndicatorValue('25', 'percent', 'zh-Hans')).toBe('25%');
  });
});

describe('dates and periods', () => {
  it('writes the founding date in each language', () => {
    expect(formatDate('2001-06-15', 'zh-Hans')).toBe('2001年6月15日');
    expect(formatDate('2001-06-15', 'ru')).toBe('15 июня 2001 г.');
    expect(formatDate('2001-06-15', 'en')).toBe('15 June 2001');
  });

  it('shows a year-only date as the year and an unsourced date as nothing', () => {
    expect(formatSince('2010-01-01', 'year', 'en')).toBe('2010');
    expect(formatSince('2010-01-01', 'year', 'zh-Hant')).toBe('2010年');
    expect(formatSince(null, 'unknown', 'en')).toBeNull();
  });

  it('formats reported periods and ranges', () => {
    expect(formatPeriod('2021', 'zh-Hans')).toBe('2021年');
    expect(formatPeriod('2022-09', 'en')).toBe('September 2022');
    expect(formatPeriod('2022-01/2022-07', 'en')).toMatch(/^January\s–\sJuly 2022$/);
    expect(formatPeriod('2022-01/2022-07', 'zh-Hans')).toBe('2022年1月至2022年7月');
    expect(formatPeriod('2022-01/2022-07', 'ru')).toContain('январь');
  });

  it('gives today as YYYY-MM-DD in local time', () => {
    expect(todayIso(new Date(2022, 8, 30, 23, 59))).toBe('2022-09-30');
  });
});

describe('lists and language choice', () => {
  it('joins names as each language lists them', () => {
    expect(formatList(['中国', '印度', '俄罗斯'], 'zh-Hans')).toBe('中国、印度和俄罗斯');
    expect(formatList(['Китай', 'Индия', 'Россия'], 'ru')).toBe('Китай, Индия и Россия');
  });

  it('maps the browser languages to ours', () => {
    expect(pickLocale(['zh-TW', 'en'])).toBe('zh-Hant');
    expect(pickLocale(['zh-HK'])).toBe('zh-Hant');
    expect(pickLocale(['zh-Hant-MO'])).toBe('zh-Hant');
    expect(pickLocale(['zh-CN'])).toBe('zh-Hans');
    expect(pickLocale(['zh'])).toBe('zh-Hans');
    expect(pickLocale(['ru-KZ'])).toBe('ru');
    expect(pickLocale(['de-DE', 'ru'])).toBe('ru');
    expect(pickLocale(['fr'])).toBe('en');
    expect(pickLocale([])).toBe('en');
  });
});
