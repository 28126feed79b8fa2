import { useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CONTAINER_SIZES, MODES, type ContainerSize, type Mode, type NodeFeature, type RouteRequest } from '../../api/logistics.ts';
import { todayIso } from '../../i18n/format.ts';
import { useLocale } from '../../i18n/useLocale.ts';
import type { Countries } from '../trade/useCountries.ts';
import { Check, CheckList, SearchableSelect, TextField, useNodeChoices } from './editorParts.tsx';

const MAX_CONTAINER_ROWS = 2;

interface ContainerRow {
  key: number;
  size: ContainerSize;
  count: string;
}

interface Props {
  nodes: readonly NodeFeature[];
  countries: Countries;
  pending: boolean;
  onPlan: (request: RouteRequest) => void;
}

/** The route planner's question: where from and to, what, when, and which modes, countries and links may be used. */
export function PlannerForm({ nodes, countries, pending, onPlan }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const id = useId();
  const choices = useNodeChoices(nodes);
  const countryItems = useMemo(() => {
    const collator = new Intl.Collator(locale);
    return [...new Set(nodes.map((node) => node.properties.country))].map((code) => ({ value: code, label: countries.name(code) })).sort((a, b) => collator.compare(a.label, b.label));
  }, [nodes, countries, locale]);
  const modeItems = MODES.map((mode) => ({ value: mode, label: t(`logistics.mode.${mode}`) }));

  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [rows, setRows] = useState<ContainerRow[]>([{ key: 0, size: 40, count: '1' }]);
  const [date, setDate] = useState(() => todayIso());
  const [modes, setModes] = useState<readonly Mode[]>(MODES);
  const [avoid, setAvoid] = useState<readonly string[]>([]);
  const [maxBorders, setMaxBorders] = useState('');
  const [underConstruction, setUnderConstruction] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const updateRow = (key: number, change: Partial<ContainerRow>) => setRows((all) => all.map((row) => (row.key === key ? { ...row, ...change } : row)));

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!from || !to) return setProblem(t('logistics.form.choosePlaces'));
    if (from === to) return setProblem(t('logistics.form.samePlace'));
    if (modes.length === 0) return setProblem(t('logistics.form.noModes'));
    const containers = rows.map((row) => ({ size: row.size, count: Number(row.count) }));
    if (containers.some((c) => !Number.isInteger(c.count) || c.count < 1)) return setProblem(t('logistics.form.badCount'));
    setProblem(null);
    onPlan({
      from,
      to,
      containers,
      ...(date ? { departAfter: `${date}T00:00:00.000Z` } : {}),
      ...(modes.length < MODES.length ? { modes: [...modes] } : {}),
      ...(avoid.length > 0 ? { avoidCountries: [...avoid] } : {}),
      ...(maxBorders !== '' ? { maxBorderCrossings: Number(maxBorders) } : {}),
      allowUnderConstruction: underConstruction,
    });
  };

  return (
    <form className="planner-form" aria-labelledby={`${id}-heading`} onSubmit={onSubmit} noValidate data-testid="logistics-planner">
      <h2 id={`${id}-heading`}>{t('logistics.form.heading')}</h2>
      <div className="planner-grid">
        {(['from', 'to'] as const).map((end) => (
          <SearchableSelect
            key={end}
            label={t(`logistics.form.${end}`)}
            searchLabel={t('logistics.editor.searchNodes')}
            choices={choices}
            value={end === 'from' ? from : to}
            onChange={end === 'from' ? setFrom : setTo}
            placeholder={t('logistics.editor.choose')}
            testId={`logistics-${end}`}
            required
          />
        ))}

        <fieldset className="field containers-field">
          <legend>{t('logistics.form.containers')}</legend>
          {rows.map((row, index) => (
            <div className="container-row" key={row.key}>
              <label htmlFor={`${id}-size-${row.key}`} className="visually-hidden">
                {t('logistics.form.sizeOf', { row: index + 1 })}
              </label>
              <select id={`${id}-size-${row.key}`} value={row.size} onChange={(event) => updateRow(row.key, { size: Number(event.target.value) as ContainerSize })}>
                {CONTAINER_SIZES.map((size) => (
                  <option key={size} value={size}>
                    {t('logistics.form.size', { size })}
                  </option>
                ))}
              </select>
              <span aria-hidden="true">×</span>
              <TextField
                label={t('logistics.form.countOf', { row: index + 1 })}
                hideLabel
                name={`count-${row.key}`}
                className="count-input"
                type="number"
                integer
                min={1}
                max={1000}
                value={row.count}
                onChange={(count) => updateRow(row.key, { count })}
              />
              {rows.length > 1 && (
                <button type="button" className="link-button" onClick={() => setRows((all) => all.filter((r) => r.key !== row.key))}>
                  {t('logistics.form.removeRow', { row: index + 1 })}
                </button>
              )}
            </div>
          ))}
          {rows.length < MAX_CONTAINER_ROWS && (
            <button
              type="button"
              className="link-button add-row"
              onClick={() => setRows((all) => [...all, { key: Math.max(...all.map((r) => r.key)) + 1, size: all[0]?.size === 40 ? 20 : 40, count: '1' }])}
            >
              {t('logistics.form.addRow')}
            </button>
          )}
        </fieldset>

        <div className="field">
          <label htmlFor={`${id}-date`}>{t('logistics.form.departAfter')}</label>
          <input id={`${id}-date`} type="date" value={date} onChange={(event) => setDate(event.target.value)} aria-describedby={`${id}-date-hint`} />
          <p className="hint" id={`${id}-date-hint`}>
            {t('logistics.form.departAfterHint')}
          </p>
        </div>

        <CheckList legend={t('logistics.form.modes')} name="modes" items={modeItems} checked={modes} onChange={setModes} />
        <CheckList legend={t('logistics.form.avoid')} name="avoid" scroll items={countryItems} checked={avoid} onChange={setAvoid} />

        <div>
          <TextField
            label={t('logistics.form.maxBorders')}
            name="maxBorders"
            inputClassName="count-input"
            type="number"
            integer
            min={0}
            max={30}
            value={maxBorders}
            onChange={setMaxBorders}
            hint={t('logistics.form.noLimit')}
          />
          <Check label={t('logistics.form.underConstruction')} name="underConstruction" className="under-construction" checked={underConstruction} onChange={setUnderConstruction} />
        </div>
      </div>
      <div className="form-row planner-submit">
        <button type="submit" className="button" disabled={pending} data-testid="logistics-plan">
          {pending ? t('logistics.form.planning') : t('logistics.form.submit')}
        </button>
        {problem && (
          <p className="error" role="alert">
            {problem}
          </p>
        )}
      </div>
    </form>
  );
}
