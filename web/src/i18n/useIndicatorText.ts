import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { GROUPS, METRICS, UNITS, isOneOf, type Indicator } from '../api/types.ts';
import { formatCompact, formatIndicatorValue, formatPeriod } from './format.ts';
import { useLocale } from './useLocale.ts';

/** Words for reported figures: metric and unit names, and values with their unit and qualifier. */
export function useIndicatorText() {
  const { t } = useTranslation();
  const locale = useLocale();

  const metricName = useCallback((metric: string) => (isOneOf(METRICS, metric) ? t(`metric.${metric}`) : metric), [t]);
  const unitName = useCallback((unit: string) => (isOneOf(UNITS, unit) ? t(`unit.${unit}`) : unit), [t]);
  const groupName = useCallback((code: string) => (isOneOf(GROUPS, code) ? t(`group.${code}`) : undefined), [t]);

  /** The bare number, formatted for its unit (money and percent carry their unit). */
  const value = useCallback((indicator: Pick<Indicator, 'value' | 'unit'>) => formatIndicatorValue(indicator.value, indicator.unit, locale), [locale]);

  /** The number with its unit and qualifier, as a sentence fragment: "about 34 million km²", "超过32亿人". */
  const quantity = useCallback(
    (indicator: Pick<Indicator, 'value' | 'unit' | 'qualifier'>) => {
      let text: string;
      if (indicator.unit === 'km2') text = t('quantity.km2', { value: formatCompact(indicator.value, locale) });
      else if (indicator.unit === 'persons') text = t('quantity.persons', { value: formatCompact(indicator.value, locale) });
      else text = value(indicator);
      if (indicator.qualifier === 'about') return t('qualifier.aboutValue', { value: text });
      if (indicator.qualifier === 'over') return t('qualifier.overValue', { value: text });
      return text;
    },
    [t, locale, value],
  );

  const period = useCallback((text: string) => formatPeriod(text, locale), [locale]);

  return { metricName, unitName, groupName, value, quantity, period };
}
