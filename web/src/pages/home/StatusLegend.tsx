import { useTranslation } from 'react-i18next';
import { STATUSES, type State, type Status } from '../../api/types.ts';
import { formatList, formatNumber } from '../../i18n/format.ts';
import { useLocale } from '../../i18n/useLocale.ts';
import { STATUS_COLOURS } from '../../map/statusColours.ts';

interface Props {
  states: State[];
  counts: Partial<Record<Status, number>> | undefined;
}

/** The map's legend, which doubles as the count of states in each status and names them. */
export function StatusLegend({ states, counts }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const collator = new Intl.Collator(locale);
  const namesOf = (status: Status) =>
    states
      .filter((state) => state.status === status)
      .map((state) => state.names[locale])
      .sort(collator.compare);

  return (
    <>
      <h3 className="visually-hidden">{t('home.legendHeading')}</h3>
      <ul className="legend" data-testid="status-counts">
        {STATUSES.map((status) => {
          const names = namesOf(status);
          const count = counts?.[status] ?? names.length;
          return (
            <li key={status} className={count === 0 ? 'legend-item empty' : 'legend-item'} data-status={status}>
              <span className="swatch large" style={{ background: STATUS_COLOURS[status] }} aria-hidden="true" />
              <span className="legend-text">
                <span className="legend-label">
                  {t(`statusGroup.${status}`)}
                  <strong className="legend-count">{formatNumber(count, locale)}</strong>
                </span>
                {names.length > 0 && <span className="legend-names">{formatList(names, locale)}</span>}
              </span>
            </li>
          );
        })}
      </ul>
    </>
  );
}
