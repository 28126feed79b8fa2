import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { STATUSES, type State } from '../../api/types.ts';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { useLocale } from '../../i18n/useLocale.ts';
import { AddStatusForm } from './AddStatusForm.tsx';
import { SinceText } from './SinceText.tsx';
import { StatusHistory } from './StatusHistory.tsx';

interface Props {
  states: State[];
  isAdmin: boolean;
  onChanged: () => void;
}

function statusRank(state: State): number {
  return state.status === null ? STATUSES.length : STATUSES.indexOf(state.status);
}

/** Every state with its status on the chosen date; a row opens to show how the status changed over time. */
export function StateTable({ states, isAdmin, onChanged }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const collator = new Intl.Collator(locale);
  const sorted = [...states].sort((a, b) => statusRank(a) - statusRank(b) || collator.compare(a.names[locale], b.names[locale]));

  const toggle = (iso3: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (next.has(iso3)) next.delete(iso3);
      else next.add(iso3);
      return next;
    });

  if (sorted.length === 0) return <p className="muted">{t('org.noStates')}</p>;

  return (
    <div className="table-scroll">
      <table className="data-table" data-testid="state-table">
        <caption className="visually-hidden">{t('org.statesCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('org.column.state')}</th>
            <th scope="col">{t('org.column.codes')}</th>
            <th scope="col">{t('org.column.status')}</th>
            <th scope="col">{t('org.column.since')}</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((state) => {
            const expanded = open.has(state.iso3);
            const historyId = `history-${state.iso3}`;
            const current = state.history.find((entry) => entry.status === state.status && entry.since === state.statusSince);
            return (
              <Fragment key={state.iso3}>
                <tr data-iso3={state.iso3}>
                  <th scope="row">
                    <button
                      type="button"
                      className="disclosure"
                      aria-expanded={expanded}
                      aria-controls={historyId}
                      onClick={() => toggle(state.iso3)}
                    >
                      <span className="disclosure-icon" aria-hidden="true" />
                      <span className="state-name">{state.names[locale]}</span>
                      <span className="visually-hidden">{t(expanded ? 'org.hideHistory' : 'org.showHistory')}</span>
                    </button>
                  </th>
                  <td className="codes">
                    <abbr title={t('org.iso3')}>{state.iso3}</abbr> · <abbr title={t('org.iso2')}>{state.iso2}</abbr> ·{' '}
                    <abbr title={t('org.m49')}>{state.m49}</abbr>
                  </td>
                  <td>
                    <StatusBadge status={state.status} />
                  </td>
                  <td>{current ? <SinceText entry={current} /> : <span className="muted">—</span>}</td>
                </tr>
                {expanded && (
                  <tr className="history-row">
                    <td colSpan={4} id={historyId}>
                      <StatusHistory name={state.names[locale]} history={state.history} />
                      {isAdmin && <AddStatusForm state={state} name={state.names[locale]} onAdded={onChanged} />}
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
