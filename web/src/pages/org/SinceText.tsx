import { useTranslation } from 'react-i18next';
import type { StatusEntry } from '../../api/types.ts';
import { formatSince } from '../../i18n/format.ts';
import { useLocale } from '../../i18n/useLocale.ts';

/** A status date at its sourced precision: a full date, a year alone, or a note that no source dates it. */
export function SinceText({ entry }: { entry: Pick<StatusEntry, 'since' | 'sincePrecision'> }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const text = formatSince(entry.since, entry.sincePrecision, locale);
  if (text === null || entry.since === null) return <span className="muted">{t('history.dateNotSourced')}</span>;
  return <time dateTime={entry.sincePrecision === 'year' ? entry.since.slice(0, 4) : entry.since}>{text}</time>;
}
