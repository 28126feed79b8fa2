/** The languages the platform speaks; zh-Hant text is generated from zh-Hans. */
export const LOCALES = ['zh-Hans', 'zh-Hant', 'ru', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

/** Each language written in itself, for the language switcher. */
export const NATIVE_NAMES: Record<Locale, string> = {
  'zh-Hans': '简体中文',
  'zh-Hant': '繁體中文',
  ru: 'Русский',
  en: 'English',
};

/** Intl tags with a region, so numbers and dates follow one written convention per language. */
export const INTL_TAGS: Record<Locale, string> = {
  'zh-Hans': 'zh-Hans-CN',
  'zh-Hant': 'zh-Hant-TW',
  ru: 'ru-RU',
  en: 'en-GB',
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** Maps a BCP 47 tag to a platform locale: zh-TW, zh-HK, zh-MO and zh-Hant are Traditional, other Chinese Simplified. */
export function matchLocale(tag: string): Locale | undefined {
  const lower = tag.trim().toLowerCase();
  if (lower.startsWith('zh')) return /^zh-(hant|tw|hk|mo)\b/.test(lower) ? 'zh-Hant' : 'zh-Hans';
  if (lower === 'ru' || lower.startsWith('ru-')) return 'ru';
  if (lower === 'en' || lower.startsWith('en-')) return 'en';
  return undefined;
}

/** The first of the browser's preferred languages we speak, else English. */
export function pickLocale(preferred: readonly string[]): Locale {
  for (const tag of preferred) {
    const locale = matchLocale(tag);
    if (locale) return locale;
  }
  return DEFAULT_LOCALE;
}
