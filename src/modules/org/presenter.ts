import type { Locale } from '../../i18n/locale.ts';
import type { State } from './model.ts';
import { entryAsOf } from './status-history.ts';

/** A state as the API shows it: the name in the reader's language and the status in effect on `asOf`. */
export function presentState(state: State, locale: Locale, asOf: string) {
  const current = entryAsOf(state.history, asOf);
  return {
    ...state,
    name: state.names[locale],
    status: current?.status ?? null,
    statusSince: current?.since ?? null,
  };
}
