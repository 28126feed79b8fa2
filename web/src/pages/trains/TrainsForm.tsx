import { useId, type ReactNode } from 'react';
import { ErrorMessage, FormProblem } from '../../components/ErrorMessage.tsx';

interface TrainsFormProps {
  className: string;
  testId: string;
  heading: string;
  /** By where the form stands on the page: a booking form under a departure's heading takes an h4. */
  headingLevel: 3 | 4;
  onSubmit: () => void;
  submitLabel: string;
  submitTestId: string;
  pending: boolean;
  /** A problem found before sending, shown instead of sending. */
  problem: string | null;
  /** The last request's error. */
  error: unknown;
  children: ReactNode;
  /** Shown after the form's messages, such as what the last request did. */
  footer?: ReactNode;
}

/** A form of the trains page sending one request: its heading, fields, submit button and what went wrong. */
export function TrainsForm({ className, testId, heading, headingLevel, onSubmit, submitLabel, submitTestId, pending, problem, error, children, footer }: TrainsFormProps) {
  const id = useId();
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  return (
    <form
      className={className}
      aria-labelledby={`${id}-heading`}
      noValidate
      data-testid={testId}
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      <Heading id={`${id}-heading`}>{heading}</Heading>
      {children}
      <div className="form-row">
        <button type="submit" className="button" disabled={pending} data-testid={submitTestId}>
          {submitLabel}
        </button>
      </div>
      <FormProblem problem={problem} />
      <ErrorMessage error={error} />
      {footer}
    </form>
  );
}
