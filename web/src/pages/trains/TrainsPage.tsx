import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../auth/AuthContext.ts';
import type { Booking, Departure } from '../../api/trains.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { BookingsPanel } from './BookingsPanel.tsx';
import { DeparturesPanel } from './DeparturesPanel.tsx';
import { StatsPanel } from './StatsPanel.tsx';
import { TrackingPanel } from './TrackingPanel.tsx';
import { useServices, useStopNetwork } from './useTrainsData.ts';
import './trains.css';

/** Container trains: departures to book slots on, the user's bookings and their live timelines, and the figures. */
export default function TrainsPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const network = useStopNetwork();
  const { services, operates, error: servicesError } = useServices(user);
  const [tracked, setTracked] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  const [departures, setDepartures] = useState<ReadonlyMap<string, Departure>>(new Map());
  useDocumentTitle(t('trains.title'));

  // The places some service stops at, for the search's selects.
  const stops = useMemo(() => [...new Set(services.flatMap((service) => service.stops.map((stop) => stop.node)))], [services]);
  const rememberDepartures = useCallback((listed: readonly Departure[]) => {
    setDepartures((known) => {
      const next = new Map(known);
      for (const departure of listed) next.set(departure.id, departure);
      return next;
    });
  }, []);
  const changed = useCallback(() => setGeneration((n) => n + 1), []);
  const booked = useCallback((_booking: Booking) => changed(), [changed]);

  return (
    <div className="trains-page">
      <div className="page-heading">
        <h1>{t('trains.title')}</h1>
        <p className="lead">{t('trains.intro')}</p>
      </div>
      <ErrorMessage error={servicesError ?? network.error} />

      <DeparturesPanel
        user={user}
        network={network}
        stops={stops}
        operates={operates}
        generation={generation}
        onBooked={booked}
        onTrack={setTracked}
        onDepartures={rememberDepartures}
      />

      {user && <BookingsPanel user={user} departures={departures} generation={generation} tracked={tracked} onOpen={setTracked} onChanged={changed} />}

      {user && tracked && <TrackingPanel key={tracked} departureId={tracked} network={network} operates={operates} onClose={() => setTracked(null)} />}

      <StatsPanel />
    </div>
  );
}
