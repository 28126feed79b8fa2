import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FLOWS, PARTNER_GROUPS, PRODUCT_LEVELS, type TradeDataset } from '../../api/trade.ts';
import type { State } from '../../api/types.ts';
import { formatPeriod } from '../../i18n/format.ts';
import { useLocale } from '../../i18n/useLocale.ts';
import { ISO3, isPartnerGroup, periodOf, type TradeSelection } from './useTradeQuery.ts';

const OTHER = 'OTHER';
const MONTHS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];

interface Props {
  selection: TradeSelection;
  onChange: (change: Partial<TradeSelection>) => void;
  states: readonly State[];
  datasets: readonly TradeDataset[];
  years: readonly number[];
}

/** A three-letter code typed by hand; the selection changes only once the code is complete. */
function CodeInput({ id, label, value, onCode, listId }: { id: string; label: string; value: string; onCode: (code: string) => void; listId: string }) {
  const { t } = useTranslation();
  const [text, setText] = useState(value);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        className="code-input"
        list={listId}
        value={text}
        maxLength={3}
        pattern="[A-Za-z]{3}"
        autoCapitalize="characters"
        aria-describedby={`${id}-hint`}
        onChange={(event) => {
          const next = event.target.value.toUpperCase();
          setText(next);
          if (ISO3.test(next)) onCode(next);
        }}
      />
      <p className="hint" id={`${id}-hint`}>
        {t('trade.codeHint')}
      </p>
    </div>
  );
}

export function TradeControls({ selection, onChange, states, datasets, years }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const id = useId();
  const sorted = useMemo(() => {
    const collator = new Intl.Collator(locale);
    return [...states].sort((a, b) => collator.compare(a.names[locale], b.names[locale]));
  }, [states, locale]);
  const known = new Set(states.map((state) => state.iso3));

  const [reporterOther, setReporterOther] = useState(false);
  const showReporterCode = reporterOther || (states.length > 0 && !known.has(selection.reporter));
  const [partnerCountry, setPartnerCountry] = useState(() => !isPartnerGroup(selection.partners));
  const [baseText, setBaseText] = useState(selection.base === null ? '' : String(selection.base));

  const yearOptions = selection.year !== null && !years.includes(selection.year) ? [selection.year, ...years] : years;

  return (
    <form className="trade-controls" aria-labelledby={`${id}-heading`} onSubmit={(event) => event.preventDefault()}>
      <h2 id={`${id}-heading`} className="visually-hidden">
        {t('trade.queryHeading')}
      </h2>
      <datalist id={`${id}-countries`}>
        {sorted.map((state) => (
          <option key={state.iso3} value={state.iso3}>
            {state.names[locale]}
          </option>
        ))}
      </datalist>

      <div className="field">
        <label htmlFor={`${id}-reporter`}>{t('trade.reporter')}</label>
        <select
          id={`${id}-reporter`}
          data-testid="trade-reporter"
          value={showReporterCode ? OTHER : selection.reporter}
          onChange={(event) => {
            const value = event.target.value;
            setReporterOther(value === OTHER);
            if (value !== OTHER) onChange({ reporter: value });
          }}
        >
          {states.length === 0 && <option value={selection.reporter}>{selection.reporter}</option>}
          {sorted.map((state) => (
            <option key={state.iso3} value={state.iso3}>
              {state.names[locale]}
            </option>
          ))}
          <option value={OTHER}>{t('trade.otherCountry')}</option>
        </select>
      </div>
      {showReporterCode && (
        <CodeInput
          id={`${id}-reporter-code`}
          label={t('trade.reporterCode')}
          value={known.has(selection.reporter) ? '' : selection.reporter}
          listId={`${id}-countries`}
          onCode={(reporter) => onChange({ reporter })}
        />
      )}

      <div className="field">
        <label htmlFor={`${id}-partners`}>{t('trade.partnersLabel')}</label>
        <select
          id={`${id}-partners`}
          data-testid="trade-partners"
          value={partnerCountry ? OTHER : selection.partners}
          onChange={(event) => {
            const value = event.target.value;
            setPartnerCountry(value === OTHER);
            if (value !== OTHER) onChange({ partners: value });
          }}
        >
          {PARTNER_GROUPS.map((group) => (
            <option key={group} value={group}>
              {t(`trade.group.${group}`)}
            </option>
          ))}
          <option value={OTHER}>{t('trade.singleCountry')}</option>
        </select>
      </div>
      {partnerCountry && (
        <CodeInput
          id={`${id}-partner-code`}
          label={t('trade.partnerCode')}
          value={isPartnerGroup(selection.partners) ? '' : selection.partners}
          listId={`${id}-countries`}
          onCode={(partners) => onChange({ partners })}
        />
      )}

      <div className="field">
        <label htmlFor={`${id}-year`}>{t('trade.year')}</label>
        <select
          id={`${id}-year`}
          data-testid="trade-year"
          value={selection.year ?? ''}
          disabled={yearOptions.length === 0}
          onChange={(event) => onChange({ year: Number(event.target.value) })}
        >
          {yearOptions.map((year) => (
            <option key={year} value={year}>
              {year}
            </option>
          ))}
        </select>
      </div>

      <div className="field">
        <label htmlFor={`${id}-months`}>{t('trade.months')}</label>
        <select id={`${id}-months`} data-testid="trade-months" value={selection.months} onChange={(event) => onChange({ months: Number(event.target.value) })}>
          {MONTHS.map((months) => (
            <option key={months} value={months}>
              {months === 0 || selection.year === null ? t('trade.wholeYear') : formatPeriod(periodOf(selection.year, months), locale)}
            </option>
          ))}
        </select>
      </div>

      <div className="field">
        <label htmlFor={`${id}-flow`}>{t('trade.flowLabel')}</label>
        <select id={`${id}-flow`} data-testid="trade-flow" value={selection.flow} onChange={(event) => onChange({ flow: event.target.value as TradeSelection['flow'] })}>
          {FLOWS.map((flow) => (
            <option key={flow} value={flow}>
              {t(`trade.flow.${flow}`)}
            </option>
          ))}
        </select>
      </div>

      <div className="field">
        <label htmlFor={`${id}-level`}>{t('trade.levelLabel')}</label>
        <select id={`${id}-level`} value={selection.level} onChange={(event) => onChange({ level: Number(event.target.value) as TradeSelection['level'] })}>
          {PRODUCT_LEVELS.map((level) => (
            <option key={level} value={level}>
              {t(`trade.level.${level}`)}
            </option>
          ))}
        </select>
      </div>

      <div className="field">
        <label htmlFor={`${id}-base`}>{t('trade.base')}</label>
        <input
          id={`${id}-base`}
          type="number"
          inputMode="numeric"
          min={1900}
          max={2200}
          step={1}
          className="year-input"
          value={baseText}
          aria-describedby={`${id}-base-hint`}
          onChange={(event) => {
            const text = event.target.value;
            setBaseText(text);
            if (text === '') onChange({ base: null });
            else if (/^\d{4}$/.test(text)) onChange({ base: Number(text) });
          }}
        />
        <p className="hint" id={`${id}-base-hint`}>
          {t('trade.baseHint')}
        </p>
      </div>

      <div className="field dataset-field">
        <label htmlFor={`${id}-dataset`}>{t('trade.datasetLabel')}</label>
        <select id={`${id}-dataset`} data-testid="trade-dataset" value={selection.dataset} onChange={(event) => onChange({ dataset: event.target.value })}>
          <option value="">{t('trade.datasetAuto')}</option>
          {datasets.map((dataset) => (
            <option key={dataset.id} value={dataset.name}>
              {t(dataset.synthetic ? 'trade.syntheticOption' : 'trade.datasetOption', { name: dataset.name, release: dataset.release })}
            </option>
          ))}
        </select>
      </div>
    </form>
  );
}
