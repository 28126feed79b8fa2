import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NODE_KINDS, addNode, deleteNode, saveNode, type HandlingFigures, type NetworkSource, type NodeBody, type NodeFeature, type NodeKind } from '../../api/logistics.ts';
import { EditorForm, type Deletion } from './EditorForm.tsx';
import { Check, IdField, SelectField, SourcesAndEstimates, TextField, missingText, readNumbers } from './editorParts.tsx';

/** What a node's `estimated` may name. */
const NODE_ESTIMATES = ['coordinates', 'transshipment', 'customs', 'gaugeChange'] as const;
const HANDLINGS = ['transshipment', 'customs', 'gaugeChange'] as const;
type HandlingName = (typeof HANDLINGS)[number];
/** The label of each figure of a handling, in the order shown; it names the handling as `what`. */
const HANDLING_LABEL = { minutes: 'logistics.editor.handlingMinutes', usd20: 'logistics.editor.handlingUsd20', usd40: 'logistics.editor.handlingUsd40' } as const;
const HANDLING_FIELDS = Object.keys(HANDLING_LABEL) as (keyof typeof HANDLING_LABEL)[];

interface HandlingState {
  on: boolean;
  minutes: string;
  usd20: string;
  usd40: string;
}

interface NodeState {
  id: string;
  en: string;
  ru: string;
  zh: string;
  kind: NodeKind;
  country: string;
  lat: string;
  lon: string;
  locode: string;
  handling: Record<HandlingName, HandlingState>;
  sources: string[];
  estimated: string[];
}

const handlingState = (h: HandlingFigures | null): HandlingState =>
  h === null ? { on: false, minutes: '', usd20: '', usd40: '' } : { on: true, minutes: String(h.minutes), usd20: String(h.usd20), usd40: String(h.usd40) };

function stateOf(node: NodeFeature | undefined): NodeState {
  if (!node) {
    const none = handlingState(null);
    return { id: '', en: '', ru: '', zh: '', kind: 'city', country: '', lat: '', lon: '', locode: '', handling: { transshipment: { ...none, on: true }, customs: none, gaugeChange: none }, sources: [], estimated: [] };
  }
  const p = node.properties;
  const [lon = 0, lat = 0] = node.geometry.coordinates;
  return {
    id: p.id,
    en: p.names.en,
    ru: p.names.ru,
    zh: p.names['zh-Hans'],
    kind: p.kind,
    country: p.country,
    lat: String(lat),
    lon: String(lon),
    locode: p.locode ?? '',
    handling: { transshipment: handlingState(p.transshipment), customs: handlingState(p.customs), gaugeChange: handlingState(p.gaugeChange) },
    sources: [...p.sources],
    estimated: [...p.estimated],
  };
}

interface Props {
  /** The node edited, or undefined for a new one. */
  node: NodeFeature | undefined;
  sources: readonly NetworkSource[];
  /** After a save or an addition, with the node's id; after a deletion, with null. */
  onChanged: (id: string | null, notice: string) => void;
}

/** Every field of a node, saved with PUT, added with POST or deleted with DELETE after a confirmation. */
export function NodeForm({ node, sources, onChanged }: Props) {
  const { t } = useTranslation();
  const [state, setState] = useState<NodeState>(() => stateOf(node));
  const isNew = node === undefined;
  const set = (change: Partial<NodeState>) => setState((s) => ({ ...s, ...change }));
  const setHandling = (name: HandlingName, change: Partial<HandlingState>) => setState((s) => ({ ...s, handling: { ...s.handling, [name]: { ...s.handling[name], ...change } } }));
  const name = node?.properties.name ?? state.id;

  const handlingLabel = (name: HandlingName) => t(`logistics.editor.${name}`);

  const bodyOf = (): NodeBody | string => {
    const missing = missingText(
      [
        { value: state.id, label: t('logistics.editor.id') },
        { value: state.en, label: t('logistics.editor.nameEn') },
        { value: state.ru, label: t('logistics.editor.nameRu') },
        { value: state.zh, label: t('logistics.editor.nameZh') },
        { value: state.country, label: t('logistics.editor.country') },
      ],
      (field) => t('logistics.editor.required', { field }),
    );
    if (missing) return missing;
    const notNumber = (field: string) => t('logistics.editor.notNumber', { field });
    const place = readNumbers({ lat: { value: state.lat, label: t('logistics.editor.lat') }, lon: { value: state.lon, label: t('logistics.editor.lon') } }, notNumber);
    if ('problem' in place) return place.problem;
    const handling: Partial<Record<HandlingName, HandlingFigures | null>> = {};
    for (const name of HANDLINGS) {
      const h = state.handling[name];
      if (!h.on) {
        handling[name] = null;
        continue;
      }
      const what = handlingLabel(name);
      const read = readNumbers(
        {
          minutes: { value: h.minutes, label: t(HANDLING_LABEL.minutes, { what }) },
          usd20: { value: h.usd20, label: t(HANDLING_LABEL.usd20, { what }) },
          usd40: { value: h.usd40, label: t(HANDLING_LABEL.usd40, { what }) },
        },
        notNumber,
      );
      if ('problem' in read) return read.problem;
      handling[name] = read.values;
    }
    return {
      id: state.id.trim(),
      names: { en: state.en.trim(), ru: state.ru.trim(), 'zh-Hans': state.zh.trim() },
      kind: state.kind,
      country: state.country.trim().toUpperCase(),
      lat: place.values.lat,
      lon: place.values.lon,
      // Fields without a value are left out: the API reads an absent one as none.
      ...(state.locode.trim() === '' ? {} : { locode: state.locode.trim().toUpperCase() }),
      transshipment: handling.transshipment!,
      ...(handling.customs ? { customs: handling.customs } : {}),
      ...(handling.gaugeChange ? { gaugeChange: handling.gaugeChange } : {}),
      sources: state.sources,
      estimated: state.estimated,
    };
  };

  const save = async (body: NodeBody) => {
    const saved = isNew ? await addNode(body) : await saveNode(body);
    onChanged(saved.id, t(isNew ? 'logistics.editor.added' : 'logistics.editor.saved', { name: saved.name }));
  };

  const deletion: Deletion | undefined = node && {
    label: t('logistics.editor.deleteNode'),
    question: t('logistics.editor.confirmDeleteNode', { name }),
    run: async () => {
      await deleteNode(node.properties.id);
      onChanged(null, t('logistics.editor.deleted', { name }));
    },
  };

  return (
    <EditorForm
      heading={isNew ? t('logistics.editor.addingNode') : t('logistics.editor.editNode', { name })}
      testId="node-form"
      bodyOf={bodyOf}
      save={save}
      deletion={deletion}
    >
      <div className="editor-grid">
        <IdField value={state.id} onChange={(v) => set({ id: v.toUpperCase() })} isNew={isNew} maxLength={64} hint={t('logistics.editor.nodeIdHint')} />
        <TextField label={t('logistics.editor.nameEn')} name="name-en" lang="en" value={state.en} onChange={(v) => set({ en: v })} required maxLength={200} />
        <TextField label={t('logistics.editor.nameRu')} name="name-ru" lang="ru" value={state.ru} onChange={(v) => set({ ru: v })} required maxLength={200} />
        <TextField label={t('logistics.editor.nameZh')} name="name-zh-Hans" lang="zh-Hans" value={state.zh} onChange={(v) => set({ zh: v })} required maxLength={200} />
        <SelectField label={t('logistics.editor.kind')} name="kind" value={state.kind} onChange={(kind) => set({ kind })} options={NODE_KINDS.map((kind) => ({ value: kind, label: t(`logistics.kind.${kind}`) }))} />
        <TextField label={t('logistics.editor.country')} name="country" className="short" value={state.country} onChange={(v) => set({ country: v.toUpperCase() })} required maxLength={3} hint={t('logistics.editor.countryHint')} />
        <TextField label={t('logistics.editor.lat')} name="lat" type="number" min={-90} max={90} value={state.lat} onChange={(v) => set({ lat: v })} required />
        <TextField label={t('logistics.editor.lon')} name="lon" type="number" min={-180} max={180} value={state.lon} onChange={(v) => set({ lon: v })} required />
        <TextField label={t('logistics.editor.locode')} name="locode" className="short" value={state.locode} onChange={(v) => set({ locode: v.toUpperCase() })} maxLength={5} hint={t('logistics.editor.optional')} />
      </div>

      <div className="editor-grid">
        {HANDLINGS.map((name) => {
          const h = state.handling[name];
          const what = handlingLabel(name);
          return (
            <fieldset className="field editor-handling" key={name}>
              <legend>{what}</legend>
              {name !== 'transshipment' && <Check label={t(`logistics.editor.has.${name}`)} name={`${name}-on`} checked={h.on} onChange={(on) => setHandling(name, { on })} />}
              {h.on &&
                HANDLING_FIELDS.map((field) => (
                  <TextField
                    key={field}
                    label={t(HANDLING_LABEL[field], { what })}
                    name={`${name}-${field}`}
                    type="number"
                    min={0}
                    value={h[field]}
                    onChange={(v) => setHandling(name, { [field]: v })}
                    required
                  />
                ))}
            </fieldset>
          );
        })}
      </div>

      <div className="editor-grid">
        <SourcesAndEstimates sources={sources} estimates={NODE_ESTIMATES} value={state} onChange={set} />
      </div>
    </EditorForm>
  );
}
