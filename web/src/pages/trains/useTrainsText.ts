import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { INTL_TAGS } from '../../i18n/locales.ts';
import { useLocale } from '../../i18n/useLocale.ts';
import { useLogisticsText } from '../logistics/useLogisticsText.ts';

/** Times, days, delays and shares of the trains page, as the interface language writes them (times in UTC). */
export function useTrainsText() {
  const { t } = useTranslation();
  const locale = useLocale();
  const logistics = useLogisticsText();

  return useMemo(() => {
    const tag = INTL_TAGS[locale];
    const dayFormat = new Intl.DateTimeFormat(tag, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    const clockFormat = new Intl.DateTimeFormat(tag, { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });
    const percentFormat = new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 1 });
    const signedPercent = new Intl.NumberFormat(tag, { style: 'unit', unit: 'percent', maximumFractionDigits: 1, signDisplay: 'exceptZero' });
    const integerFormat = new Intl.NumberFormat(tag, { maximumFractionDigits: 0 });

    /** A delay against the plan: late, early or on time. */
    const delay = (minutes: number) => {
      if (minutes === 0) return t('trains.tracking.onTime');
      const duration = logistics.duration(Math.abs(minutes) / 60);
      return minutes > 0 ? t('trains.tracking.late', { duration }) : t('trains.tracking.early', { duration });
    };

    return {
      ...logistics,
      /** A day of departures: "Monday 7 December 2026". */
      day: (isoDay: string) => dayFormat.format(new Date(`${isoDay}T00:00:00Z`)),
      clock: (iso: string) => clockFormat.format(new Date(iso)),
      /** A share from 0 to 1 as a percentage. */
      share: (value: number) => percentFormat.format(value),
      /** A change already in percent, with its sign. */
      growth: (percent: number) => signedPercent.format(percent),
      integer: (value: number) => integerFormat.format(value),
      delay,
    };
  }, [locale, t, logistics]);
}

export type TrainsText = ReturnType<typeof useTrainsText>;
