import { useTranslation } from 'react-i18next';
import type { TradeSummary } from '../../api/trade.ts';
import { formatList } from '../../i18n/format.ts';
import { useLocale } from '../../i18n/useLocale.ts';
import type { Countries } from './useCountries.ts';
import type { TradeSelection } from './useTradeQuery.ts';
import { useTradeText } from './useTradeText.ts';

interface Props {
  summary: TradeSummary;
  selection: TradeSelection;
  countries: Countries;
  what: string;
}

/** The value of the chosen flow, its change on a year earlier and, with a base year, its multiple of it. */
export function SummaryCards({ summary, selection, countries, what }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const text = useTradeText();
  const { value, previous, growthPercent, multiple } = summary;
  // A group is worth spelling out: its members are those of the period, not of today.
  const members = summary.partners.members.length > 1 ? formatList(summary.partners.members.map(countries.name), locale) : null;

  return (
    <section className="summary-cards" aria-label={t('trade.summary.heading')} data-testid="trade-summary">
      <article className="card">
        <h3>{t('trade.summary.value', { flow: t(`trade.flow.${selection.flow}`), period: text.period(summary.period) })}</h3>
        <p className={value.ok ? 'figure' : 'figure not-computable'} title={value.ok ? t('trade.summary.exact', { value: text.exactMoney(value.value) }) : undefined} data-testid="trade-summary-value">
          {text.moneyFigure(value)}
        </p>
        <p className="meta">{what}</p>
        {members && <p className="meta members">{t('trade.summary.members', { names: members })}</p>}
      </article>
      <article className="card">
        <h3>{t('trade.summary.growth', { period: text.period(summary.previousPeriod) })}</h3>
        <p className={growthPercent.ok ? 'figure' : 'figure not-computable'} data-testid="trade-summary-growth">
          {growthPercent.ok ? text.growth(growthPercent.value) : text.notComputable(growthPercent)}
        </p>
        <p className="meta">{t('trade.summary.previous', { period: text.period(summary.previousPeriod), value: text.moneyFigure(previous) })}</p>
      </article>
      <article className="card">
        {summary.basePeriod && multiple ? (
          <>
            <h3>{t('trade.summary.multiple', { period: text.period(summary.basePeriod) })}</h3>
            <p className={multiple.ok ? 'figure' : 'figure not-computable'} data-testid="trade-summary-multiple">
              {multiple.ok ? text.multiple(multiple.value) : text.notComputable(multiple)}
            </p>
          </>
        ) : (
          <>
            <h3>{t('trade.summary.multipleNone')}</h3>
            <p className="muted">{t('trade.summary.multipleHint')}</p>
          </>
        )}
      </article>
    </section>
  );
}
