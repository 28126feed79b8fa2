import { useTranslation } from 'react-i18next';
import type { ImportResult } from '../../api/trade.ts';
import { formatList, formatNumber } from '../../i18n/format.ts';
import { useLocale } from '../../i18n/useLocale.ts';
import { useTradeText } from './useTradeText.ts';

/** What an upload imported: rows read and kept, the periods and reporters covered, and rows left out with why. */
export function ImportSummary({ result }: { result: ImportResult }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const text = useTradeText();
  const { name, release } = result.dataset;
  const skipped = Object.entries(result.skipped);

  return (
    <div className="import-summary" role="status" data-testid="trade-import-summary" data-status={result.status}>
      <p className="success">
        {t(result.status === 'imported' ? 'trade.importSummary.imported' : 'trade.importSummary.unchanged', { name, release })}
        {result.replacedRelease && ` ${t('trade.importSummary.replaced', { release: result.replacedRelease })}`}
      </p>
      {result.status === 'imported' && (
        <dl className="meta import-figures">
          <dt>{t('trade.importSummary.rowsRead')}</dt>
          <dd>{formatNumber(result.rowsRead, locale)}</dd>
          <dt>{t('trade.importSummary.records')}</dt>
          <dd data-testid="trade-import-records">{formatNumber(result.records, locale)}</dd>
          <dt>{t('trade.importSummary.periods')}</dt>
          <dd>{formatList(result.periods.map(text.period), locale)}</dd>
          <dt>{t('trade.importSummary.reporters')}</dt>
          <dd>{formatNumber(result.reporters, locale)}</dd>
          <dt>{t('trade.importSummary.totalValue')}</dt>
          <dd title={text.exactMoney(result.totalValue)}>{text.money(result.totalValue)}</dd>
          {skipped.length > 0 && (
            <>
              <dt>{t('trade.importSummary.skipped')}</dt>
              <dd>
                {/* The server names the reasons in English; they are shown as given. */}
                <ul className="plain-list">
                  {skipped.map(([reason, count]) => (
                    <li key={reason} lang="en">
                      {formatNumber(count, locale)} · {reason}
                    </li>
                  ))}
                </ul>
              </dd>
            </>
          )}
        </dl>
      )}
    </div>
  );
}
