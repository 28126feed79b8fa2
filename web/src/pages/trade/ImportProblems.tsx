import { useTranslation } from 'react-i18next';
import type { ImportProblem } from '../../api/trade.ts';

const asProblem = (detail: unknown): ImportProblem => (typeof detail === 'object' && detail !== null ? detail : {});

/** The file, line and column where the server stopped reading, as it reported them. */
export function ImportProblems({ problems }: { problems: readonly unknown[] }) {
  const { t } = useTranslation();
  return (
    <div className="table-scroll">
      <table className="data-table compact import-problems" data-testid="trade-import-problems">
        <caption>{t('trade.importError.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('trade.importError.file')}</th>
            <th scope="col" className="numeric">
              {t('trade.importError.line')}
            </th>
            <th scope="col">{t('trade.importError.column')}</th>
            <th scope="col">{t('trade.importError.reason')}</th>
          </tr>
        </thead>
        <tbody>
          {problems.map(asProblem).map((problem, index) => (
            <tr key={`${problem.file ?? ''}-${problem.line ?? index}`}>
              <td className="codes">{problem.file ?? '—'}</td>
              <td className="numeric">{problem.line ?? '—'}</td>
              <td className="codes">{problem.column ?? '—'}</td>
              <td>{problem.reason ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
