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

/** What a route may use, for snapping a point to a node the route can actually start or end at. */
export interface UsableNetwork {
  modes?: readonly Mode[] | undefined;
  allowUnderConstruction?: boolean | undefined;
  avoidCountries?: readonly string[] | undefined;
  avoidNodes?: readonly string[] | undefined;
}

/**
 * The node a place names. A point goes to the nearest node within 500 km that the route may use and that a usable
 * link of an allowed mode touches, so a route never starts at a node it cannot leave or was asked to avoid.
 */
export function resolvePlace(network: NetworkRecords, place: Place, usable: UsableNetwork = {}): NodeRecord {
  if (typeof place === 'string') {
    const wanted = place.trim().toUpperCase();
    const node = network.nodes.find((n) => n.id === wanted) ?? network.nodes.find((n) => n.locode === wanted.replace(/\s+/g, ''));
    if (!node) throw new DomainError('UNKNOWN_PLACE', { place });
    return node;
  }
  const { modes, allowUnderConstruction = false, avoidCountries = [], avoidNodes = [] } = usable;
  const touched = new Set<string>();
  for (const link of network.links) {
    if (link.status === 'closed' || (link.status === 'under_construction' && !allowUnderConstruction) || (modes && !modes.includes(link.mode))) continue;
    touched.add(link.from);
    touched.add(link.to);
  }
  let best: NodeRecord | undefined;
  let bestKm = SNAP_KM;
  for (const node of network.nodes) {
    if (!touched.has(node.id) || avoidCountries.includes(node.country) || avoidNodes.includes(node.id)) continue;
    const km = greatCircleKm(place, node);
    if (km <= bestKm) {
      best = node;
      bestKm = km;
    }
  }
  if (!best) throw new DomainError('NO_NODE_NEAR', { lat: place.lat, lon: place.lon });
  return best;
}
