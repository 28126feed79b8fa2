import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Tracking } from '../../api/trains.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { Loading } from '../../components/Loading.tsx';
import { OperatorEventForm } from './OperatorEventForm.tsx';
import { TrackingMap } from './TrackingMap.tsx';
import type { StopNetwork } from './useTrainsData.ts';
import { useTracking } from './useTracking.ts';
import { useTrainsText, type TrainsText } from './useTrainsText.ts';

function Summary({ tracking, network, text }: { tracking: Tracking; network: StopNetwork; text: TrainsText }) {
  const { t } = useTranslation();
  const position = tracking.lastPosition;
  return (
    <dl className="tracking-summary" data-testid="tracking-summary">
      <div>
        <dt>{t('trains.tracking.status')}</dt>
        <dd data-testid="tracking-status">{t(`trains.departureStatus.${tracking.departure.status}`)}</dd>
      </div>
      <div>
        <dt>{tracking.arrived ? t('trains.tracking.arrivedAt') : t('trains.tracking.eta')}</dt>
        <dd data-testid="tracking-eta">
          <time dateTime={tracking.eta}>{text.time(tracking.eta)}</time>
        </dd>
      </div>
      <div>
        <dt>{t('trains.tracking.delay')}</dt>
        <dd data-testid="tracking-delay" className={tracking.delayMinutes > 0 ? 'late' : undefined}>
          {text.delay(tracking.delayMinutes)}
        </dd>
      </div>
      <div>
        <dt>{t('trains.tracking.lastPosition')}</dt>
        <dd data-testid="tracking-position" data-node={position?.node ?? ''}>
          {position ? t('trains.tracking.position', { place: network.name(position.node), kind: t(`trains.kind.${position.kind}`), time: text.time(position.at) }) : t('trains.tracking.notDeparted')}
        </dd>
      </div>
    </dl>
  );
}

function PlannedStops({ tracking, network, text }: { tracking: Tracking; network: StopNetwork; text: TrainsText }) {
  const { t } = useTranslation();
  const id = useId();
  const here = tracking.lastPosition?.node;
  return (
    <section aria-labelledby={id}>
      <h3 id={id}>{t('trains.tracking.stops')}</h3>
      <ol className="planned-stops" data-testid="tracking-stops">
        {tracking.departure.stops.map((stop) => (
          <li key={stop.node} className={stop.node === here ? 'current' : undefined} aria-current={stop.node === here ? 'location' : undefined}>
            <strong>{network.name(stop.node)}</strong>
            <span className="stop-times">
              {stop.arriveAt && t('trains.tracking.arrive', { time: text.time(stop.arriveAt) })}
              {stop.arriveAt && stop.departAt && ' · '}
              {stop.departAt && t('trains.tracking.depart', { time: text.time(stop.departAt) })}
            </span>
            {stop.node === here && <span className="here-badge">{t('trains.tracking.here')}</span>}
          </li>
        ))}
      </ol>
    </section>
  );
}

function Timeline({ tracking, network, text }: { tracking: Tracking; network: StopNetwork; text: TrainsText }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <section aria-labelledby={id}>
      <h3 id={id}>{t('trains.tracking.events')}</h3>
      {tracking.events.length === 0 ? (
        <p className="note" data-testid="tracking-no-events">
          {t('trains.tracking.noEvents')}
        </p>
      ) : (
        <ol className="event-timeline" data-testid="tracking-events" aria-live="polite">
          {tracking.events.map((event) => (
            <li key={event.id} data-kind={event.kind} data-node={event.node ?? ''}>
              <time dateTime={event.at}>{text.time(event.at)}</time>
              <strong>{t(`trains.kind.${event.kind}`)}</strong>
              {event.node && <span>{network.name(event.node)}</span>}
              {event.delayMinutes !== null && <span>{t('trains.tracking.expectedDelay', { duration: text.duration(event.delayMinutes / 60) })}</span>}
              {event.reason && <span className="event-reason">{event.reason}</span>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

interface Props {
  departureId: string;
  network: StopNetwork;
  operates: (serviceId: string) => boolean;
  onClose: () => void;
}

/** A departure's timeline, live: planned stops, the events recorded, where it was last seen, its ETA and delay, on a map. */
export function TrackingPanel({ departureId, network, operates, onClose }: Props) {
  const { t } = useTranslation();
  const text = useTrainsText();
  const headingId = useId();
  const { tracking, error, stream, update } = useTracking(departureId);
  const departure = tracking?.departure;

  return (
    <section className="panel tracking-panel" aria-labelledby={headingId} data-testid="tracking-panel" data-departure={departureId}>
      <div className="panel-heading">
        <h2 id={headingId}>{departure ? t('trains.tracking.headingOf', { service: departure.serviceName, time: text.time(departure.departsAt) }) : t('trains.tracking.heading')}</h2>
        <div className="form-row">
          <span className={`stream-state ${stream}`} role="status" data-testid="tracking-stream" data-state={stream}>
            {t(`trains.tracking.stream.${stream}`)}
          </span>
          <button type="button" className="link-button" onClick={onClose}>
            {t('trains.tracking.close')}
          </button>
        </div>
      </div>
      <ErrorMessage error={error} />
      {!tracking && !error && <Loading />}
      {tracking && (
        <>
          <Summary tracking={tracking} network={network} text={text} />
          <div className="tracking-layout">
            <div>
              <PlannedStops tracking={tracking} network={network} text={text} />
              <Timeline tracking={tracking} network={network} text={text} />
            </div>
            <div className="map-frame tracking-map-frame">
              <TrackingMap
                key={departureId}
                tracking={tracking}
                network={network}
                label={t('trains.tracking.mapLabel', {
                  route: tracking.departure.stops.map((stop) => network.name(stop.node)).join(' → '),
                  position: tracking.lastPosition ? network.name(tracking.lastPosition.node) : t('trains.tracking.notDeparted'),
                })}
              />
            </div>
          </div>
          {operates(tracking.departure.serviceId) && <OperatorEventForm key={departureId} tracking={tracking} network={network} onPosted={update} />}
        </>
      )}
    </section>
  );
}
