import { alpha3ToAlpha2, alpha3ToNumeric } from 'i18n-iso-countries';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { State } from '../../api/types.ts';
import { isOneOf } from '../../api/types.ts';
import { PARTNER_GROUPS } from '../../api/trade.ts';
import { formatList } from '../../i18n/format.ts';
import { INTL_TAGS } from '../../i18n/locales.ts';
import { useLocale } from '../../i18n/useLocale.ts';

/**
 * Names and map codes for ISO alpha-3 codes: the registry's own names for SCO states, the browser's
 * region names (via alpha-2) for every other country, else the code itself.
 */
export function useCountries(states: readonly State[] | undefined) {
  const { t } = useTranslation();
  const locale = useLocale();

  return useMemo(() => {
    const registry = new Map((states ?? []).map((state) => [state.iso3, state]));
    const regions = new Intl.DisplayNames([INTL_TAGS[locale]], { type: 'region', fallback: 'none' });

    const name = (iso3: string): string => {
      if (iso3 === 'WLD') return t('trade.group.WLD');
      const state = registry.get(iso3);
      if (state) return state.names[locale];
      const alpha2 = alpha3ToAlpha2(iso3);
      return (alpha2 && regions.of(alpha2)) || iso3;
    };

    /** UN M49 code as the world map's regions are named, e.g. '643'. */
    const m49 = (iso3: string): string | undefined => registry.get(iso3)?.m49 ?? alpha3ToNumeric(iso3);

    /** A partners parameter in words: a group's name, a country's, or a list of countries. */
    const partnersName = (code: string): string => {
      if (isOneOf(PARTNER_GROUPS, code)) return t(`trade.group.${code}`);
      return formatList(code.split(',').map(name), locale);
    };

    return { name, m49, partnersName };
  }, [states, locale, t]);
}

export type Countries = ReturnType<typeof useCountries>;
