import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Corridor, LinkFeature, NetworkSource, NodeFeature } from '../../api/logistics.ts';
import { useLocale } from '../../i18n/useLocale.ts';
import { SearchableSelect, useNodeChoices, type Choice } from './editorParts.tsx';
import { LinkForm } from './LinkForm.tsx';
import { NodeForm } from './NodeForm.tsx';
import './network-editor.css';

/** What the editor shows: a place or a link by id, '' for none chosen yet, null for a new one. */
export interface EditorSelection {
  kind: 'node' | 'link';
  id: string | null;
}

interface Props {
  nodes: readonly NodeFeature[];
  links: readonly LinkFeature[];
  corridors: readonly Corridor[];
  sources: readonly NetworkSource[];
  selection: EditorSelection;
  onSelect: (selection: EditorSelection) => void;
  /** After any change saved on the server, for the page to fetch the network again. */
  onChanged: () => void;
}

/** Administrators' editor of the network: choose a place or a link (here or on the map), change, add or delete it. */
export function NetworkEditor({ nodes, links, corridors, sources, selection, onSelect, onChanged }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const id = useId();
  const [notice, setNotice] = useState<string | null>(null);
  // A form is keyed by its subject: it keeps what was typed while the subject stays, and starts afresh for another.
  const names = useMemo(() => new Map(nodes.map((n) => [n.properties.id, n.properties.name])), [nodes]);

  const nodeChoices = useNodeChoices(nodes);
  const linkChoices = useMemo<Choice[]>(() => {
    const collator = new Intl.Collator(locale);
    return links
      .map((link) => {
        const p = link.properties;
        const from = names.get(p.from) ?? p.from;
        const to = names.get(p.to) ?? p.to;
        return { value: p.id, label: `${from} — ${to} · ${t(`logistics.mode.${p.mode}`)} · ${p.id}`, search: [from, to, p.id, p.from, p.to] };
      })
      .sort((a, b) => collator.compare(a.label, b.label));
  }, [links, names, locale, t]);

  const select = (next: EditorSelection) => {
    setNotice(null);
    onSelect(next);
  };
  const changed = (kind: EditorSelection['kind']) => (next: string | null, message: string) => {
    setNotice(message);
    onSelect({ kind, id: next ?? '' });
    onChanged();
  };

  const node = selection.kind === 'node' && selection.id ? nodes.find((n) => n.properties.id === selection.id) : undefined;
  const link = selection.kind === 'link' && selection.id ? links.find((l) => l.properties.id === selection.id) : undefined;
  const isNew = selection.id === null;

  return (
    <section className="panel network-editor" aria-labelledby={`${id}-heading`} data-testid="network-editor">
      <h2 id={`${id}-heading`}>{t('logistics.editor.heading')}</h2>
      <p className="hint">{t('logistics.editor.intro')}</p>
      <div className="editor-kinds" role="group" aria-label={t('logistics.editor.what')}>
        {(['node', 'link'] as const).map((kind) => (
          <button
            key={kind}
            type="button"
            className={`corridor-button editor-kind${selection.kind === kind ? ' active' : ''}`}
            aria-pressed={selection.kind === kind}
            data-testid={`editor-kind-${kind}`}
            onClick={() => select({ kind, id: '' })}
          >
            {t(kind === 'node' ? 'logistics.editor.nodes' : 'logistics.editor.links')}
          </button>
        ))}
      </div>

      <div className="editor-pick">
        {selection.kind === 'node' ? (
          <SearchableSelect
            key="node"
            label={t('logistics.editor.pickNode')}
            searchLabel={t('logistics.editor.searchNodes')}
            choices={nodeChoices}
            value={selection.id ?? ''}
            onChange={(v) => select({ kind: 'node', id: v })}
            placeholder={t('logistics.editor.choose')}
            testId="editor-node"
          />
        ) : (
          <SearchableSelect
            key="link"
            label={t('logistics.editor.pickLink')}
            searchLabel={t('logistics.editor.searchLinks')}
            choices={linkChoices}
            value={selection.id ?? ''}
            onChange={(v) => select({ kind: 'link', id: v })}
            placeholder={t('logistics.editor.choose')}
            testId="editor-link"
          />
        )}
        <button type="button" className="button editor-new" data-testid="editor-new" aria-pressed={isNew} onClick={() => select({ kind: selection.kind, id: null })}>
          {t(selection.kind === 'node' ? 'logistics.editor.newNode' : 'logistics.editor.newLink')}
        </button>
      </div>

      {notice && (
        <p className="success" role="status" data-testid="editor-notice">
          {notice}
        </p>
      )}

      {selection.kind === 'node' && (isNew || node) && (
        <NodeForm key={`node:${selection.id ?? ''}`} node={node} sources={sources} onChanged={changed('node')} />
      )}
      {selection.kind === 'link' && (isNew || link) && (
        <LinkForm key={`link:${selection.id ?? ''}`} link={link} nodes={nodes} corridors={corridors} sources={sources} onChanged={changed('link')} />
      )}
    </section>
  );
}
