import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { tradePath, type Claim, type ClaimsResponse } from '../../api/trade.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { Loading } from '../../components/Loading.tsx';
import { Quote } from '../../components/Quote.tsx';
import { textLang } from '../../components/textLang.ts';
import { useIndicatorText } from '../../i18n/useIndicatorText.ts';
import { CsvLink } from './CsvLink.tsx';
import { SyntheticBadge } from './SyntheticBadge.tsx';
import type { Countries } from './useCountries.ts';
import { useTradeResource } from './useTradeResource.ts';
import { useTradeText, type TradeText } from './useTradeText.ts';

const DEFAULT_TOLERANCE = '1';

function inUnit(value: string, unit: string, text: TradeText): string {
  if (unit === 'USD') return text.money(value);
  if (unit === 'percent') return text.percent(Number(value));
  if (unit === 'times') return text.multiple(Number(value));
  return text.number(value);
}

/** A signed difference in the claim's unit; percentages differ by percentage points. */
function signedDifference(check: Claim['check'], text: TradeText, points: (value: string) => string): string {
  const value = Number(check.difference);
  const sign = value > 0 ? '+' : '';
  if (check.unit === 'USD') return `${sign}${text.money(check.difference ?? '0')}`;
  if (check.unit === 'percent') return points(`${sign}${text.number(value, 1)}`);
  return `${sign}${text.number(value, 2)}`;
}

function allowedText(check: Claim['check'], text: TradeText, points: (value: string) => string): string {
  const allowed = check.allowedDifference ?? '0';
  if (check.unit === 'USD') return `±${text.money(allowed)}`;
  if (check.unit === 'percent') return points(`±${text.number(Number(allowed), 2)}`);
  return `±${text.number(Number(allowed), 2)}`;
}

/** Published trade figures recomputed from the data, each marked consistent, inconsistent or not computable. */
export function ClaimsPanel({ dataset, countries }: { dataset: string; countries: Countries }) {
  const { t } = useTranslation();
  const text = useTradeText();
  const indicatorText = useIndicatorText();
  const id = useId();
  const [toleranceText, setToleranceText] = useState(DEFAULT_TOLERANCE);
  const [tolerance, setTolerance] = useState(DEFAULT_TOLERANCE);
  const query = { tolerance, dataset };
  const claims = useTradeResource<ClaimsResponse>(tradePath('claims', query));
  const party = (code: string) => indicatorText.groupName(code) ?? countries.name(code);
  const points = (value: string) => t('trade.claims.points', { value });

  return (
    <section className="panel" aria-labelledby={`${id}-heading`}>
      <div className="panel-heading">
        <h2 id={`${id}-heading`}>{t('trade.claims.heading')}</h2>
        <div className="filters">
          <div className="field inline">
            <label htmlFor={`${id}-tolerance`}>{t('trade.claims.tolerance')}</label>
            <input
              id={`${id}-tolerance`}
              type="number"
              min={0}
              max={100}
              step={0.1}
              inputMode="decimal"
              className="tolerance-input"
              data-testid="trade-claims-tolerance"
              value={toleranceText}
              onChange={(event) => {
                setToleranceText(event.target.value);
                const value = Number(event.target.value);
                if (event.target.value !== '' && Number.isFinite(value) && value >= 0 && value <= 100) setTolerance(String(value));
              }}
            />
          </div>
          {claims.data && <CsvLink endpoint="claims" query={query} what={t('trade.claims.heading')} />}
        </div>
      </div>
      <p className="note">{t('trade.claims.intro')}</p>
      <ErrorMessage error={claims.error} />
      {claims.loading && !claims.data && <Loading />}
      {claims.data && claims.data.claims.length === 0 && <p className="muted">{t('trade.claims.none')}</p>}
      {claims.data && claims.data.claims.length > 0 && (
        <div className="table-scroll">
          <table className="data-table claims" data-testid="trade-claims-table">
            <caption className="visually-hidden">{t('trade.claims.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('trade.claims.claim')}</th>
                <th scope="col">{t('trade.claims.period')}</th>
                <th scope="col" className="numeric">
                  {t('trade.claims.reported')}
                </th>
                <th scope="col" className="numeric">
                  {t('trade.claims.computed')}
                </th>
                <th scope="col" className="numeric">
                  {t('trade.claims.difference')}
                </th>
                <th scope="col">{t('trade.claims.status')}</th>
              </tr>
            </thead>
            <tbody>
              {claims.data.claims.map(({ indicator, check, dataset: answeredBy }) => (
                <tr key={indicator.id} data-claim={indicator.key} data-status={check.status}>
                  <td className="subject" title={indicator.quote}>
                    <span lang={textLang(indicator.subject)}>{indicator.subject}</span>
                    <span className="parties">
                      {indicatorText.metricName(indicator.metric)}
                      {indicator.reporter && indicator.partner && ` · ${t('indicator.reporterPartner', { reporter: party(indicator.reporter), partner: party(indicator.partner) })}`}
                    </span>
                    <Quote quote={indicator.quote} />
                  </td>
                  <td className="period">
                    {text.period(indicator.period)}
                    {indicator.basePeriod && <span className="parties">{t('indicator.basePeriod', { period: text.period(indicator.basePeriod) })}</span>}
                  </td>
                  <td className="numeric" title={indicator.quote}>
                    {indicator.qualifier === 'exact' ? inUnit(check.reported, check.unit, text) : t(`qualifier.${indicator.qualifier}Value`, { value: inUnit(check.reported, check.unit, text) })}
                  </td>
                  <td className="numeric">
                    {check.computed === null ? '—' : inUnit(check.computed, check.unit, text)}
                    {answeredBy && (
                      <span className="parties" title={t('trade.datasetOption', { name: answeredBy.name, release: answeredBy.release })}>
                        {answeredBy.name}
                        {answeredBy.synthetic && (
                          <>
                            {' '}
                            <SyntheticBadge />
                          </>
                        )}
                      </span>
                    )}
                  </td>
                  <td className="numeric">
                    {check.difference === null ? (
                      '—'
                    ) : (
                      <>
                        {signedDifference(check, text, points)}
                        {check.differencePercent !== null && (
                          <span className="parties">{t('trade.claims.relative', { value: text.growth(check.differencePercent) })}</span>
                        )}
                        <span className="parties">{t('trade.claims.allowed', { value: allowedText(check, text, points) })}</span>
                      </>
                    )}
                  </td>
                  <td className="check-cell">
                    <span className={`check-badge ${check.status}`}>{t(`trade.claims.statusName.${check.status}`)}</span>
                    {check.status === 'not_computable' && check.reason && (
                      <span className="parties">{text.reasonOf({ ok: false, reason: check.reason })}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
