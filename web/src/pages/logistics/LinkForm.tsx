import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  LINK_STATUSES,
  MODES,
  addLink,
  deleteLink,
  saveLink,
  type Corridor,
  type LinkBody,
  type LinkFeature,
  type LinkStatus,
  type Mode,
  type NetworkSource,
  type NodeFeature,
} from '../../api/logistics.ts';
import { useLocale } from '../../i18n/useLocale.ts';
import { EditorForm, type Deletion } from './EditorForm.tsx';
import { Check, CheckList, IdField, SearchableSelect, SelectField, SourcesAndEstimates, TextField, missingText, nodeChoice, readNumbers } from './editorParts.tsx';

/** What a link's `estimated` may name. */
const LINK_ESTIMATES = ['distanceKm', 'minutes', 'usd20', 'usd40', 'co2GramsPerTonneKm'] as const;
/** Gauges offered: standard, Russian, or both on one link; a link with another gauge keeps it. */
const STANDARD_GAUGES = ['1435', '1520', '1435,1520'];

interface LinkState {
  id: string;
  from: string;
  to: string;
  mode: Mode;
  /** Millimetres, several joined by commas; empty for none. */
  gauge: string;
  distanceKm: string;
  distanceEstimated: boolean;
  minutes: string;
  usd20: string;
  usd40: string;
  co2: string;
  status: LinkStatus;
  oneWay: boolean;
  scheduledOnly: boolean;
  corridors: string[];
  sources: string[];
  estimated: string[];
}

function stateOf(link: LinkFeature | undefined): LinkState {
  if (!link) {
    return { id: '', from: '', to: '', mode: 'road', gauge: '', distanceKm: '', distanceEstimated: false, minutes: '', usd20: '', usd40: '', co2: '', status: 'open', oneWay: false, scheduledOnly: false, corridors: [], sources: [], estimated: [] };
  }
  const p = link.properties;
  return {
    id: p.id,
    from: p.from,
    to: p.to,
    mode: p.mode,
    gauge: p.gauge === null || p.gauge === undefined ? '' : Array.isArray(p.gauge) ? p.gauge.join(',') : String(p.gauge),
    distanceKm: String(p.distanceKm),
    distanceEstimated: p.distanceEstimated,
    minutes: String(p.minutes),
    usd20: String(p.usd20),
    usd40: String(p.usd40),
    co2: p.co2GramsPerTonneKm === null ? '' : String(p.co2GramsPerTonneKm),
    status: p.status,
    oneWay: p.oneWay,
    scheduledOnly: p.scheduledOnly,
    corridors: [...p.corridors],
    sources: [...p.sources],
    estimated: [...p.estimated],
  };
}

const gaugeOf = (text: string): number | number[] | null => {
  if (text === '') return null;
  const list = text.split(',').map(Number);
  return list.length === 1 ? list[0]! : list;
};

interface Props {
  /** The link edited, or undefined for a new one. */
  link: LinkFeature | undefined;
  nodes: readonly NodeFeature[];
  corridors: readonly Corridor[];
  sources: readonly NetworkSource[];
  /** After a save or an addition, with the link's id; after a deletion, with null. */
  onChanged: (id: string | null, notice: string) => void;
}

/** Every field of a link, saved with PUT, added with POST or deleted with DELETE after a confirmation. */
export function LinkForm({ link, nodes, corridors, sources, onChanged }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [state, setState] = useState<LinkState>(() => stateOf(link));
  const isNew = link === undefined;
  const set = (change: Partial<LinkState>) => setState((s) => ({ ...s, ...change }));
  const names = useMemo(() => new Map(nodes.map((n) => [n.properties.id, n.properties.name])), [nodes]);
  const choices = useMemo(() => nodes.map(nodeChoice), [nodes]);
  const corridorItems = useMemo(() => {
    const collator = new Intl.Collator(locale);
    return corridors.map((c) => ({ value: c.id, label: c.name })).sort((a, b) => collator.compare(a.label, b.label));
  }, [corridors, locale]);
  const title = `${names.get(state.from) ?? state.from} — ${names.get(state.to) ?? state.to}`;
  const gauges = STANDARD_GAUGES.includes(state.gauge) || state.gauge === '' ? STANDARD_GAUGES : [...STANDARD_GAUGES, state.gauge];
  const gaugeLabel = (g: string) => (g === '1435,1520' ? t('logistics.editor.gaugeBoth') : t('logistics.gauge', { gauge: g.split(',').join(' / ') }));

  const bodyOf = (): LinkBody | string => {
    const required = (field: string) => t('logistics.editor.required', { field });
    const missing = missingText(
      [
        { value: state.id, label: t('logistics.editor.id') },
        { value: state.from, label: t('logistics.editor.from') },
        { value: state.to, label: t('logistics.editor.to') },
      ],
      required,
    );
    if (missing) return missing;
    if (state.from === state.to) return t('logistics.editor.sameEnds');
    const notNumber = (field: string) => t('logistics.editor.notNumber', { field });
    const read = readNumbers(
      {
        distanceKm: { value: state.distanceKm, label: t('logistics.editor.distanceKm') },
        minutes: { value: state.minutes, label: t('logistics.editor.linkMinutes') },
        usd20: { value: state.usd20, label: t('logistics.editor.linkUsd20') },
        usd40: { value: state.usd40, label: t('logistics.editor.linkUsd40') },
      },
      notNumber,
    );
    if ('problem' in read) return read.problem;
    let co2: number | null = null;
    if (state.co2.trim() !== '') {
      const co2Read = readNumbers({ co2: { value: state.co2, label: t('logistics.editor.co2') } }, notNumber);
      if ('problem' in co2Read) return co2Read.problem;
      co2 = co2Read.values.co2;
    }
    // The drawn course stays while the ends do; new ends are joined by a straight line.
    const keepsCourse = link !== undefined && link.properties.from === state.from && link.properties.to === state.to;
    return {
      id: state.id.trim(),
      from: state.from,
      to: state.to,
      mode: state.mode,
      // Fields without a value are left out, which the API reads as none; a CO2 figure sent as null comes back as 0.
      ...(state.mode === 'rail' && state.gauge !== '' ? { gauge: gaugeOf(state.gauge) } : {}),
      ...read.values,
      distanceEstimated: state.distanceEstimated,
      ...(co2 === null ? {} : { co2GramsPerTonneKm: co2 }),
      status: state.status,
      oneWay: state.oneWay,
      scheduledOnly: state.scheduledOnly,
      corridors: state.corridors,
      ...(keepsCourse ? { geometry: link.geometry.coordinates.map(([lon = 0, lat = 0]) => [lon, lat] as [number, number]) } : {}),
      sources: state.sources,
      estimated: state.estimated,
    };
  };

  const save = async (body: LinkBody) => {
    const saved = isNew ? await addLink(body) : await saveLink(body);
    onChanged(saved.id, t(isNew ? 'logistics.editor.added' : 'logistics.editor.saved', { name: saved.id }));
  };

  const deletion: Deletion | undefined = link && {
    label: t('logistics.editor.deleteLink'),
    question: t('logistics.editor.confirmDeleteLink', { name: `${link.properties.id} (${title})` }),
    run: async () => {
      await deleteLink(link.properties.id);
      onChanged(null, t('logistics.editor.deleted', { name: link.properties.id }));
    },
  };

  return (
    <EditorForm
      heading={isNew ? t('logistics.editor.addingLink') : t('logistics.editor.editLink', { name: title })}
      testId="link-form"
      bodyOf={bodyOf}
      save={save}
      deletion={deletion}
    >
      <div className="editor-grid">
        <IdField value={state.id} onChange={(v) => set({ id: v.toLowerCase() })} isNew={isNew} maxLength={96} hint={t('logistics.editor.linkIdHint')} />
        <SearchableSelect
          label={t('logistics.editor.from')}
          searchLabel={t('logistics.editor.searchNodes')}
          choices={choices}
          value={state.from}
          onChange={(v) => set({ from: v })}
          placeholder={t('logistics.editor.choose')}
          testId="link-from"
        />
        <SearchableSelect
          label={t('logistics.editor.to')}
          searchLabel={t('logistics.editor.searchNodes')}
          choices={choices}
          value={state.to}
          onChange={(v) => set({ to: v })}
          placeholder={t('logistics.editor.choose')}
          testId="link-to"
        />
        <SelectField label={t('logistics.editor.mode')} name="mode" value={state.mode} onChange={(mode) => set({ mode })} options={MODES.map((mode) => ({ value: mode, label: t(`logistics.mode.${mode}`) }))} />
        <SelectField
          label={t('logistics.editor.gaugeField')}
          name="gauge"
          value={state.mode === 'rail' ? state.gauge : ''}
          onChange={(gauge) => set({ gauge })}
          options={[{ value: '', label: t('logistics.editor.gaugeNone') }, ...gauges.map((g) => ({ value: g, label: gaugeLabel(g) }))]}
          disabled={state.mode !== 'rail'}
          hint={t('logistics.editor.gaugeHint')}
        />
        <SelectField
          label={t('logistics.editor.status')}
          name="status"
          value={state.status}
          onChange={(status) => set({ status })}
          options={LINK_STATUSES.map((status) => ({ value: status, label: t(`logistics.status.${status}`) }))}
        />
      </div>

      <div className="editor-grid">
        <div className="field">
          <TextField label={t('logistics.editor.distanceKm')} name="distanceKm" type="number" min={0} value={state.distanceKm} onChange={(v) => set({ distanceKm: v })} required />
          <Check label={t('logistics.editor.distanceEstimated')} name="distanceEstimated" checked={state.distanceEstimated} onChange={(v) => set({ distanceEstimated: v })} />
        </div>
        <TextField label={t('logistics.editor.linkMinutes')} name="minutes" type="number" min={0} value={state.minutes} onChange={(v) => set({ minutes: v })} required />
        <TextField label={t('logistics.editor.linkUsd20')} name="usd20" type="number" min={0} value={state.usd20} onChange={(v) => set({ usd20: v })} required />
        <TextField label={t('logistics.editor.linkUsd40')} name="usd40" type="number" min={0} value={state.usd40} onChange={(v) => set({ usd40: v })} required />
        <TextField label={t('logistics.editor.co2')} name="co2" type="number" min={0} value={state.co2} onChange={(v) => set({ co2: v })} hint={t('logistics.editor.co2Hint')} />
        <fieldset className="field">
          <legend>{t('logistics.editor.use')}</legend>
          <Check label={t('logistics.editor.oneWay')} name="oneWay" checked={state.oneWay} onChange={(v) => set({ oneWay: v })} />
          <Check label={t('logistics.editor.scheduledOnly')} name="scheduledOnly" checked={state.scheduledOnly} onChange={(v) => set({ scheduledOnly: v })} />
        </fieldset>
      </div>

      <div className="editor-grid">
        <CheckList legend={t('logistics.editor.corridors')} name="corridors" scroll items={corridorItems} checked={state.corridors} onChange={(v) => set({ corridors: v })} />
        <SourcesAndEstimates sources={sources} estimates={LINK_ESTIMATES} value={state} onChange={set} />
      </div>
      <p className="hint">{t('logistics.editor.courseHint')}</p>
    </EditorForm>
  );
}
