import { useId, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { NodeFeature } from '../../api/logistics.ts';
import type en from '../../i18n/locales/en.json';
import { useLocale } from '../../i18n/useLocale.ts';

/** One choice of a searchable list: what it submits, what it shows and the texts a search looks in. */
export interface Choice {
  value: string;
  label: string;
  search: readonly string[];
}

/** A place as a choice: its name, country and UN/LOCODE, found by any of its names, its UN/LOCODE or its id. */
export const nodeChoice = (node: NodeFeature): Choice => {
  const p = node.properties;
  return { value: p.id, label: [p.name, p.country, p.locode].filter(Boolean).join(' · '), search: [p.name, p.names.en, p.names.ru, p.names['zh-Hans'], p.locode ?? '', p.id] };
};

/** The network's places as choices, in the alphabetical order of the interface language. */
export function useNodeChoices(nodes: readonly NodeFeature[]): Choice[] {
  const locale = useLocale();
  return useMemo(() => {
    const collator = new Intl.Collator(locale);
    return nodes.map(nodeChoice).sort((a, b) => collator.compare(a.label, b.label));
  }, [nodes, locale]);
}

const matches = (choice: Choice, needle: string) => needle === '' || choice.search.some((text) => text.toLocaleLowerCase().includes(needle));

interface SearchableSelectProps {
  label: string;
  searchLabel: string;
  choices: readonly Choice[];
  value: string;
  onChange: (value: string) => void;
  placeholder: string;
  testId: string;
  disabled?: boolean;
  required?: boolean;
}

/**
 * A select with a search box above it: typing narrows the list and picks its first match, unless the current choice
 * still matches; the list itself works as any select does.
 */
export function SearchableSelect({ label, searchLabel, choices, value, onChange, placeholder, testId, disabled = false, required = false }: SearchableSelectProps) {
  const { t } = useTranslation();
  const id = useId();
  const [search, setSearch] = useState('');
  const needle = search.trim().toLocaleLowerCase();
  const shown = useMemo(() => choices.filter((choice) => matches(choice, needle)), [choices, needle]);
  const current = choices.find((choice) => choice.value === value);
  const options = current && !shown.includes(current) ? [current, ...shown] : shown;

  return (
    <fieldset className="field editor-picker">
      <legend>{label}</legend>
      <label htmlFor={`${id}-search`} className="sub-label">
        {searchLabel}
      </label>
      <input
        id={`${id}-search`}
        type="search"
        data-testid={`${testId}-search`}
        value={search}
        autoComplete="off"
        disabled={disabled}
        aria-describedby={`${id}-count`}
        onChange={(event) => {
          const next = event.target.value;
          setSearch(next);
          const lower = next.trim().toLocaleLowerCase();
          const first = choices.find((choice) => matches(choice, lower));
          if (lower !== '' && first && !(current && matches(current, lower))) onChange(first.value);
        }}
      />
      <p className="hint" id={`${id}-count`} aria-live="polite">
        {t('logistics.editor.matches', { count: shown.length })}
      </p>
      <label htmlFor={`${id}-select`} className="sub-label">
        {label}
      </label>
      <select id={`${id}-select`} data-testid={testId} value={value} disabled={disabled} required={required} onChange={(event) => onChange(event.target.value)}>
        <option value="">{placeholder}</option>
        {options.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
    </fieldset>
  );
}

interface TextFieldProps {
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  name: string;
  type?: 'text' | 'number';
  /** A number input taking whole numbers only. */
  integer?: boolean;
  required?: boolean;
  disabled?: boolean;
  hint?: string;
  className?: string;
  /** The class of the input itself; className is the whole field's. */
  inputClassName?: string;
  /** The label is read out but not shown, for a field whose place already says what it is. */
  hideLabel?: boolean;
  step?: string;
  min?: number;
  max?: number;
  maxLength?: number;
  lang?: string;
}

/** A labelled input whose value is kept as typed; numbers are read when the form is sent. */
export function TextField({ label, value, onChange, name, type = 'text', integer = false, required = false, disabled = false, hint, className, inputClassName, hideLabel = false, step, min, max, maxLength, lang }: TextFieldProps) {
  const id = useId();
  const number = type === 'number';
  return (
    <div className={`field${className ? ` ${className}` : ''}`}>
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : undefined}>
        {label}
      </label>
      <input
        id={id}
        className={inputClassName}
        name={name}
        type={type}
        inputMode={number ? (integer ? 'numeric' : 'decimal') : undefined}
        step={step ?? (number ? (integer ? 1 : 'any') : undefined)}
        min={min}
        max={max}
        maxLength={maxLength}
        lang={lang}
        required={required}
        aria-required={required || undefined}
        disabled={disabled}
        aria-describedby={hintId(id, hint)}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
      <FieldHint fieldId={id} hint={hint} />
    </div>
  );
}

interface IdFieldProps {
  value: string;
  onChange: (value: string) => void;
  /** An id is typed when its node or link is added and fixed after. */
  isNew: boolean;
  maxLength: number;
  hint: string;
}

/** The id of a node or link. */
export function IdField({ value, onChange, isNew, maxLength, hint }: IdFieldProps) {
  const { t } = useTranslation();
  return <TextField label={t('logistics.editor.id')} name="id" value={value} onChange={onChange} required disabled={!isNew} maxLength={maxLength} hint={hint} />;
}

interface SelectFieldProps<V extends string> {
  label: string;
  name: string;
  value: V;
  onChange: (value: V) => void;
  options: readonly { value: V; label: string }[];
  disabled?: boolean;
  hint?: string;
}

/** A labelled select of fixed choices, in the order given. */
export function SelectField<V extends string>({ label, name, value, onChange, options, disabled = false, hint }: SelectFieldProps<V>) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} value={value} disabled={disabled} aria-describedby={hintId(id, hint)} onChange={(event) => onChange(event.target.value as V)}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldHint fieldId={id} hint={hint} />
    </div>
  );
}

/** The id of a field's hint, for its aria-describedby; none without a hint. */
const hintId = (fieldId: string, hint: string | undefined) => (hint ? `${fieldId}-hint` : undefined);

/** The hint under a field, if it has one. */
function FieldHint({ fieldId, hint }: { fieldId: string; hint: string | undefined }) {
  if (!hint) return null;
  return (
    <p className="hint" id={hintId(fieldId, hint)}>
      {hint}
    </p>
  );
}

interface CheckListProps<V extends string> {
  legend: string;
  items: readonly { value: V; label: string; title?: string }[];
  checked: readonly V[];
  onChange: (checked: V[]) => void;
  name: string;
  scroll?: boolean;
}

/** A group of checkboxes, in the order of its items. */
export function CheckList<V extends string>({ legend, items, checked, onChange, name, scroll = false }: CheckListProps<V>) {
  return (
    <fieldset className="field">
      <legend>{legend}</legend>
      <div className={scroll ? 'editor-checklist scroll' : 'editor-checklist'}>
        {items.map((item) => (
          <label key={item.value} className="choice block" title={item.title}>
            <input
              type="checkbox"
              name={name}
              value={item.value}
              checked={checked.includes(item.value)}
              onChange={(event) => onChange(event.target.checked ? items.map((i) => i.value).filter((v) => v === item.value || checked.includes(v)) : checked.filter((v) => v !== item.value))}
            />
            {item.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** A field or figure of a node or link that may be marked as an estimate. */
export type EstimatedFigure = keyof typeof en.logistics.editor.estimate;

interface SourcesAndEstimatesProps {
  sources: readonly { id: string; title: string }[];
  /** The figures that may be marked as estimates, in the order shown. */
  estimates: readonly EstimatedFigure[];
  value: { sources: readonly string[]; estimated: readonly string[] };
  onChange: (change: { sources?: string[]; estimated?: string[] }) => void;
}

/** The sources an entry cites and which of its figures are estimates, as two groups of checkboxes. */
export function SourcesAndEstimates({ sources, estimates, value, onChange }: SourcesAndEstimatesProps) {
  const { t } = useTranslation();
  return (
    <>
      <CheckList legend={t('logistics.editor.sources')} name="sources" scroll items={sourceItems(sources)} checked={value.sources} onChange={(v) => onChange({ sources: v })} />
      <CheckList
        legend={t('logistics.editor.estimatedFields')}
        name="estimated"
        items={estimates.map((field) => ({ value: field, label: t(`logistics.editor.estimate.${field}`) }))}
        checked={value.estimated}
        onChange={(v) => onChange({ estimated: v })}
      />
    </>
  );
}

/** A labelled checkbox. */
export function Check({ label, checked, onChange, name, className }: { label: string; checked: boolean; onChange: (checked: boolean) => void; name: string; className?: string }) {
  return (
    <label className={`choice block${className ? ` ${className}` : ''}`}>
      <input type="checkbox" name={name} checked={checked} onChange={(event) => onChange(event.target.checked)} />
      {label}
    </label>
  );
}

/** Numbers typed in a form: every named field must hold a finite number, else the first bad one is reported. */
export function readNumbers<K extends string>(fields: Record<K, { value: string; label: string }>, notNumber: (label: string) => string): { values: Record<K, number> } | { problem: string } {
  const values = {} as Record<K, number>;
  for (const key of Object.keys(fields) as K[]) {
    const { value, label } = fields[key];
    const number = value.trim() === '' ? Number.NaN : Number(value.replace(',', '.'));
    if (!Number.isFinite(number)) return { problem: notNumber(label) };
    values[key] = number;
  }
  return { values };
}

/** The first required text left empty, as a message, or null. */
export function missingText(fields: readonly { value: string; label: string }[], required: (label: string) => string): string | null {
  const empty = fields.find((field) => field.value.trim() === '');
  return empty ? required(empty.label) : null;
}

const ids = new Intl.Collator('en', { numeric: true });

/** The network's sources as checkboxes, S1, S2 … S10 in order, each title cut short with the whole of it on hover. */
function sourceItems(sources: readonly { id: string; title: string }[]): { value: string; label: string; title: string }[] {
  return [...sources]
    .sort((a, b) => ids.compare(a.id, b.id))
    .map((s) => ({ value: s.id, label: `${s.id} · ${s.title.length > 90 ? `${s.title.slice(0, 89)}…` : s.title}`, title: s.title }));
}
