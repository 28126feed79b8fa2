import { useTranslation } from 'react-i18next';
import { textLang } from './textLang.ts';

/** The source's own words behind a figure, folded away until asked for. */
export function Quote({ quote }: { quote: string }) {
  const { t } = useTranslation();
  if (!quote) return null;
  return (
    <details className="quote">
      <summary>{t('indicator.showQuote')}</summary>
      <blockquote lang={textLang(quote)}>{quote}</blockquote>
    </details>
  );
}
