import { useTranslation } from 'react-i18next';
import type { Indicator } from '../../api/types.ts';
import { Quote } from '../../components/Quote.tsx';
import { SourceText } from '../../components/SourceText.tsx';
import { textLang } from '../../components/textLang.ts';
import { useIndicatorText } from '../../i18n/useIndicatorText.ts';
import { formatNumber, valueCarriesUnit } from '../../i18n/format.ts';
import { useLocale } from '../../i18n/useLocale.ts';

interface Props {
  indicators: Indicator[];
  /** A reporter or partner code in words: a state's name or a group such as "SCO member states". */
  partyName: (code: string) => string;
}

export function IndicatorTable({ indicators, partyName }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const text = useIndicatorText();
  if (indicators.length === 0) return <p className="muted">{t('indicator.none')}</p>;

  const parties = (indicator: Indicator) => {
    if (indicator.reporter && indicator.partner)
      return t('indicator.reporterPartner', { reporter: partyName(indicator.reporter), partner: partyName(indicator.partner) });
    const single = indicator.reporter ?? indicator.partner;
    return single ? partyName(single) : null;
  };

  return (
    <div className="table-scroll">
      <table className="data-table indicators" data-testid="indicator-table">
        <caption className="visually-hidden">{t('indicator.heading')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('indicator.subject')}</th>
            <th scope="col">{t('indicator.metric')}</th>
            <th scope="col">{t('indicator.period')}</th>
            <th scope="col" className="numeric">
              {t('indicator.value')}
            </th>
            <th scope="col">{t('indicator.unit')}</th>
            <th scope="col">{t('indicator.qualifier')}</th>
            <th scope="col">{t('indicator.sourceAndQuote')}</th>
          </tr>
        </thead>
        <tbody>
          {indicators.map((indicator) => (
            <tr key={indicator.id}>
              <td className="subject">
                <span lang={textLang(indicator.subject)}>{indicator.subject}</span>
                {parties(indicator) && <span className="parties">{parties(indicator)}</span>}
              </td>
              <td>{text.metricName(indicator.metric)}</td>
              <td className="period">
                {text.period(indicator.period)}
                {indicator.basePeriod && (
                  <span className="parties">{t('indicator.basePeriod', { period: text.period(indicator.basePeriod) })}</span>
                )}
              </td>
              <td className="numeric" title={formatNumber(indicator.value, locale)}>
                {text.value(indicator)}
              </td>
              <td>{valueCarriesUnit(indicator.unit) ? <span className="muted">{text.unitName(indicator.unit)}</span> : text.unitName(indicator.unit)}</td>
              <td>{t(`qualifier.${indicator.qualifier}`)}</td>
              <td className="source-cell">
                <SourceText source={indicator.source} />
                <Quote quote={indicator.quote} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
