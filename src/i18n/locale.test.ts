import { describe, expect, it } from 'vitest';
import { matchLocale, negotiateLocale } from './locale.ts';

describe('request language', () => {
  it.each([
    ['zh-CN', 'zh-Hans'],
    ['zh', 'zh-Hans'],
    ['zh-Hans-SG', 'zh-Hans'],
    ['zh-TW', 'zh-Hant'],
    ['zh-HK', 'zh-Hant'],
    ['zh-Hant', 'zh-Hant'],
    ['ru-KZ', 'ru'],
    ['en-GB', 'en'],
    ['kk', undefined],
  ])('maps %s to %s', (tag, locale) => {
    expect(matchLocale(tag)).toBe(locale);
  });

  it('honours q-values and skips languages the platform does not speak', () => {
    expect(negotiateLocale('kk-KZ, ru;q=0.9, en;q=0.8')).toBe('ru');
    expect(negotiateLocale('en;q=0.5, zh-TW;q=0.9')).toBe('zh-Hant');
    expect(negotiateLocale('fr, de;q=0.5')).toBeUndefined();
    expect(negotiateLocale('ru;q=0, en')).toBe('en');
    expect(negotiateLocale(undefined)).toBeUndefined();
  });
});
