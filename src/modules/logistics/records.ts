import type { HandWrittenMessages } from '../../errors/catalogue.ts';
import type { Corridor, Handling, LinkStatus, Mode, Network, NetworkLink, NetworkNode, NodeKind } from './engine/types.ts';

/** A name in each hand-written language; Traditional Chinese is converted from Simplified when shown. */
export type Names = HandWrittenMessages;

export interface SourceRecord {
  id: string;
  title: string;
  url?: string | undefined;
  note?: string | undefined;
}

export interface CorridorRecord {
  id: string;
  kind: Corridor['kind'];
  names: Names;
  sources: string[];
}

/** A node as stored and exchanged: the planner's node with its names, sources and the fields that are estimates. */
export interface NodeRecord {
  id: string;
  names: Names;
  kind: NodeKind;
  country: string;
  lat: number;
  lon: number;
  locode: string | null;
  transshipment: Handling;
  customs: Handling | null;
  gaugeChange: Handling | null;
  sources: string[];
  estimated: string[];
}

export interface LinkRecord {
  id: string;
  from: string;
  to: string;
  mode: Mode;
  /** Track gauges in millimetres, rail only: one, or two on a link carrying both. */
  gauges: number[] | null;
  distanceKm: number;
  distanceEstimated: boolean;
  minutes: number;
  usd20: number;
  usd40: number;
  co2GramsPerTonneKm: number | null;
  status: LinkStatus;
  oneWay: boolean;
  scheduledOnly: boolean;
  corridors: string[];
  /** [lon, lat] points from `from` to `to`. */
  geometry: [number, number][];
  sources: string[];
  estimated: string[];
}

export interface NetworkRecords {
  nodes: NodeRecord[];
  links: LinkRecord[];
  corridors: CorridorRecord[];
  sources: SourceRecord[];
}

/** A link's gauges as the planner, the API and the network file give them: one number, a list of several, or null. */
export const gaugeOf = (gauges: readonly number[] | null): number | number[] | null => (gauges === null ? null : gauges.length === 1 ? gauges[0]! : [...gauges]);

/** The list of gauges of a gauge given as one value, a list, or nothing. */
export const gaugesOf = <T>(gauge: T | readonly T[] | null | undefined): T[] | null => (gauge === undefined || gauge === null ? null : Array.isArray(gauge) ? [...(gauge as readonly T[])] : [gauge as T]);

/** The planner's view of the network (names in English: answers are named in the asker's language later). */
export function plannerNetwork(records: NetworkRecords): Network {
  const nodes: NetworkNode[] = records.nodes.map((n) => ({
    id: n.id,
    name: n.names.en,
    kind: n.kind,
    country: n.country,
    lat: n.lat,
    lon: n.lon,
    locode: n.locode ?? undefined,
    transshipment: n.transshipment,
    customs: n.customs ?? undefined,
    gaugeChange: n.gaugeChange ?? undefined,
  }));
  const links: NetworkLink[] = records.links.map((l) => ({
    id: l.id,
    from: l.from,
    to: l.to,
    oneWay: l.oneWay,
    mode: l.mode,
    gauge: gaugeOf(l.gauges) ?? undefined,
    distanceKm: l.distanceKm,
    distanceEstimated: l.distanceEstimated,
    minutes: l.minutes,
    usd: { 20: l.usd20, 40: l.usd40 },
    co2GramsPerTonneKm: l.co2GramsPerTonneKm ?? undefined,
    status: l.status,
    corridors: l.corridors,
    scheduledOnly: l.scheduledOnly,
    geometry: l.geometry,
  }));
  const corridors: Corridor[] = records.corridors.map((c) => ({ id: c.id, name: c.names.en, kind: c.kind }));
  return { nodes, links, corridors };
}
