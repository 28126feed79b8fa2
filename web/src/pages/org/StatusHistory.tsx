import { useTranslation } from 'react-i18next';
import type { StatusEntry } from '../../api/types.ts';
import { SourceText } from '../../components/SourceText.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { textLang } from '../../components/textLang.ts';
import { SinceText } from './SinceText.tsx';

/** How a state's status changed, oldest first, each change with its date and source. */
export function StatusHistory({ name, history }: { name: string; history: StatusEntry[] }) {
  const { t } = useTranslation();
  if (history.length === 0) return <p className="muted">{t('history.empty')}</p>;
  return (
    <table className="history-table">
      <caption>{t('history.caption', { name })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('history.status')}</th>
          <th scope="col">{t('history.date')}</th>
          <th scope="col">{t('history.event')}</th>
          <th scope="col">{t('common.source')}</th>
        </tr>
      </thead>
      <tbody>
        {history.map((entry) => (
          <tr key={entry.id}>
            <td>
              <StatusBadge status={entry.status} />
            </td>
            <td>
              <SinceText entry={entry} />
            </td>
            <td lang={textLang(entry.event)}>{entry.event}</td>
            <td>
              <SourceText source={entry.source} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
