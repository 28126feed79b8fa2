import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { setRequestLocale } from '../api/client.ts';
import en from './locales/en.json';
import ru from './locales/ru.json';
import zhHans from './locales/zh-Hans.json';
import zhHant from './locales/zh-Hant.json';
import { LOCALES, isLocale, pickLocale, type Locale } from './locales.ts';

const STORAGE_KEY = 'scohub.locale';

function storedLocale(): Locale | undefined {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLocale(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** The language remembered in this browser, else the first of the browser's languages we speak. */
export function initialLocale(): Locale {
  return storedLocale() ?? pickLocale(navigator.languages.length > 0 ? navigator.languages : [navigator.language]);
}

/** Switches the interface, the <html lang>, the API's Accept-Language and the browser's memory to one language. */
export function applyLocale(locale: Locale): void {
  void i18next.changeLanguage(locale);
  document.documentElement.lang = locale;
  setRequestLocale(locale);
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Storage may be disabled (private mode); the choice then lasts for this page only.
  }
}

export function setUpI18n(): Locale {
  const locale = initialLocale();
  void i18next.use(initReactI18next).init({
    resources: {
      en: { translation: en },
      ru: { translation: ru },
      'zh-Hans': { translation: zhHans },
      'zh-Hant': { translation: zhHant },
    },
    lng: locale,
    fallbackLng: 'en',
    supportedLngs: [...LOCALES],
    load: 'currentOnly',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = locale;
  setRequestLocale(locale);
  return locale;
}
