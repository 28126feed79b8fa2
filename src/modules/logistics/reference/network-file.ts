/**
 * The network file's format: a GeoJSON FeatureCollection (RFC 7946) whose nodes are Points and links LineStrings,
 * with the sources and corridors as foreign members. docs/network.md describes every field; these types mirror it
 * one to one, while reading and checking a file is `network-geojson.ts`'s work.
 */

import type { LinkStatus, Mode, NodeKind } from '../engine/types.ts';

/** A longitude and a latitude, in that order (RFC 7946). */
export type Position = [lon: number, lat: number];

/** A name in each language the file carries; Traditional Chinese is generated from `zh-Hans`. */
export interface NetworkFileNames {
  en: string;
  ru: string;
  'zh-Hans': string;
}

export interface NetworkFileSource {
  /** `S1`, `S2`, …: what nodes, links and corridors cite. */
  id: string;
  title: string;
  url?: string;
  note?: string;
}

export type CorridorKind = 'economic_corridor' | 'railway_express' | 'road' | 'bridge' | 'sea_route';

export interface NetworkFileCorridor {
  id: string;
  kind: CorridorKind;
  names: NetworkFileNames;
  sources: string[];
}

/** Time and money for one kind of handling of one container, per container size. */
export interface NetworkFileHandling {
  minutes: number;
  usd20: number;
  usd40: number;
}

/** Property names a feature may list as estimates rather than published figures. */
export type EstimatedNodeProperty = 'coordinates' | 'transshipment' | 'customs' | 'gaugeChange';
export type EstimatedLinkProperty = 'distanceKm' | 'minutes' | 'usd20' | 'usd40' | 'co2GramsPerTonneKm';

export interface NetworkFileNodeProperties {
  type: 'node';
  /** `<ISO 3166 alpha-2>-<NAME>`, upper-case ASCII with hyphens, e.g. `CN-ALASHANKOU`. */
  id: string;
  names: NetworkFileNames;
  kind: NodeKind;
  /** ISO 3166 alpha-3. */
  country: string;
  locode: string | null;
  transshipment: NetworkFileHandling;
  /** Present on every border crossing. */
  customs: NetworkFileHandling | null;
  /** Present where 1,435 mm and 1,520 mm trains meet. */
  gaugeChange: NetworkFileHandling | null;
  sources: string[];
  estimated: EstimatedNodeProperty[];
}

export interface NetworkFileLinkProperties {
  type: 'link';
  /** `<mode>-<from>-<to>` in lower case, e.g. `rail-alashankou-dostyk`. */
  id: string;
  from: string;
  to: string;
  mode: Mode;
  /** Track gauge in millimetres for rail links, both gauges on a link that carries both; null otherwise. */
  gauge: 1435 | 1520 | [1435, 1520] | null;
  distanceKm: number;
  distanceEstimated: boolean;
  /** Typical time for a container, door of one node to door of the other. */
  minutes: number;
  usd20: number;
  usd40: number;
  /** Null: the mode's default intensity. */
  co2GramsPerTonneKm: number | null;
  status: LinkStatus;
  corridors: string[];
  oneWay: boolean;
  scheduledOnly: boolean;
  sources: string[];
  estimated: EstimatedLinkProperty[];
}

export interface NetworkFileNode {
  type: 'Feature';
  geometry: { type: 'Point'; coordinates: Position };
  properties: NetworkFileNodeProperties;
}

export interface NetworkFileLink {
  type: 'Feature';
  /** From the `from` node's point to the `to` node's, through the points the way passes. */
  geometry: { type: 'LineString'; coordinates: Position[] };
  properties: NetworkFileLinkProperties;
}

export type NetworkFileFeature = NetworkFileNode | NetworkFileLink;

export interface NetworkFile {
  type: 'FeatureCollection';
  name: string;
  /** The data set's date, `YYYY-MM-DD`. */
  version: string;
  sources: NetworkFileSource[];
  corridors: NetworkFileCorridor[];
  features: NetworkFileFeature[];
}
