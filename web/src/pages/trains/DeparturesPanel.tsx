import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { departuresPath, type Booking, type Departure, type DepartureSearch } from '../../api/trains.ts';
import { useResource } from '../../api/useResource.ts';
import type { User } from '../../api/types.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useReloadOn } from '../../components/useReloadOn.ts';
import { todayIso } from '../../i18n/format.ts';
import { BookingForm } from './BookingForm.tsx';
import { DEFAULT_DAYS, DepartureSearchForm, containersQuery, type Counts } from './DepartureSearchForm.tsx';
import type { StopNetwork } from './useTrainsData.ts';
import { useTrainsText } from './useTrainsText.ts';

const DEFAULT_COUNTS: Counts = { 20: 0, 40: 1 };

interface Props {
  user: User | null;
  network: StopNetwork;
  stops: readonly string[];
  operates: (serviceId: string) => boolean;
  /** Bumped when bookings change elsewhere, so TEU left is read again. */
  generation: number;
  onBooked: (booking: Booking) => void;
  onTrack: (departureId: string) => void;
  /** Departures seen so far, for naming a booking's departure. */
  onDepartures: (departures: readonly Departure[]) => void;
}

/** Departures by day, each with what it has left and until when it takes bookings; members book on them here. */
export function DeparturesPanel({ user, network, stops, operates, generation, onBooked, onTrack, onDepartures }: Props) {
  const { t } = useTranslation();
  const text = useTrainsText();
  const headingId = useId();
  const [search, setSearch] = useState<DepartureSearch>(() => ({ date: todayIso(), days: DEFAULT_DAYS, containers: containersQuery(DEFAULT_COUNTS) }));
  const [counts, setCounts] = useState<Counts>(DEFAULT_COUNTS);
  const [booking, setBooking] = useState<string | null>(null);
  const [lastBooked, setLastBooked] = useState<Booking | null>(null);
  const { data, error, loading, reload } = useResource<{ departures: Departure[] }>(departuresPath(search));
  const departures = useMemo(() => data?.departures ?? [], [data]);
  // Bookings change the TEU left: read the list again when they do.
  useReloadOn(generation, reload);
  useEffect(() => {
    if (data) onDepartures(data.departures);
  }, [data, onDepartures]);

  const days = useMemo(() => {
    const byDay = new Map<string, Departure[]>();
    for (const departure of departures) {
      const day = departure.departsAt.slice(0, 10);
      byDay.set(day, [...(byDay.get(day) ?? []), departure]);
    }
    return [...byDay.entries()];
  }, [departures]);
  const isMember = user?.role === 'member';
  const now = Date.now();
  const lastDeparture = lastBooked ? departures.find((d) => d.id === lastBooked.departureId) : undefined;

  return (
    <section className="panel" aria-labelledby={headingId} data-testid="trains-departures">
      <DepartureSearchForm
        stops={stops}
        network={network}
        onSearch={(next, nextCounts) => {
          setSearch(next);
          setCounts(nextCounts);
          setBooking(null);
        }}
      />
      <h2 id={headingId} className="departures-heading">
        {t('trains.departures.heading')}
      </h2>
      {!user && (
        <p className="note">
          {t('trains.departures.logInToBook')} <Link to="/login" state={{ from: '/trains' }}>{t('nav.login')}</Link>
        </p>
      )}
      {user && !isMember && user.role !== 'admin' && <p className="note">{t('trains.departures.membersBook')}</p>}
      {lastBooked && (
        <p className={`booking-result ${lastBooked.state}`} role="status" data-testid="booking-result" data-state={lastBooked.state}>
          {lastBooked.state === 'waitlisted'
            ? t('trains.book.waitlisted', { teu: lastBooked.teu, service: lastDeparture?.serviceName ?? '' })
            : t('trains.book.confirmed', { teu: lastBooked.teu, service: lastDeparture?.serviceName ?? '' })}
        </p>
      )}
      <ErrorMessage error={error} />
      {loading && !data && <Loading />}
      {data && departures.length === 0 && (
        <p className="note empty-state" role="status" data-testid="trains-no-departures">
          {t('trains.departures.none')}
        </p>
      )}
      <div className="departure-days" aria-busy={loading}>
        {days.map(([day, list]) => (
          <section key={day} className="departure-day" aria-label={text.day(day)} data-day={day}>
            <h3 className="departure-date">
              <time dateTime={day}>{text.day(day)}</time>
            </h3>
            <ul className="departure-list">
              {list.map((departure) => {
                const full = departure.teuLeft <= 0;
                const closed = Date.parse(departure.bookingClosesAt) <= now;
                const route = departure.stops.map((stop) => network.name(stop.node)).join(' → ');
                return (
                  <li key={departure.id} className={`departure${full ? ' full' : ''}`} data-testid="departure" data-departure={departure.id}>
                    <div className="departure-main">
                      <time className="departure-time" dateTime={departure.departsAt} title={text.time(departure.departsAt)}>
                        {text.clock(departure.departsAt)}
                      </time>
                      <div className="departure-what">
                        <strong className="departure-service">{departure.serviceName}</strong>
                        <span className="departure-route">{route}</span>
                        <span className="departure-detail">
                          {closed ? t('trains.departures.closed') : t('trains.departures.closes', { time: text.time(departure.bookingClosesAt) })}
                          {' · '}
                          {departure.sizes.map((size) => t('trains.departures.price', { size, usd: text.usd(departure.usd[size] ?? 0) })).join(' · ')}
                        </span>
                      </div>
                      <span className={`teu-left${full ? ' full' : ''}`} data-testid="teu-left">
                        {full ? t('trains.departures.full') : t('trains.departures.teuLeft', { left: departure.teuLeft, capacity: departure.capacityTeu })}
                      </span>
                      <div className="departure-actions">
                        {isMember && !closed && (
                          <button
                            type="button"
                            className="button small"
                            aria-expanded={booking === departure.id}
                            data-testid="departure-book"
                            onClick={() => setBooking((current) => (current === departure.id ? null : departure.id))}
                          >
                            {full ? t('trains.departures.joinWaitlist') : t('trains.departures.book')}
                          </button>
                        )}
                        {operates(departure.serviceId) && (
                          <button type="button" className="button small secondary" data-testid="departure-track" onClick={() => onTrack(departure.id)}>
                            {t('trains.departures.track')}
                          </button>
                        )}
                      </div>
                    </div>
                    {booking === departure.id && (
                      <BookingForm
                        departure={departure}
                        counts={counts}
                        onBooked={(booked) => {
                          setLastBooked(booked);
                          setBooking(null);
                          onBooked(booked);
                        }}
                      />
                    )}
                  </li>
                );
              })}
            </ul>
          </section>
        ))}
      </div>
      <p className="note">{t('trains.departures.utc')}</p>
    </section>
  );
}
