import { parse as parseTolerantly, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { CONTAINER_SIZES, LINK_STATUSES, MODES, NODE_KINDS, type Handling } from './engine/types.ts';
import { gaugeOf, gaugesOf, type CorridorRecord, type LinkRecord, type Names, type NetworkRecords, type NodeRecord, type SourceRecord } from './records.ts';
import {
  CORRIDOR_ID_MAX_LENGTH,
  CORRIDOR_KINDS,
  CORRIDORS_MAX_ITEMS,
  GAUGE_MAX_MM,
  GAUGE_MIN_MM,
  GAUGES_MAX_ITEMS,
  GEOMETRY_MAX_POINTS,
  LINK_ID_MAX_LENGTH,
  LINK_ID_PATTERN,
  MAX_CO2_GRAMS_PER_TONNE_KM,
  MAX_DISTANCE_KM,
  MAX_MINUTES,
  MAX_USD,
  NODE_ID_MAX_LENGTH,
  NODE_ID_PATTERN,
  TEXT_MAX_LENGTH,
  TEXTS_MAX_ITEMS,
} from './schemas.ts';

/**
 * The network as a GeoJSON FeatureCollection (RFC 7946): nodes are Points, links LineStrings, each with its
 * properties; the corridors and the sources are foreign members of the collection. docs/network.md describes every
 * field. Reading checks the whole file and reports every problem with its line and field, or nothing is read. A node
 * or link is held to the same limits as the API's (schemas.ts), so whatever is read can be stored.
 */

export interface NetworkProblem {
  /** The feature or corridor the problem is in, when there is one. */
  id?: string | undefined;
  field: string;
  message: string;
  /** 1-based line in the file read, when the problem comes from a file. */
  line?: number | undefined;
}

export class NetworkFileError extends Error {
  override readonly name = 'NetworkFileError';
  constructor(
    readonly file: string,
    readonly problems: readonly NetworkProblem[],
  ) {
    super(problems.map((p) => `${file}${p.line === undefined ? '' : `, line ${p.line}`}${p.id ? ` (${p.id})` : ''}, field ${p.field}: ${p.message}`).join('\n'));
  }
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const NODE_ID = new RegExp(NODE_ID_PATTERN);
const LINK_ID = new RegExp(LINK_ID_PATTERN);
const isPosition = (p: unknown): p is number[] => Array.isArray(p) && p.length >= 2 && p.every((c) => typeof c === 'number' && Number.isFinite(c));
const isLonLat = (p: readonly number[]) => Math.abs(p[0]!) <= 180 && Math.abs(p[1]!) <= 90;

/** Collects problems while reading one object's fields. */
class FieldReader {
  constructor(
    private readonly object: Json,
    private readonly problems: NetworkProblem[],
    private readonly id: string | undefined,
    private readonly prefix = '',
  ) {}

  private problem(field: string, message: string): undefined {
    this.problems.push({ id: this.id, field: this.prefix + field, message });
    return undefined;
  }

  string(field: string, pattern?: RegExp, maxLength = Number.POSITIVE_INFINITY): string | undefined {
    const value = this.object[field];
    if (typeof value !== 'string' || value.trim() === '') return this.problem(field, 'must be a non-empty text');
    if (value.length > maxLength) return this.problem(field, `is longer than ${maxLength} characters`);
    if (pattern && !pattern.test(value)) return this.problem(field, `"${value}" does not match ${pattern.source}`);
    return value;
  }

  optionalString(field: string, pattern?: RegExp): string | null {
    const value = this.object[field];
    if (value === undefined || value === null) return null;
    return this.string(field, pattern) ?? null;
  }

  /** A number from `min` (or above it, when `aboveMin`) to `max`. */
  number(field: string, min: number, max: number, aboveMin = false): number | undefined {
    const value = this.object[field];
    if (typeof value !== 'number' || !Number.isFinite(value)) return this.problem(field, 'must be a number');
    if (aboveMin ? value <= min : value < min) return this.problem(field, `${value} is ${aboveMin ? 'not above' : 'below'} ${min}`);
    if (value > max) return this.problem(field, `${value} is above ${max}`);
    return value;
  }

  integer(field: string, min: number, max: number): number | undefined {
    const value = this.number(field, min, max);
    if (value !== undefined && !Number.isInteger(value)) return this.problem(field, `${value} is not a whole number`);
    return value;
  }

  boolean(field: string, fallback: boolean): boolean {
    const value = this.object[field];
    if (value === undefined || value === null) return fallback;
    if (typeof value !== 'boolean') return this.problem(field, 'must be true or false') ?? fallback;
    return value;
  }

  oneOf<const T extends readonly string[]>(field: string, values: T): T[number] | undefined {
    const value = this.object[field];
    const known = values.find((v) => v === value);
    return known ?? this.problem(field, `must be one of ${values.join(', ')}`);
  }

  texts(field: string, maxItems = TEXTS_MAX_ITEMS, maxLength = TEXT_MAX_LENGTH): string[] {
    const value = this.object[field];
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value) || !value.every((v) => typeof v === 'string' && v !== '' && v.length <= maxLength)) return this.problem(field, `must be a list of texts of 1 to ${maxLength} characters`) ?? [];
    if (value.length > maxItems) return this.problem(field, `lists ${value.length} texts, more than ${maxItems}`) ?? [];
    return value as string[];
  }

  names(field: string): Names | undefined {
    const value = this.object[field];
    if (!isObject(value)) return this.problem(field, 'must give en, ru and zh-Hans names');
    const names = new FieldReader(value, this.problems, this.id, `${this.prefix}${field}.`);
    const [en, ru, zh] = (['en', 'ru', 'zh-Hans'] as const).map((language) => names.string(language, undefined, TEXT_MAX_LENGTH));
    return en && ru && zh ? { en, ru, 'zh-Hans': zh } : undefined;
  }

  handling(field: string, required: boolean): Handling | null | undefined {
    const value = this.object[field];
    if (value === undefined || value === null) return required ? this.problem(field, 'is required') : null;
    if (!isObject(value)) return this.problem(field, 'must be {"minutes", "usd20", "usd40"}');
    const handling = new FieldReader(value, this.problems, this.id, `${this.prefix}${field}.`);
    const minutes = handling.integer('minutes', 0, MAX_MINUTES);
    const [usd20, usd40] = CONTAINER_SIZES.map((size) => handling.number(`usd${size}`, 0, MAX_USD));
    return minutes !== undefined && usd20 !== undefined && usd40 !== undefined ? { minutes, usd: { 20: usd20, 40: usd40 } } : undefined;
  }
}

function readNode(feature: Json, properties: Json, problems: NetworkProblem[]): NodeRecord | undefined {
  const id = typeof properties.id === 'string' ? properties.id : undefined;
  const read = new FieldReader(properties, problems, id);
  read.string('id', NODE_ID, NODE_ID_MAX_LENGTH);
  const coordinates = (feature.geometry as Json).coordinates;
  const point = isPosition(coordinates) ? coordinates : undefined;
  if (!point) problems.push({ id, field: 'geometry.coordinates', message: 'must be [lon, lat]' });
  else if (!isLonLat(point)) problems.push({ id, field: 'geometry.coordinates', message: `[${point.join(', ')}] is not a longitude and latitude` });
  const record = {
    id: id ?? '',
    names: read.names('names'),
    kind: read.oneOf('kind', NODE_KINDS),
    country: read.string('country', /^[A-Z]{3}$/),
    lat: point?.[1] ?? 0,
    lon: point?.[0] ?? 0,
    locode: read.optionalString('locode', /^[A-Z]{2}[A-Z0-9]{3}$/),
    transshipment: read.handling('transshipment', true),
    customs: read.handling('customs', false),
    gaugeChange: read.handling('gaugeChange', false),
    sources: read.texts('sources'),
    estimated: read.texts('estimated'),
  };
  return Object.values(record).includes(undefined) ? undefined : (record as NodeRecord);
}

function readLink(feature: Json, properties: Json, problems: NetworkProblem[]): LinkRecord | undefined {
  const id = typeof properties.id === 'string' ? properties.id : undefined;
  const read = new FieldReader(properties, problems, id);
  read.string('id', LINK_ID, LINK_ID_MAX_LENGTH);
  const coordinates = (feature.geometry as Json).coordinates;
  const points = Array.isArray(coordinates) && coordinates.length >= 2 && coordinates.length <= GEOMETRY_MAX_POINTS && coordinates.every(isPosition) ? coordinates : undefined;
  const line = points?.every(isLonLat) ? points.map((p) => [p[0]!, p[1]!] as [number, number]) : undefined;
  if (!line) problems.push({ id, field: 'geometry.coordinates', message: `must be 2 to ${GEOMETRY_MAX_POINTS} [lon, lat] points` });
  const mode = read.oneOf('mode', MODES);
  const given = gaugesOf<unknown>(properties.gauge);
  const isGauge = (g: unknown) => typeof g === 'number' && Number.isInteger(g) && g >= GAUGE_MIN_MM && g <= GAUGE_MAX_MM;
  const gauges = given === null || (given.length > 0 && given.length <= GAUGES_MAX_ITEMS && given.every(isGauge)) ? (given as number[] | null) : undefined;
  if (gauges === undefined) problems.push({ id, field: 'gauge', message: `must be a gauge of ${GAUGE_MIN_MM} to ${GAUGE_MAX_MM} mm or a list of up to ${GAUGES_MAX_ITEMS} of them` });
  if (mode === 'rail' && gauges === null) problems.push({ id, field: 'gauge', message: 'a rail link needs its gauge' });
  if (mode !== undefined && mode !== 'rail' && gauges) problems.push({ id, field: 'gauge', message: 'only rail links have a gauge' });
  const record = {
    id: id ?? '',
    from: read.string('from', NODE_ID, NODE_ID_MAX_LENGTH),
    to: read.string('to', NODE_ID, NODE_ID_MAX_LENGTH),
    mode,
    gauges,
    distanceKm: read.number('distanceKm', 0, MAX_DISTANCE_KM, true),
    distanceEstimated: read.boolean('distanceEstimated', false),
    minutes: read.integer('minutes', 0, MAX_MINUTES),
    usd20: read.number('usd20', 0, MAX_USD),
    usd40: read.number('usd40', 0, MAX_USD),
    co2GramsPerTonneKm: properties.co2GramsPerTonneKm === undefined || properties.co2GramsPerTonneKm === null ? null : read.number('co2GramsPerTonneKm', 0, MAX_CO2_GRAMS_PER_TONNE_KM),
    status: read.oneOf('status', LINK_STATUSES),
    oneWay: read.boolean('oneWay', false),
    scheduledOnly: read.boolean('scheduledOnly', false),
    corridors: read.texts('corridors', CORRIDORS_MAX_ITEMS, CORRIDOR_ID_MAX_LENGTH),
    geometry: line,
    sources: read.texts('sources'),
    estimated: read.texts('estimated'),
  };
  return Object.values(record).includes(undefined) ? undefined : (record as LinkRecord);
}

function readCorridor(value: unknown, index: number, problems: NetworkProblem[]): CorridorRecord | undefined {
  if (!isObject(value)) {
    problems.push({ field: `corridors[${index}]`, message: 'must be an object' });
    return undefined;
  }
  const id = typeof value.id === 'string' ? value.id : undefined;
  const read = new FieldReader(value, problems, id);
  const record = { id: read.string('id', LINK_ID, CORRIDOR_ID_MAX_LENGTH), kind: read.oneOf('kind', CORRIDOR_KINDS), names: read.names('names'), sources: read.texts('sources') };
  return Object.values(record).includes(undefined) ? undefined : (record as CorridorRecord);
}

function readSource(value: unknown, index: number, problems: NetworkProblem[]): SourceRecord | undefined {
  if (!isObject(value)) {
    problems.push({ field: `sources[${index}]`, message: 'must be an object' });
    return undefined;
  }
  const read = new FieldReader(value, problems, typeof value.id === 'string' ? value.id : undefined);
  const id = read.string('id');
  const title = read.string('title');
  const url = read.optionalString('url');
  const note = read.optionalString('note');
  return id && title ? { id, title, url: url ?? undefined, note: note ?? undefined } : undefined;
}

/**
 * The rules a whole network keeps, whether read from a file or edited one node at a time: unique ids, links between
 * existing distinct nodes, corridors and sources that exist.
 */
export function networkProblems(network: NetworkRecords): NetworkProblem[] {
  const problems: NetworkProblem[] = [];
  const nodes = new Set<string>();
  for (const node of network.nodes) {
    if (nodes.has(node.id)) problems.push({ id: node.id, field: 'id', message: 'is used by another node' });
    nodes.add(node.id);
  }
  const locodes = new Map<string, string>();
  for (const node of network.nodes) {
    if (node.locode === null) continue;
    const other = locodes.get(node.locode);
    if (other) problems.push({ id: node.id, field: 'locode', message: `${node.locode} is also ${other}'s` });
    locodes.set(node.locode, node.id);
  }
  const corridors = new Set(network.corridors.map((c) => c.id));
  const sources = new Set(network.sources.map((s) => s.id));
  const citable = sources.size > 0;
  const links = new Set<string>();
  for (const link of network.links) {
    if (links.has(link.id)) problems.push({ id: link.id, field: 'id', message: 'is used by another link' });
    links.add(link.id);
    for (const end of ['from', 'to'] as const) if (!nodes.has(link[end])) problems.push({ id: link.id, field: end, message: `no node ${link[end]}` });
    if (link.from === link.to) problems.push({ id: link.id, field: 'to', message: 'a link joins two different nodes' });
    for (const corridor of link.corridors) if (!corridors.has(corridor)) problems.push({ id: link.id, field: 'corridors', message: `no corridor ${corridor}` });
    if (citable) for (const source of link.sources) if (!sources.has(source)) problems.push({ id: link.id, field: 'sources', message: `no source ${source}` });
  }
  if (citable) {
    for (const item of [...network.nodes, ...network.corridors]) {
      for (const source of item.sources) if (!sources.has(source)) problems.push({ id: item.id, field: 'sources', message: `no source ${source}` });
    }
  }
  const corridorIds = new Set<string>();
  for (const corridor of network.corridors) {
    if (corridorIds.has(corridor.id)) problems.push({ id: corridor.id, field: 'id', message: 'is used by another corridor' });
    corridorIds.add(corridor.id);
  }
  return problems;
}

/** Reads a network file's text; throws NetworkFileError naming every problem's line and field. */
export function readNetworkGeoJson(text: string, file: string): NetworkRecords {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    // JSON.parse does not say where; a tolerant parser finds the first error's offset.
    const errors: ParseError[] = [];
    parseTolerantly(text, errors, { disallowComments: true, allowTrailingComma: false });
    const first = errors[0];
    throw new NetworkFileError(file, [{ field: '-', message: `not JSON: ${first ? printParseErrorCode(first.error) : 'unreadable'}`, line: first ? lineAt(text, first.offset) : undefined }]);
  }
  const problems: NetworkProblem[] = [];
  if (!isObject(json) || json.type !== 'FeatureCollection' || !Array.isArray(json.features)) {
    throw new NetworkFileError(file, [{ field: 'type', message: 'must be a GeoJSON FeatureCollection with features', line: 1 }]);
  }
  const network: NetworkRecords = { nodes: [], links: [], corridors: [], sources: [] };
  (Array.isArray(json.sources) ? json.sources : []).forEach((value, index) => {
    const source = readSource(value, index, problems);
    if (source) network.sources.push(source);
  });
  (Array.isArray(json.corridors) ? json.corridors : []).forEach((value, index) => {
    const corridor = readCorridor(value, index, problems);
    if (corridor) network.corridors.push(corridor);
  });
  json.features.forEach((feature: unknown, index: number) => {
    const geometryType = isObject(feature) && isObject(feature.geometry) ? feature.geometry.type : undefined;
    const properties = isObject(feature) && isObject(feature.properties) ? feature.properties : undefined;
    if (!isObject(feature) || feature.type !== 'Feature' || !properties || (geometryType !== 'Point' && geometryType !== 'LineString')) {
      problems.push({ field: `features[${index}]`, message: 'must be a Feature with a Point (node) or LineString (link) and properties' });
      return;
    }
    if (geometryType === 'Point') {
      const node = readNode(feature, properties, problems);
      if (node) network.nodes.push(node);
    } else {
      const link = readLink(feature, properties, problems);
      if (link) network.links.push(link);
    }
  });
  problems.push(...networkProblems(network));
  if (problems.length > 0) throw networkFileError(file, text, problems);
  return network;
}

/** The error naming each of `problems` found in the network file `file` of text `text`, at its line where it is found. */
export function networkFileError(file: string, text: string, problems: readonly NetworkProblem[]): NetworkFileError {
  return new NetworkFileError(file, problems.map((p) => ({ ...p, line: p.line ?? lineOf(text, p) })));
}

const lineAt = (text: string, offset: number) => text.slice(0, offset).split('\n').length;

/**
 * The line of a problem: its field's key (each key of a nested field in turn, e.g. `customs` then `minutes`) within
 * the object that holds its id, else the id's own line.
 */
function lineOf(text: string, problem: NetworkProblem): number | undefined {
  if (problem.id === undefined) return undefined;
  const idAt = text.search(new RegExp(`"id"\\s*:\\s*"${problem.id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"`));
  if (idAt < 0) return undefined;
  const nextObject = text.indexOf('"id"', idAt + 1);
  let at = text.lastIndexOf('{', idAt);
  for (const key of problem.field.replace(/\[\d+\]/g, '').split('.')) {
    at = text.indexOf(`"${key}"`, at);
    if (at < 0 || (nextObject >= 0 && at > nextObject)) return lineAt(text, idAt);
  }
  return lineAt(text, at);
}

const handlingJson = (handling: Handling | null) => (handling === null ? null : { minutes: handling.minutes, usd20: handling.usd[20], usd40: handling.usd[40] });

/** The network as a GeoJSON FeatureCollection, in the format `readNetworkGeoJson` reads. */
export function networkGeoJson(network: NetworkRecords, name = 'SCO Hub network') {
  return {
    type: 'FeatureCollection' as const,
    name,
    sources: network.sources,
    corridors: network.corridors,
    features: [
      ...network.nodes.map((n) => ({
        type: 'Feature' as const,
        geometry: { type: 'Point' as const, coordinates: [n.lon, n.lat] },
        properties: {
          type: 'node' as const,
          id: n.id,
          names: n.names,
          kind: n.kind,
          country: n.country,
          locode: n.locode,
          transshipment: handlingJson(n.transshipment),
          customs: handlingJson(n.customs),
          gaugeChange: handlingJson(n.gaugeChange),
          sources: n.sources,
          estimated: n.estimated,
        },
      })),
      ...network.links.map((l) => ({
        type: 'Feature' as const,
        geometry: { type: 'LineString' as const, coordinates: l.geometry },
        properties: {
          type: 'link' as const,
          id: l.id,
          from: l.from,
          to: l.to,
          mode: l.mode,
          gauge: gaugeOf(l.gauges),
          distanceKm: l.distanceKm,
          distanceEstimated: l.distanceEstimated,
          minutes: l.minutes,
          usd20: l.usd20,
          usd40: l.usd40,
          co2GramsPerTonneKm: l.co2GramsPerTonneKm,
          status: l.status,
          corridors: l.corridors,
          oneWay: l.oneWay,
          scheduledOnly: l.scheduledOnly,
          sources: l.sources,
          estimated: l.estimated,
        },
      })),
    ],
  };
}
