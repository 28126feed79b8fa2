/** The languages the platform speaks. zh-Hant text is generated from zh-Hans with OpenCC. */
export const LOCALES = ['zh-Hans', 'zh-Hant', 'ru', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** Maps one BCP 47 tag to a platform locale: zh-TW, zh-HK, zh-MO and zh-Hant-* are Traditional. */
export function matchLocale(tag: string): Locale | undefined {
  const lower = tag.trim().toLowerCase();
  if (lower === '' || lower === '*') return undefined;
  if (lower.startsWith('zh')) {
    return /^zh-(hant|tw|hk|mo)\b/.test(lower) ? 'zh-Hant' : 'zh-Hans';
  }
  if (lower === 'ru' || lower.startsWith('ru-')) return 'ru';
  if (lower === 'en' || lower.startsWith('en-')) return 'en';
  return undefined;
}

/** Picks the best locale from an Accept-Language header, honouring q-values. */
export function negotiateLocale(acceptLanguage: string | undefined): Locale | undefined {
  if (!acceptLanguage) return undefined;
  const ranked = acceptLanguage
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return { tag, q: q === undefined ? 1 : Number(q), index };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const entry of ranked) {
    const locale = matchLocale(entry.tag);
    if (locale) return locale;
  }
  return undefined;
}
