import { useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DepartureSearch } from '../../api/trains.ts';
import { FormProblem } from '../../components/ErrorMessage.tsx';
import { todayIso } from '../../i18n/format.ts';
import { useLocale } from '../../i18n/useLocale.ts';
import { SelectField, TextField } from '../logistics/editorParts.tsx';
import type { StopNetwork } from './useTrainsData.ts';

/** Container counts asked for, by size; what the search filters on and what a booking starts from. */
export interface Counts {
  20: number;
  40: number;
}

/** Counts as the departures query takes them: '1x20,2x40'; none when nothing is asked for. */
export function containersQuery(counts: Counts): string | undefined {
  const parts = ([20, 40] as const).filter((size) => counts[size] > 0).map((size) => `${counts[size]}x${size}`);
  return parts.length === 0 ? undefined : parts.join(',');
}

export const DEFAULT_DAYS = 14;
const MAX_DAYS = 62;
const MAX_COUNT = 500;

interface Props {
  /** The places some service stops at. */
  stops: readonly string[];
  network: StopNetwork;
  onSearch: (search: DepartureSearch, counts: Counts) => void;
}

/** Where from and to, from which day and for how many days, and how many containers need room. */
export function DepartureSearchForm({ stops, network, onSearch }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const id = useId();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [date, setDate] = useState(() => todayIso());
  const [days, setDays] = useState(String(DEFAULT_DAYS));
  const [count20, setCount20] = useState('0');
  const [count40, setCount40] = useState('1');
  const [problem, setProblem] = useState<string | null>(null);

  const options = useMemo(() => {
    const collator = new Intl.Collator(locale);
    const places = stops.map((stop) => ({ value: stop, label: network.name(stop) })).sort((a, b) => collator.compare(a.label, b.label));
    return [{ value: '', label: t('trains.search.anywhere') }, ...places];
  }, [stops, network, locale, t]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const dayCount = Number(days);
    if (!Number.isInteger(dayCount) || dayCount < 1 || dayCount > MAX_DAYS) return setProblem(t('trains.search.badDays', { max: MAX_DAYS }));
    const counts = { 20: Number(count20 || '0'), 40: Number(count40 || '0') };
    if ([counts[20], counts[40]].some((n) => !Number.isInteger(n) || n < 0 || n > MAX_COUNT)) return setProblem(t('trains.search.badCount', { max: MAX_COUNT }));
    if (from && from === to) return setProblem(t('trains.search.samePlace'));
    setProblem(null);
    onSearch({ from: from || undefined, to: to || undefined, date: date || undefined, days: dayCount, containers: containersQuery(counts) }, counts);
  };

  return (
    <form className="trains-search" aria-labelledby={`${id}-heading`} onSubmit={onSubmit} noValidate data-testid="trains-search">
      <h2 id={`${id}-heading`}>{t('trains.search.heading')}</h2>
      <div className="trains-search-grid">
        <SelectField label={t('trains.search.from')} name="from" value={from} onChange={setFrom} options={options} />
        <SelectField label={t('trains.search.to')} name="to" value={to} onChange={setTo} options={options} />
        <div className="field">
          <label htmlFor={`${id}-date`}>{t('trains.search.date')}</label>
          <input id={`${id}-date`} name="date" type="date" value={date} onChange={(event) => setDate(event.target.value)} data-testid="trains-date" />
        </div>
        <TextField label={t('trains.search.days')} name="days" type="number" integer min={1} max={MAX_DAYS} inputClassName="count-input" value={days} onChange={setDays} />
        <TextField label={t('trains.search.count20')} name="count20" type="number" integer min={0} max={MAX_COUNT} inputClassName="count-input" value={count20} onChange={setCount20} />
        <TextField label={t('trains.search.count40')} name="count40" type="number" integer min={0} max={MAX_COUNT} inputClassName="count-input" value={count40} onChange={setCount40} />
      </div>
      <div className="form-row trains-search-submit">
        <button type="submit" className="button" data-testid="trains-search-submit">
          {t('trains.search.submit')}
        </button>
        <FormProblem problem={problem} />
      </div>
    </form>
  );
}
