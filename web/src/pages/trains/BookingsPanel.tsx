import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { BOOKING_MARKS, bookingsPath, cancelBooking, markBooking, type Booking, type Departure } from '../../api/trains.ts';
import { useResource } from '../../api/useResource.ts';
import type { User } from '../../api/types.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useReloadOn } from '../../components/useReloadOn.ts';
import { useSubmit } from '../../components/useSubmit.ts';
import { useTrainsText } from './useTrainsText.ts';

/** States in which a booking may still be cancelled. */
const CANCELLABLE = new Set<Booking['state']>(['requested', 'confirmed', 'waitlisted']);

interface Props {
  user: User;
  /** Departures the page has listed, to name a booking's train. */
  departures: ReadonlyMap<string, Departure>;
  /** Bumped when a booking is made or changed elsewhere on the page. */
  generation: number;
  /** The departure whose timeline is open. */
  tracked: string | null;
  onOpen: (departureId: string) => void;
  onChanged: () => void;
}

/** The bookings the user may see (a shipper's own; an operator's on its services; all for admins), each with its state. */
export function BookingsPanel({ user, departures, generation, tracked, onOpen, onChanged }: Props) {
  const { t } = useTranslation();
  const text = useTrainsText();
  const headingId = useId();
  const { data, error, loading, reload } = useResource<{ bookings: Booking[] }>(bookingsPath);
  const { run, pending, error: actionError } = useSubmit();
  useReloadOn(generation, reload);

  const bookings = data?.bookings ?? [];
  // Providers see only bookings on their own services; admins see all.
  const operator = user.role === 'provider' || user.role === 'admin';
  const act = (action: () => Promise<unknown>) =>
    run(async () => {
      await action();
      onChanged();
    });

  return (
    <section className="panel" aria-labelledby={headingId} data-testid="trains-bookings">
      <h2 id={headingId}>{operator ? t('trains.bookings.headingOperator') : t('trains.bookings.heading')}</h2>
      <ErrorMessage error={error} />
      <ErrorMessage error={actionError} />
      {loading && !data && <Loading />}
      {data && bookings.length === 0 && <p className="note empty-state">{t('trains.bookings.none')}</p>}
      {bookings.length > 0 && (
        <div className="table-scroll">
          <table className="data-table bookings-table">
            <caption className="visually-hidden">{t('trains.bookings.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('trains.bookings.train')}</th>
                <th scope="col">{t('trains.bookings.containers')}</th>
                <th scope="col" className="numeric">
                  {t('trains.bookings.teu')}
                </th>
                <th scope="col">{t('trains.bookings.state')}</th>
                <th scope="col">{t('trains.bookings.booked')}</th>
                <th scope="col">{t('trains.bookings.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {bookings.map((booking) => {
                const departure = departures.get(booking.departureId);
                const bookedAt = booking.events[0]?.at;
                return (
                  <tr key={booking.id} data-testid="booking-row" data-booking={booking.id} data-state={booking.state} className={tracked === booking.departureId ? 'chosen' : undefined}>
                    <th scope="row">
                      {departure ? (
                        <>
                          <span className="booking-service">{departure.serviceName}</span>
                          <span className="booking-when">{text.time(departure.departsAt)}</span>
                        </>
                      ) : (
                        <span className="booking-service">{t('trains.bookings.reference', { id: booking.id.slice(0, 8) })}</span>
                      )}
                    </th>
                    <td>{booking.containers.map((c) => t('trains.bookings.containerCount', { n: c.count, size: c.size })).join(', ')}</td>
                    <td className="numeric">{booking.teu}</td>
                    <td>
                      <span className={`booking-state ${booking.state}`} data-testid="booking-state">
                        {t(`trains.state.${booking.state}`)}
                      </span>
                    </td>
                    <td className="time">{bookedAt ? text.shortTime(bookedAt) : '—'}</td>
                    <td className="booking-actions">
                      <button type="button" className="button small" data-testid="booking-open" aria-pressed={tracked === booking.departureId} onClick={() => onOpen(booking.departureId)}>
                        {t('trains.bookings.open')}
                      </button>
                      {CANCELLABLE.has(booking.state) && (
                        <button type="button" className="link-button" disabled={pending} onClick={() => act(() => cancelBooking(booking.id))}>
                          {t('trains.bookings.cancel')}
                        </button>
                      )}
                      {operator &&
                        BOOKING_MARKS.filter((mark) => mark.from === booking.state).map((mark) => (
                          <button key={mark.state} type="button" className="button small secondary" disabled={pending} data-testid={`booking-mark-${mark.state}`} onClick={() => act(() => markBooking(booking.id, mark.state))}>
                            {t(`trains.bookings.mark.${mark.state}`)}
                          </button>
                        ))}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
