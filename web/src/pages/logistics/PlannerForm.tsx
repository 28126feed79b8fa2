import { useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CONTAINER_SIZES, MODES, type ContainerSize, type Mode, type NodeFeature, type RouteRequest } from '../../api/logistics.ts';
import { todayIso } from '../../i18n/format.ts';
import { useLocale } from '../../i18n/useLocale.ts';
import type { Countries } from '../trade/useCountries.ts';

const MAX_CONTAINER_ROWS = 2;

interface ContainerRow {
  key: number;
  size: ContainerSize;
  count: string;
}

/** A node matches a search by any of its names, its UN/LOCODE or its id. */
function matches(node: NodeFeature, search: string): boolean {
  const needle = search.trim().toLocaleLowerCase();
  if (needle === '') return true;
  const p = node.properties;
  return [p.name, p.names.en, p.names.ru, p.names['zh-Hans'], p.locode ?? '', p.id].some((text) => text.toLocaleLowerCase().includes(needle));
}

const optionLabel = (node: NodeFeature) => [node.properties.name, node.properties.country, node.properties.locode].filter(Boolean).join(' · ');

interface PickerProps {
  label: string;
  nodes: readonly NodeFeature[];
  value: string;
  onChange: (id: string) => void;
  testId: string;
}

/**
 * A place chosen from the network: typing in the search box narrows the list to places whose name or UN/LOCODE
 * contains the text and picks the first of them; the list itself works as any select does.
 */
function NodePicker({ label, nodes, value, onChange, testId }: PickerProps) {
  const { t } = useTranslation();
  const id = useId();
  const [search, setSearch] = useState('');
  const shown = useMemo(() => nodes.filter((node) => matches(node, search)), [nodes, search]);
  const current = nodes.find((node) => node.properties.id === value);
  const options = current && !shown.includes(current) ? [current, ...shown] : shown;

  return (
    <fieldset className="field node-picker">
      <legend>{label}</legend>
      <label htmlFor={`${id}-search`} className="sub-label">
        {t('logistics.form.search')}
      </label>
      <input
        id={`${id}-search`}
        type="search"
        data-testid={`${testId}-search`}
        value={search}
        autoComplete="off"
        aria-describedby={`${id}-count`}
        onChange={(event) => {
          const next = event.target.value;
          setSearch(next);
          const first = nodes.find((node) => matches(node, next));
          if (next.trim() !== '' && first && !(current && matches(current, next))) onChange(first.properties.id);
        }}
      />
      <p className="hint" id={`${id}-count`} aria-live="polite">
        {shown.length === 0 ? t('logistics.form.noMatch') : t('logistics.form.matches', { count: shown.length })}
      </p>
      <label htmlFor={`${id}-select`} className="sub-label">
        {t('logistics.form.place')}
      </label>
      <select id={`${id}-select`} data-testid={testId} value={value} required onChange={(event) => onChange(event.target.value)}>
        <option value="">{t('logistics.form.choosePlace')}</option>
        {options.map((node) => (
          <option key={node.properties.id} value={node.properties.id}>
            {optionLabel(node)}
          </option>
        ))}
      </select>
    </fieldset>
  );
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
  const sorted = useMemo(() => {
    const collator = new Intl.Collator(locale);
    return [...nodes].sort((a, b) => collator.compare(a.properties.name, b.properties.name));
  }, [nodes, locale]);
  const countryCodes = useMemo(() => {
    const collator = new Intl.Collator(locale);
    return [...new Set(nodes.map((node) => node.properties.country))].sort((a, b) => collator.compare(countries.name(a), countries.name(b)));
  }, [nodes, countries, locale]);

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
        <NodePicker label={t('logistics.form.from')} nodes={sorted} value={from} onChange={setFrom} testId="logistics-from" />
        <NodePicker label={t('logistics.form.to')} nodes={sorted} value={to} onChange={setTo} testId="logistics-to" />

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
              <label htmlFor={`${id}-count-${row.key}`} className="visually-hidden">
                {t('logistics.form.countOf', { row: index + 1 })}
              </label>
              <input
                id={`${id}-count-${row.key}`}
                className="count-input"
                type="number"
                inputMode="numeric"
                min={1}
                max={1000}
                step={1}
                value={row.count}
                onChange={(event) => updateRow(row.key, { count: event.target.value })}
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

        <fieldset className="field">
          <legend>{t('logistics.form.modes')}</legend>
          {MODES.map((mode) => (
            <label key={mode} className="choice block">
              <input
                type="checkbox"
                checked={modes.includes(mode)}
                data-mode={mode}
                onChange={(event) => setModes((all) => (event.target.checked ? MODES.filter((m) => m === mode || all.includes(m)) : all.filter((m) => m !== mode)))}
              />
              {t(`logistics.mode.${mode}`)}
            </label>
          ))}
        </fieldset>

        <fieldset className="field avoid-field">
          <legend>{t('logistics.form.avoid')}</legend>
          <div className="avoid-list">
            {countryCodes.map((code) => (
              <label key={code} className="choice block">
                <input
                  type="checkbox"
                  checked={avoid.includes(code)}
                  data-country={code}
                  onChange={(event) => setAvoid((all) => (event.target.checked ? [...all, code] : all.filter((c) => c !== code)))}
                />
                {countries.name(code)}
              </label>
            ))}
          </div>
        </fieldset>

        <div className="field">
          <label htmlFor={`${id}-borders`}>{t('logistics.form.maxBorders')}</label>
          <input
            id={`${id}-borders`}
            className="count-input"
            type="number"
            inputMode="numeric"
            min={0}
            max={30}
            step={1}
            value={maxBorders}
            aria-describedby={`${id}-borders-hint`}
            onChange={(event) => setMaxBorders(event.target.value)}
          />
          <p className="hint" id={`${id}-borders-hint`}>
            {t('logistics.form.noLimit')}
          </p>
          <label className="choice block under-construction">
            <input type="checkbox" checked={underConstruction} onChange={(event) => setUnderConstruction(event.target.checked)} />
            {t('logistics.form.underConstruction')}
          </label>
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
