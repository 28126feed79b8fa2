import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';
import { todayIso } from '../i18n/format.ts';

/** The date of the source report the registry was seeded from. */
export const SEED_REPORT_DATE = '2022-09-30';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The "as of" date kept in the URL (?asOf=), so a view can be linked; today when absent. */
export function useAsOf(): [string, (date: string | null) => void] {
  const [params, setParams] = useSearchParams();
  const raw = params.get('asOf');
  const asOf = raw !== null && ISO_DATE.test(raw) ? raw : todayIso();
  const setAsOf = useCallback(
    (date: string | null) => {
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          if (date && ISO_DATE.test(date) && date !== todayIso()) next.set('asOf', date);
          else next.delete('asOf');
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );
  return [asOf, setAsOf];
}
