import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { IMPORT_FORMATS, uploadTradeFile, type ImportFormat, type ImportResult } from '../../api/trade.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { ImportProblems } from './ImportProblems.tsx';
import { ImportSummary } from './ImportSummary.tsx';
import { useTradeText } from './useTradeText.ts';

type Phase = { kind: 'idle' } | { kind: 'uploading'; sent: number } | { kind: 'importing' };

const blankToNull = (text: string) => (text.trim() === '' ? null : text.trim());

/** Upload of a trade file for members and administrators, with progress, then the import's summary or the row it stopped at. */
export function UploadPanel({ onImported }: { onImported: () => void }) {
  const { t } = useTranslation();
  const text = useTradeText();
  const id = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const companionInput = useRef<HTMLInputElement>(null);
  const [format, setFormat] = useState<ImportFormat | ''>('');
  const [dataset, setDataset] = useState('');
  const [release, setRelease] = useState('');
  const [mapping, setMapping] = useState('');
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const upload = useRef<AbortController | null>(null);

  // Leaving the page cancels an upload still under way.
  useEffect(() => () => upload.current?.abort(), []);

  const busy = phase.kind !== 'idle';

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const file = fileInput.current?.files?.[0];
    if (busy || !file) return;
    const controller = new AbortController();
    upload.current = controller;
    setResult(null);
    setError(null);
    setPhase({ kind: 'uploading', sent: 0 });
    uploadTradeFile(
      {
        file,
        companion: companionInput.current?.files?.[0] ?? null,
        format: format || null,
        dataset: blankToNull(dataset),
        release: blankToNull(release),
        map: blankToNull(mapping),
      },
      (sent) => setPhase(sent >= 1 ? { kind: 'importing' } : { kind: 'uploading', sent }),
      controller.signal,
    )
      .then((imported) => {
        setResult(imported);
        onImported();
      })
      .catch((reason: unknown) => {
        if (!(reason instanceof DOMException && reason.name === 'AbortError')) setError(reason);
      })
      .finally(() => {
        upload.current = null;
        setPhase({ kind: 'idle' });
      });
  };

  const problems = error instanceof ApiError && error.code === 'IMPORT_ROW_INVALID' ? (error.details ?? []) : [];

  return (
    <section className="panel" aria-labelledby={`${id}-heading`} id="trade-upload">
      <h2 id={`${id}-heading`}>{t('trade.upload.heading')}</h2>
      <p className="note">{t('trade.upload.intro')}</p>
      <form className="admin-form upload-form" onSubmit={submit}>
        <div className="form-grid">
          <div className="field">
            <label htmlFor={`${id}-file`}>{t('trade.upload.file')}</label>
            <input id={`${id}-file`} ref={fileInput} type="file" accept=".csv,.txt,text/csv" required data-testid="trade-upload-file" />
          </div>
          <div className="field">
            <label htmlFor={`${id}-companion`}>{t('trade.upload.companion')}</label>
            <input id={`${id}-companion`} ref={companionInput} type="file" accept=".csv,text/csv" aria-describedby={`${id}-companion-hint`} data-testid="trade-upload-companion" />
            <p className="hint" id={`${id}-companion-hint`}>
              {t('trade.upload.companionHint')}
            </p>
          </div>
          <div className="field">
            <label htmlFor={`${id}-format`}>{t('trade.upload.format')}</label>
            <select id={`${id}-format`} value={format} onChange={(event) => setFormat(event.target.value as ImportFormat | '')}>
              <option value="">{t('trade.upload.formatAuto')}</option>
              {IMPORT_FORMATS.map((f) => (
                <option key={f} value={f}>
                  {t(`trade.upload.formatName.${f}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-dataset`}>{t('trade.upload.dataset')}</label>
            <input
              id={`${id}-dataset`}
              value={dataset}
              pattern="[a-z0-9][a-z0-9._\-]*"
              maxLength={100}
              aria-describedby={`${id}-dataset-hint`}
              onChange={(event) => setDataset(event.target.value)}
            />
            <p className="hint" id={`${id}-dataset-hint`}>
              {t('trade.upload.datasetHint')}
            </p>
          </div>
          <div className="field">
            <label htmlFor={`${id}-release`}>{t('trade.upload.release')}</label>
            <input id={`${id}-release`} value={release} maxLength={40} onChange={(event) => setRelease(event.target.value)} />
          </div>
          <div className="field wide">
            <label htmlFor={`${id}-map`}>{t('trade.upload.map')}</label>
            <input id={`${id}-map`} value={mapping} maxLength={1000} spellCheck={false} aria-describedby={`${id}-map-hint`} onChange={(event) => setMapping(event.target.value)} />
            <p className="hint" id={`${id}-map-hint`}>
              {t('trade.upload.mapHint')}
            </p>
          </div>
        </div>
        <div className="form-row">
          <button type="submit" className="button" disabled={busy} data-testid="trade-upload-submit">
            {t('trade.upload.submit')}
          </button>
          {phase.kind === 'uploading' && (
            <button type="button" className="button secondary" onClick={() => upload.current?.abort()}>
              {t('trade.upload.cancel')}
            </button>
          )}
        </div>
        {busy && (
          <div className="upload-progress" role="status">
            <progress
              max={1}
              value={phase.kind === 'uploading' ? phase.sent : undefined}
              aria-label={t('trade.upload.progress')}
              data-testid="trade-upload-progress"
            />
            <span>{phase.kind === 'uploading' ? t('trade.upload.uploading', { percent: text.percent(phase.sent * 100, 0) }) : t('trade.upload.importing')}</span>
          </div>
        )}
        <ErrorMessage error={error} />
        {problems.length > 0 && <ImportProblems problems={problems} />}
      </form>
      {result && <ImportSummary result={result} />}
    </section>
  );
}
