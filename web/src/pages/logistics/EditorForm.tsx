import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { useSubmit } from '../../components/useSubmit.ts';

/** Deleting the node or link a form edits, once the question is answered yes. */
export interface Deletion {
  label: string;
  question: string;
  run: () => Promise<void>;
}

interface EditorFormProps<B extends object> {
  heading: string;
  testId: string;
  /** The body to send, or the problem that keeps it from being sent, shown instead. */
  bodyOf: () => B | string;
  /** Adds or saves the body. */
  save: (body: B) => Promise<void>;
  /** Undefined for a node or link not added yet: its form adds it. */
  deletion: Deletion | undefined;
  children: ReactNode;
}

/**
 * A form editing one node or link: its heading, its fields, its save (or add) and delete buttons, and what went wrong
 * with its last request. One request is sent at a time.
 */
export function EditorForm<B extends object>({ heading, testId, bodyOf, save, deletion, children }: EditorFormProps<B>) {
  const { t } = useTranslation();
  const id = useId();
  const { run, pending, error } = useSubmit();
  const [problem, setProblem] = useState<string | null>(null);

  const send = (action: () => Promise<void>) => {
    setProblem(null);
    run(action);
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    const body = bodyOf();
    if (typeof body === 'string') return setProblem(body);
    send(() => save(body));
  };

  const onDelete = () => {
    if (!deletion || pending || !window.confirm(deletion.question)) return;
    send(deletion.run);
  };

  return (
    <form className="editor-form" aria-labelledby={`${id}-heading`} onSubmit={onSubmit} noValidate data-testid={testId}>
      <h3 id={`${id}-heading`}>{heading}</h3>
      {children}
      <div className="form-row editor-actions">
        <button type="submit" className="button" disabled={pending}>
          {pending ? t('logistics.editor.saving') : deletion ? t('logistics.editor.save') : t('logistics.editor.add')}
        </button>
        {deletion && (
          <button type="button" className="button danger" disabled={pending} onClick={onDelete}>
            {deletion.label}
          </button>
        )}
      </div>
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
      <ErrorMessage error={error} />
    </form>
  );
}
