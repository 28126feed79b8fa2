import { useEffect, useState } from 'react';
import { trackingPath, trackingStreamPath, type Tracking } from '../../api/trains.ts';
import { useResource } from '../../api/useResource.ts';

export type StreamState = 'connecting' | 'live' | 'reconnecting' | 'closed';

/**
 * A departure's tracking view, kept live: read once, then replaced by each `tracking` message of its event stream
 * (which the server sends again whenever an event is recorded). The stream is closed when the view goes.
 */
export function useTracking(departureId: string) {
  const { data, error } = useResource<Tracking>(trackingPath(departureId));
  const [live, setLive] = useState<{ departureId: string; tracking: Tracking } | null>(null);
  const [stream, setStream] = useState<StreamState>('connecting');

  useEffect(() => {
    setStream('connecting');
    const source = new EventSource(trackingStreamPath(departureId));
    source.addEventListener('open', () => setStream('live'));
    source.addEventListener('tracking', (message) => {
      try {
        setLive({ departureId, tracking: JSON.parse((message as MessageEvent<string>).data) as Tracking });
        setStream('live');
      } catch {
        // A message that is not the tracking view is ignored; the next one replaces it.
      }
    });
    // The browser reconnects by itself unless the server refused the stream outright.
    source.addEventListener('error', () => setStream(source.readyState === EventSource.CLOSED ? 'closed' : 'reconnecting'));
    return () => source.close();
  }, [departureId]);

  /** An answer the page got itself (after posting an event) stands until the stream sends a newer one. */
  const update = (tracking: Tracking) => setLive({ departureId, tracking });
  const current = live?.departureId === departureId ? live.tracking : data?.departure.id === departureId ? data : undefined;
  return { tracking: current, error: current ? null : error, stream, update };
}
