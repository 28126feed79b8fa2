import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { bookSlots, type Booking, type BookingRequest, type Departure } from '../../api/trains.ts';
import { useSubmit } from '../../components/useSubmit.ts';
import { Check, TextField } from '../logistics/editorParts.tsx';
import type { Counts } from './DepartureSearchForm.tsx';
import { TrainsForm } from './TrainsForm.tsx';

/** A fresh idempotency key: a UUID, also where `crypto.randomUUID` is missing (pages served over plain HTTP). */
function freshKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Container numbers typed one per line (or separated by spaces or commas). */
const numbersOf = (text: string) =>
  text
    .split(/[\s,;]+/)
    .map((part) => part.trim().toUpperCase())
    .filter(Boolean);

interface Props {
  departure: Departure;
  counts: Counts;
  onBooked: (booking: Booking) => void;
}

/**
 * Books slots on one departure. Each attempt carries a fresh `Idempotency-Key`; when it failed on the network (the
 * server may have booked all the same), the same request sent again reuses its key, so it books nothing twice.
 */
export function BookingForm({ departure, counts, onBooked }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const sizes = departure.sizes;
  const [count, setCount] = useState<Record<20 | 40, string>>({ 20: String(sizes.includes(20) ? counts[20] : 0), 40: String(sizes.includes(40) ? counts[40] : 0) });
  const [numbers, setNumbers] = useState<Record<20 | 40, string>>({ 20: '', 40: '' });
  const [waitlist, setWaitlist] = useState(true);
  const [problem, setProblem] = useState<string | null>(null);
  const attempt = useRef<{ key: string; body: string } | null>(null);
  const { run, pending, error } = useSubmit();

  const submit = () => {
    const containers = sizes.map((size) => ({ size, count: Number(count[size] || '0') })).filter((c) => c.count !== 0);
    if (containers.some((c) => !Number.isInteger(c.count) || c.count < 0)) return setProblem(t('trains.book.badCount'));
    if (containers.length === 0) return setProblem(t('trains.book.noContainers'));
    setProblem(null);
    const containerNumbers = sizes.flatMap((size) => numbersOf(numbers[size]).map((number) => ({ number, size })));
    const body: BookingRequest = { departureId: departure.id, containers, ...(containerNumbers.length > 0 ? { containerNumbers } : {}), waitlist };
    const text = JSON.stringify(body);
    // A changed request is a new booking attempt; the same one after a network failure is a retry.
    if (attempt.current?.body !== text) attempt.current = { key: freshKey(), body: text };
    const key = attempt.current.key;
    run(async () => {
      try {
        const booking = await bookSlots(body, key);
        attempt.current = null;
        onBooked(booking);
      } catch (reason) {
        if (!(reason instanceof ApiError && reason.code === 'NETWORK_ERROR')) attempt.current = null;
        throw reason;
      }
    });
  };

  return (
    <TrainsForm
      className="booking-form"
      testId="booking-form"
      heading={t('trains.book.heading', { service: departure.serviceName })}
      headingLevel={4}
      onSubmit={submit}
      submitLabel={pending ? t('trains.book.booking') : error instanceof ApiError && error.code === 'NETWORK_ERROR' ? t('trains.book.retry') : t('trains.book.submit')}
      submitTestId="booking-submit"
      pending={pending}
      problem={problem}
      error={error}
    >
      <div className="booking-grid">
        {sizes.map((size) => (
          <div key={size} className="booking-size">
            <TextField
              label={t('trains.book.count', { size })}
              name={`count${size}`}
              type="number"
              integer
              min={0}
              max={500}
              inputClassName="count-input"
              value={count[size]}
              onChange={(value) => setCount((all) => ({ ...all, [size]: value }))}
            />
            <div className="field">
              <label htmlFor={`${id}-numbers-${size}`}>{t('trains.book.numbers', { size })}</label>
              <textarea
                id={`${id}-numbers-${size}`}
                name={`numbers${size}`}
                rows={2}
                spellCheck={false}
                value={numbers[size]}
                aria-describedby={`${id}-numbers-hint`}
                onChange={(event) => setNumbers((all) => ({ ...all, [size]: event.target.value }))}
              />
            </div>
          </div>
        ))}
      </div>
      <p className="hint" id={`${id}-numbers-hint`}>
        {t('trains.book.numbersHint')}
      </p>
      <Check label={t('trains.book.waitlist')} name="waitlist" checked={waitlist} onChange={setWaitlist} />
    </TrainsForm>
  );
}
