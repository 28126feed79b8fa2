import { useCallback, useState, type FormEvent } from 'react';

/** Runs a form's async action once at a time, keeping its error for display. */
export function useSubmit(action: () => Promise<void>) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const onSubmit = useCallback(
    (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      if (pending) return;
      setPending(true);
      setError(null);
      action()
        .catch((reason: unknown) => setError(reason))
        .finally(() => setPending(false));
    },
    [action, pending],
  );

  return { onSubmit, pending, error };
}
