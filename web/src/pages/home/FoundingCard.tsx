import { useTranslation } from 'react-i18next';
import type { Overview } from '../../api/types.ts';
import { SourceText } from '../../components/SourceText.tsx';
import { formatDate } from '../../i18n/format.ts';
import { useLocale } from '../../i18n/useLocale.ts';

export function FoundingCard({ founded }: { founded: Overview['founded'] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <article className="card founding">
      <h2>{t('home.founded')}</h2>
      {founded ? (
        <>
          <p className="figure">
            <time dateTime={founded.date}>{formatDate(founded.date, locale)}</time>
          </p>
          <p className="meta">
            {t('common.source')}: <SourceText source={founded.source} />
          </p>
        </>
      ) : (
        <p className="muted">{t('home.foundedUnknown')}</p>
      )}
    </article>
  );
}
