import { useId, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** One choice of a searchable list: what it submits, what it shows and the texts a search looks in. */
export interface Choice {
  value: string;
  label: string;
  search: readonly string[];
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
}

/**
 * A select with a search box above it: typing narrows the list and picks its first match, unless the current choice
 * still matches; the list itself works as any select does.
 */
export function SearchableSelect({ label, searchLabel, choices, value, onChange, placeholder, testId, disabled = false }: SearchableSelectProps) {
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
      <select id={`${id}-select`} data-testid={testId} value={value} disabled={disabled} onChange={(event) => onChange(event.target.value)}>
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
  required?: boolean;
  disabled?: boolean;
  hint?: string;
  className?: string;
  step?: string;
  min?: number;
  max?: number;
  maxLength?: number;
  lang?: string;
}

/** A labelled input whose value is kept as typed; numbers are read when the form is sent. */
export function TextField({ label, value, onChange, name, type = 'text', required = false, disabled = false, hint, className, step, min, max, maxLength, lang }: TextFieldProps) {
  const id = useId();
  return (
    <div className={`field${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={name}
        type={type}
        inputMode={type === 'number' ? 'decimal' : undefined}
        step={step ?? (type === 'number' ? 'any' : undefined)}
        min={min}
        max={max}
        maxLength={maxLength}
        lang={lang}
        required={required}
        aria-required={required || undefined}
        disabled={disabled}
        aria-describedby={hint ? `${id}-hint` : undefined}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
    </div>
  );
}

interface CheckListProps {
  legend: string;
  items: readonly { value: string; label: string; title?: string }[];
  checked: readonly string[];
  onChange: (checked: string[]) => void;
  name: string;
  scroll?: boolean;
}

/** A group of checkboxes, in the order of its items. */
export function CheckList({ legend, items, checked, onChange, name, scroll = false }: CheckListProps) {
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

/** A labelled checkbox. */
export function Check({ label, checked, onChange, name }: { label: string; checked: boolean; onChange: (checked: boolean) => void; name: string }) {
  return (
    <label className="choice block">
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
export function sourceItems(sources: readonly { id: string; title: string }[]): { value: string; label: string; title: string }[] {
  return [...sources]
    .sort((a, b) => ids.compare(a.id, b.id))
    .map((s) => ({ value: s.id, label: `${s.id} · ${s.title.length > 90 ? `${s.title.slice(0, 89)}…` : s.title}`, title: s.title }));
}
