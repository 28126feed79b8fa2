import { parse as parseTolerantly, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { CONTAINER_SIZES, LINK_STATUSES, MODES, NODE_KINDS, type Handling } from './engine/types.ts';
import type { CorridorRecord, LinkRecord, Names, NetworkRecords, NodeRecord, SourceRecord } from './records.ts';

/**
 * The network as a GeoJSON FeatureCollection (RFC 7946): nodes are Points, links LineStrings, each with its
 * properties; the corridors and the sources are foreign members of the collection. docs/network.md describes every
 * field. Reading checks the whole file and reports every problem with its line and field, or nothing is read.
 */

export const CORRIDOR_KINDS = ['economic_corridor', 'railway_express', 'road', 'bridge', 'sea_route'] as const;

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
const NODE_ID = /^[A-Z0-9][A-Z0-9-]*$/;
/** The most a numeric(12, 2) column holds. */
const MAX_USD = 9_999_999_999.99;
const LINK_ID = /^[a-z0-9][a-z0-9-]*$/;

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

  string(field: string, pattern?: RegExp): string | undefined {
    const value = this.object[field];
    if (typeof value !== 'string' || value.trim() === '') return this.problem(field, 'must be a non-empty text');
    if (pattern && !pattern.test(value)) return this.problem(field, `"${value}" does not match ${pattern.source}`);
    return value;
  }

  optionalString(field: string, pattern?: RegExp): string | null {
    const value = this.object[field];
    if (value === undefined || value === null) return null;
    return this.string(field, pattern) ?? null;
  }

  number(field: string, min: number, max = Number.POSITIVE_INFINITY): number | undefined {
    const value = this.object[field];
    if (typeof value !== 'number' || !Number.isFinite(value)) return this.problem(field, 'must be a number');
    if (value < min || value > max) return this.problem(field, `${value} is outside ${min}–${max === Number.POSITIVE_INFINITY ? '∞' : max}`);
    return value;
  }

  integer(field: string, min: number): number | undefined {
    const value = this.number(field, min);
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

  texts(field: string): string[] {
    const value = this.object[field];
    if (value === undefined || value === null) return [];
    if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value;
    return this.problem(field, 'must be a list of texts') ?? [];
  }

  names(field: string): Names | undefined {
    const value = this.object[field];
    if (!isObject(value)) return this.problem(field, 'must give en, ru and zh-Hans names');
    const names = new FieldReader(value, this.problems, this.id, `${this.prefix}${field}.`);
    const en = names.string('en');
    const ru = names.string('ru');
    const zh = names.string('zh-Hans');
    return en && ru && zh ? { en, ru, 'zh-Hans': zh } : undefined;
  }

  handling(field: string, required: boolean): Handling | null | undefined {
    const value = this.object[field];
    if (value === undefined || value === null) return required ? this.problem(field, 'is required') : null;
    if (!isObject(value)) return this.problem(field, 'must be {"minutes", "usd20", "usd40"}');
    const handling = new FieldReader(value, this.problems, this.id, `${this.prefix}${field}.`);
    const minutes = handling.number('minutes', 0);
    const [usd20, usd40] = CONTAINER_SIZES.map((size) => handling.number(`usd${size}`, 0));
    return minutes !== undefined && usd20 !== undefined && usd40 !== undefined ? { minutes, usd: { 20: usd20, 40: usd40 } } : undefined;
  }
}

function readNode(feature: Json, properties: Json, problems: NetworkProblem[]): NodeRecord | undefined {
  const id = typeof properties.id === 'string' ? properties.id : undefined;
  const read = new FieldReader(properties, problems, id);
  read.string('id', NODE_ID);
  const geometry = feature.geometry as Json;
  const coordinates = geometry.coordinates;
  const point = Array.isArray(coordinates) && coordinates.length >= 2 && coordinates.every((c) => typeof c === 'number' && Number.isFinite(c)) ? (coordinates as number[]) : undefined;
  if (!point) problems.push({ id, field: 'geometry.coordinates', message: 'must be [lon, lat]' });
  else if (Math.abs(point[0]!) > 180 || Math.abs(point[1]!) > 90) problems.push({ id, field: 'geometry.coordinates', message: `[${point.join(', ')}] is not a longitude and latitude` });
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
  read.string('id', LINK_ID);
  const coordinates = (feature.geometry as Json).coordinates;
  const line =
    Array.isArray(coordinates) && coordinates.length >= 2 && coordinates.every((p) => Array.isArray(p) && p.length >= 2 && p.every((c) => typeof c === 'number' && Number.isFinite(c)))
      ? (coordinates as number[][]).map((p) => [p[0]!, p[1]!] as [number, number])
      : undefined;
  if (!line) problems.push({ id, field: 'geometry.coordinates', message: 'must be two or more [lon, lat] points' });
  const mode = read.oneOf('mode', MODES);
  const gauge = properties.gauge;
  let gauges: number[] | null | undefined = null;
  if (gauge !== undefined && gauge !== null) {
    const list = Array.isArray(gauge) ? gauge : [gauge];
    gauges = list.length > 0 && list.every((g) => Number.isInteger(g) && (g as number) > 0 && (g as number) < 32_768) ? (list as number[]) : undefined;
    if (!gauges) problems.push({ id, field: 'gauge', message: 'must be a gauge in millimetres or a list of them' });
  }
  if (mode === 'rail' && gauges === null) problems.push({ id, field: 'gauge', message: 'a rail link needs its gauge' });
  if (mode !== undefined && mode !== 'rail' && gauges) problems.push({ id, field: 'gauge', message: 'only rail links have a gauge' });
  const record = {
    id: id ?? '',
    from: read.string('from', NODE_ID),
    to: read.string('to', NODE_ID),
    mode,
    gauges,
    distanceKm: read.number('distanceKm', Number.MIN_VALUE),
    distanceEstimated: read.boolean('distanceEstimated', false),
    minutes: read.integer('minutes', 0),
    usd20: read.number('usd20', 0, MAX_USD),
    usd40: read.number('usd40', 0, MAX_USD),
    co2GramsPerTonneKm: properties.co2GramsPerTonneKm === undefined || properties.co2GramsPerTonneKm === null ? null : read.number('co2GramsPerTonneKm', 0),
    status: read.oneOf('status', LINK_STATUSES),
    oneWay: read.boolean('oneWay', false),
    scheduledOnly: read.boolean('scheduledOnly', false),
    corridors: read.texts('corridors'),
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
  const record = { id: read.string('id', LINK_ID), kind: read.oneOf('kind', CORRIDOR_KINDS), names: read.names('names'), sources: read.texts('sources') };
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
  if (problems.length > 0) throw new NetworkFileError(file, problems.map((p) => ({ ...p, line: lineOf(text, p) })));
  return network;
}

const lineAt = (text: string, offset: number) => text.slice(0, offset).split('\n').length;

/** The line of a problem: its field's key within the object that holds its id, else the id's own line. */
function lineOf(text: string, problem: NetworkProblem): number | undefined {
  if (problem.id === undefined) return undefined;
  const idAt = text.search(new RegExp(`"id"\\s*:\\s*"${problem.id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"`));
  if (idAt < 0) return undefined;
  const key = problem.field.split('.').at(-1)!.replace(/\[\d+\]$/, '');
  const fieldAt = text.indexOf(`"${key}"`, text.lastIndexOf('{', idAt));
  const nextObject = text.indexOf('"id"', idAt + 1);
  return lineAt(text, fieldAt >= 0 && (nextObject < 0 || fieldAt < nextObject) ? fieldAt : idAt);
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
          gauge: l.gauges === null ? null : l.gauges.length === 1 ? l.gauges[0] : l.gauges,
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
