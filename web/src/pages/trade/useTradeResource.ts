import { useEffect, useRef } from 'react';
import { useResource, type Resource } from '../../api/useResource.ts';
import { useLocale } from '../../i18n/useLocale.ts';

/** useResource that asks again after a language switch when it holds an error, since the server words errors in the request's language. */
export function useTradeResource<T>(path: string | null): Resource<T> {
  const locale = useLocale();
  const resource = useResource<T>(path);
  const { error, reload } = resource;
  const askedIn = useRef(locale);
  useEffect(() => {
    if (askedIn.current === locale) return;
    askedIn.current = locale;
    if (error) reload();
  }, [locale, error, reload]);
  return resource;
}
