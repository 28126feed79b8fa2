import { DomainError } from '../../errors/domain-error.ts';
import type { Mode } from './engine/types.ts';
import type { NetworkRecords, NodeRecord } from './records.ts';

/** Where a route starts or ends: a node id, a UN/LOCODE, or a point snapped to the nearest node. */
export type Place = string | { lat: number; lon: number };

const EARTH_KM = 6371.0088;
const SNAP_KM = 500;

export function greatCircleKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * The node a place names. A point goes to the nearest node within 500 km that a usable link of an allowed mode
 * touches, so a route never starts at a node it cannot leave.
 */
export function resolvePlace(network: NetworkRecords, place: Place, modes?: readonly Mode[]): NodeRecord {
  if (typeof place === 'string') {
    const wanted = place.trim().toUpperCase();
    const node = network.nodes.find((n) => n.id === wanted) ?? network.nodes.find((n) => n.locode === wanted.replace(/\s+/g, ''));
    if (!node) throw new DomainError('UNKNOWN_PLACE', { place });
    return node;
  }
  const usable = new Set<string>();
  for (const link of network.links) {
    if (link.status === 'closed' || (modes && !modes.includes(link.mode))) continue;
    usable.add(link.from);
    usable.add(link.to);
  }
  let best: NodeRecord | undefined;
  let bestKm = SNAP_KM;
  for (const node of network.nodes) {
    if (!usable.has(node.id)) continue;
    const km = greatCircleKm(place, node);
    if (km <= bestKm) {
      best = node;
      bestKm = km;
    }
  }
  if (!best) throw new DomainError('NO_NODE_NEAR', { lat: place.lat, lon: place.lon });
  return best;
}
