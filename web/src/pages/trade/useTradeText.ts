import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { isOneOf } from '../../api/types.ts';
import { FLOWS, NOT_COMPUTABLE_REASONS, type Money, type NotComputable, type Num } from '../../api/trade.ts';
import { formatList, formatMoney, formatPeriod } from '../../i18n/format.ts';
import { INTL_TAGS } from '../../i18n/locales.ts';
import { useLocale } from '../../i18n/useLocale.ts';

const PERIOD = /^\d{4}(-\d{2})?(\/\d{4}-\d{2})?$/;

/** Words and numbers of the trade page: money, shares, growth and the reasons a figure is missing. */
export function useTradeText() {
  const { t } = useTranslation();
  const locale = useLocale();

  return useMemo(() => {
    const tag = INTL_TAGS[locale];
    const percentFormat = (digits: number, signed: boolean) =>
      new Intl.NumberFormat(tag, { style: 'unit', unit: 'percent', maximumFractionDigits: digits, signDisplay: signed ? 'exceptZero' : 'auto' });
    const exactMoney = new Intl.NumberFormat(tag, { style: 'currency', currency: 'USD', currencyDisplay: 'code' });
    const axisMoney = new Intl.NumberFormat(tag, { style: 'currency', currency: 'USD', currencyDisplay: 'narrowSymbol', notation: 'compact', maximumSignificantDigits: 3 });
    const plain = (digits: number) => new Intl.NumberFormat(tag, { maximumFractionDigits: digits });

    const money = (value: string) => formatMoney(value, 'USD', locale);

    const missingItem = (item: string) => {
      if (PERIOD.test(item)) return formatPeriod(item, locale);
      return isOneOf(FLOWS, item) ? t(`trade.flow.${item}`) : item;
    };

    /** Why a figure is missing, with the months or flows the data lack when the server names them. */
    const reasonOf = (figure: NotComputable) => {
      const reason = isOneOf(NOT_COMPUTABLE_REASONS, figure.reason) ? t(`trade.reason.${figure.reason}`) : figure.reason;
      if (!figure.missing || figure.missing.length === 0) return reason;
      return `${reason} (${t('trade.missing', { items: formatList(figure.missing.map(missingItem), locale) })})`;
    };

    const notComputable = (figure: NotComputable) => t('trade.notComputable', { reason: reasonOf(figure) });

    return {
      money,
      /** Every cent, for titles and tables where the rounded figure is not enough. */
      exactMoney: (value: string) => exactMoney.format(value as Intl.StringNumericLiteral),
      /** Short money for chart axes: $150bn, $1500亿, 150 млрд $. */
      axisMoney: (value: number) => axisMoney.format(value),
      moneyFigure: (figure: Money) => (figure.ok ? money(figure.value) : notComputable(figure)),
      percent: (value: number, digits = 1) => percentFormat(digits, false).format(value),
      growth: (value: number) => percentFormat(1, true).format(value),
      share: (figure: Num) => (figure.ok ? percentFormat(2, false).format(figure.value) : notComputable(figure)),
      number: (value: number | string, digits = 2) => plain(digits).format(typeof value === 'number' ? value : (value as Intl.StringNumericLiteral)),
      multiple: (value: number) => t('trade.summary.multipleValue', { value: plain(1).format(value) }),
      period: (period: string) => formatPeriod(period, locale),
      notComputable,
      reasonOf,
    };
  }, [t, locale]);
}

export type TradeText = ReturnType<typeof useTradeText>;
