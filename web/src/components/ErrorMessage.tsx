import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';

/** Shows the server's own message for an API error, or a translated one when the server could not be reached. */
export function ErrorMessage({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  let message: string;
  if (error instanceof ApiError && error.message) message = error.message;
  else if (error instanceof ApiError && error.code === 'NETWORK_ERROR') message = t('errors.network');
  else message = t('errors.unexpected');
  return (
    <p className="error" role="alert">
      {message}
    </p>
  );
}

/** A problem found in a form before it was sent, if there is one. */
export function FormProblem({ problem }: { problem: string | null }) {
  if (!problem) return null;
  return (
    <p className="error" role="alert">
      {problem}
    </p>
  );
}
