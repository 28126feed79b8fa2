import { useCallback, useState, type FormEvent } from 'react';

/**
 * Runs a form's async actions one at a time, keeping the last one's error for display: `action` when the form is
 * submitted, and any other (a delete button's, or a submission checked first) through `run`.
 */
export function useSubmit(action?: () => Promise<void>) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const run = useCallback(
    (next: () => Promise<void>) => {
      if (pending) return;
      setPending(true);
      setError(null);
      next()
        .catch((reason: unknown) => setError(reason))
        .finally(() => setPending(false));
    },
    [pending],
  );

  const onSubmit = useCallback(
    (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      if (action) run(action);
    },
    [action, run],
  );

  return { onSubmit, run, pending, error };
}
