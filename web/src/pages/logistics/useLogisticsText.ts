import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { INTL_TAGS } from '../../i18n/locales.ts';
import { useLocale } from '../../i18n/useLocale.ts';

/** Numbers, money, durations and times of the logistics page, written as the interface language writes them. */
export function useLogisticsText() {
  const { t } = useTranslation();
  const locale = useLocale();

  return useMemo(() => {
    const tag = INTL_TAGS[locale];
    const usdFormat = new Intl.NumberFormat(tag, { style: 'currency', currency: 'USD', currencyDisplay: 'narrowSymbol', maximumFractionDigits: 0 });
    const kgFormat = new Intl.NumberFormat(tag, { style: 'unit', unit: 'kilogram', maximumFractionDigits: 0 });
    const kmFormat = new Intl.NumberFormat(tag, { style: 'unit', unit: 'kilometer', maximumFractionDigits: 0 });
    const numberFormat = new Intl.NumberFormat(tag, { maximumFractionDigits: 1 });
    const timeFormat = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
    const shortTimeFormat = new Intl.DateTimeFormat(tag, { dateStyle: 'short', timeStyle: 'short', timeZone: 'UTC' });

    /** Hours as days and hours: 12 d 5 h, 5 h. */
    const duration = (hours: number): string => {
      const whole = Math.round(hours);
      const days = Math.floor(whole / 24);
      const rest = whole % 24;
      return days > 0 ? t('logistics.duration', { days, hours: rest }) : t('logistics.hours', { hours: numberFormat.format(hours) });
    };

    return {
      usd: (value: number) => usdFormat.format(value),
      co2: (kg: number) => kgFormat.format(kg),
      km: (km: number) => kmFormat.format(km),
      number: (value: number) => numberFormat.format(value),
      time: (iso: string) => timeFormat.format(new Date(iso)),
      shortTime: (iso: string) => shortTimeFormat.format(new Date(iso)),
      duration,
      /** Handling time, shown to the tenth of an hour. */
      hours: (hours: number) => t('logistics.hours', { hours: numberFormat.format(hours) }),
    };
  }, [locale, t]);
}

export type LogisticsText = ReturnType<typeof useLogisticsText>;
