import type { Database, Queryable } from '../../db/database.ts';
import { isForeignKeyViolation, isUniqueViolation } from '../../db/errors.ts';
import { DomainError } from '../../errors/domain-error.ts';
import type { Handling } from './engine/types.ts';
import { networkProblems } from './network-geojson.ts';
import type { CorridorRecord, LinkRecord, NetworkRecords, NodeRecord, SourceRecord } from './records.ts';

interface NodeRow {
  id: string;
  names: NodeRecord['names'];
  kind: NodeRecord['kind'];
  country: string;
  lat: number;
  lon: number;
  locode: string | null;
  transshipment: StoredHandling;
  customs: StoredHandling | null;
  gauge_change: StoredHandling | null;
  sources: string[];
  estimated: string[];
}

interface LinkRow {
  id: string;
  from_node: string;
  to_node: string;
  mode: LinkRecord['mode'];
  gauges: number[] | null;
  distance_km: number;
  distance_estimated: boolean;
  minutes: number;
  usd20: string;
  usd40: string;
  co2_grams_per_tonne_km: number | null;
  status: LinkRecord['status'];
  one_way: boolean;
  scheduled_only: boolean;
  corridors: string[];
  geometry: [number, number][];
  sources: string[];
  estimated: string[];
}

/** Handling as stored: the file format's flat shape. */
interface StoredHandling {
  minutes: number;
  usd20: number;
  usd40: number;
}

const stored = (h: Handling | null): StoredHandling | null => (h === null ? null : { minutes: h.minutes, usd20: h.usd[20], usd40: h.usd[40] });
const handling = (h: StoredHandling | null): Handling | null => (h === null ? null : { minutes: h.minutes, usd: { 20: h.usd20, 40: h.usd40 } });

const nodeOf = (r: NodeRow): NodeRecord => ({
  id: r.id,
  names: r.names,
  kind: r.kind,
  country: r.country,
  lat: r.lat,
  lon: r.lon,
  locode: r.locode,
  transshipment: handling(r.transshipment)!,
  customs: handling(r.customs),
  gaugeChange: handling(r.gauge_change),
  sources: r.sources,
  estimated: r.estimated,
});

const linkOf = (r: LinkRow): LinkRecord => ({
  id: r.id,
  from: r.from_node,
  to: r.to_node,
  mode: r.mode,
  gauges: r.gauges,
  distanceKm: r.distance_km,
  distanceEstimated: r.distance_estimated,
  minutes: r.minutes,
  usd20: Number(r.usd20),
  usd40: Number(r.usd40),
  co2GramsPerTonneKm: r.co2_grams_per_tonne_km,
  status: r.status,
  oneWay: r.one_way,
  scheduledOnly: r.scheduled_only,
  corridors: r.corridors,
  geometry: r.geometry,
  sources: r.sources,
  estimated: r.estimated,
});

const NODE_COLUMNS = 'id, names, kind, country, lat, lon, locode, transshipment, customs, gauge_change, sources, estimated';
const LINK_COLUMNS =
  'id, from_node, to_node, mode, gauges, distance_km, distance_estimated, minutes, usd20::text AS usd20, usd40::text AS usd40, co2_grams_per_tonne_km, status, one_way, scheduled_only, corridors, geometry, sources, estimated';
/** A link's columns as written: money as numbers, not read back as text. */
const LINK_STORED_COLUMNS = LINK_COLUMNS.replace(/::text AS usd\d0/g, '');
/** Every stored column of a link but its id. */
const LINK_FIELDS = LINK_STORED_COLUMNS.replace(/^id, /, '');

/** Every change to the network moves its version on, so each server instance knows its compiled copy is stale. */
async function bumpVersion(tx: Queryable): Promise<void> {
  await tx.query('UPDATE logistics_network_version SET version = version + 1, changed_at = now()');
}

export async function networkVersion(db: Queryable): Promise<number> {
  const [row] = await db.query<{ version: string }>('SELECT version::text AS version FROM logistics_network_version');
  return Number(row?.version ?? 0);
}

export async function loadNetwork(db: Queryable): Promise<NetworkRecords> {
  const nodes = await db.query<NodeRow>(`SELECT ${NODE_COLUMNS} FROM logistics_nodes ORDER BY id`);
  const links = await db.query<LinkRow>(`SELECT ${LINK_COLUMNS} FROM logistics_links ORDER BY id`);
  const corridors = await db.query<CorridorRecord>('SELECT id, kind, names, sources FROM logistics_corridors ORDER BY id');
  const sources = await db.query<{ id: string; title: string; url: string | null; note: string | null }>('SELECT id, title, url, note FROM logistics_sources ORDER BY id');
  return {
    nodes: nodes.map(nodeOf),
    links: links.map(linkOf),
    corridors,
    sources: sources.map((s): SourceRecord => ({ id: s.id, title: s.title, url: s.url ?? undefined, note: s.note ?? undefined })),
  };
}

/**
 * The network and its version read from one snapshot, so a change committed meanwhile on another instance never
 * mixes new links with old nodes.
 */
export async function networkSnapshot(db: Database): Promise<{ version: number; network: NetworkRecords }> {
  return db.transaction(async (tx) => {
    await tx.exec('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const version = await networkVersion(tx);
    return { version, network: await loadNetwork(tx) };
  });
}

const nodeRow = (n: NodeRecord) => ({ ...n, transshipment: stored(n.transshipment), customs: stored(n.customs), gauge_change: stored(n.gaugeChange) });
const linkRow = (l: LinkRecord) => ({
  id: l.id,
  from_node: l.from,
  to_node: l.to,
  mode: l.mode,
  gauges: l.gauges,
  distance_km: l.distanceKm,
  distance_estimated: l.distanceEstimated,
  minutes: l.minutes,
  usd20: l.usd20,
  usd40: l.usd40,
  co2_grams_per_tonne_km: l.co2GramsPerTonneKm,
  status: l.status,
  one_way: l.oneWay,
  scheduled_only: l.scheduledOnly,
  corridors: l.corridors,
  geometry: l.geometry,
  sources: l.sources,
  estimated: l.estimated,
});

const NODE_RECORDSET = `jsonb_to_recordset($1::jsonb) AS x (id text, names jsonb, kind text, country text, lat double precision, lon double precision,
  locode text, transshipment jsonb, customs jsonb, gauge_change jsonb, sources text[], estimated text[])`;
const LINK_RECORDSET = `jsonb_to_recordset($1::jsonb) AS x (id text, from_node text, to_node text, mode text, gauges smallint[], distance_km double precision,
  distance_estimated boolean, minutes integer, usd20 numeric, usd40 numeric, co2_grams_per_tonne_km double precision, status text, one_way boolean,
  scheduled_only boolean, corridors text[], geometry jsonb, sources text[], estimated text[])`;

/** Inserts the nodes of $1, a JSON array of node rows. */
const INSERT_NODES = `INSERT INTO logistics_nodes (${NODE_COLUMNS}) SELECT ${NODE_COLUMNS} FROM ${NODE_RECORDSET}`;
/** Inserts the links of $1, a JSON array of link rows. */
const INSERT_LINKS = `INSERT INTO logistics_links (${LINK_STORED_COLUMNS}) SELECT ${LINK_STORED_COLUMNS} FROM ${LINK_RECORDSET}`;

async function insertNodes(tx: Queryable, nodes: readonly NodeRecord[]): Promise<void> {
  if (nodes.length === 0) return;
  await tx.query(INSERT_NODES, [JSON.stringify(nodes.map(nodeRow))]);
}

async function insertLinks(tx: Queryable, links: readonly LinkRecord[]): Promise<void> {
  if (links.length === 0) return;
  await tx.query(INSERT_LINKS, [JSON.stringify(links.map(linkRow))]);
}

/** Replaces the whole network (a file import); call inside a transaction so it is all or nothing. */
export async function replaceNetwork(tx: Queryable, network: NetworkRecords): Promise<{ nodes: number; links: number; corridors: number }> {
  const problems = networkProblems(network);
  if (problems.length > 0) throw new DomainError('NETWORK_INVALID', { problems: problems.length }, problems);
  await tx.exec('DELETE FROM logistics_links; DELETE FROM logistics_nodes; DELETE FROM logistics_corridors; DELETE FROM logistics_sources');
  if (network.sources.length > 0) {
    await tx.query('INSERT INTO logistics_sources (id, title, url, note) SELECT id, title, url, note FROM jsonb_to_recordset($1::jsonb) AS x (id text, title text, url text, note text)', [
      JSON.stringify(network.sources),
    ]);
  }
  if (network.corridors.length > 0) {
    await tx.query('INSERT INTO logistics_corridors (id, kind, names, sources) SELECT id, kind, names, sources FROM jsonb_to_recordset($1::jsonb) AS x (id text, kind text, names jsonb, sources text[])', [
      JSON.stringify(network.corridors),
    ]);
  }
  await insertNodes(tx, network.nodes);
  await insertLinks(tx, network.links);
  await bumpVersion(tx);
  return { nodes: network.nodes.length, links: network.links.length, corridors: network.corridors.length };
}

/** The node of the one row a query found, or NODE_NOT_FOUND when it found none. */
function foundNode(rows: readonly NodeRow[], id: string): NodeRecord {
  const [row] = rows;
  if (!row) throw new DomainError('NODE_NOT_FOUND', { node: id });
  return nodeOf(row);
}

/** The link of the one row a query found, or LINK_NOT_FOUND when it found none. */
function foundLink(rows: readonly LinkRow[], id: string): LinkRecord {
  const [row] = rows;
  if (!row) throw new DomainError('LINK_NOT_FOUND', { link: id });
  return linkOf(row);
}

export async function getNode(db: Queryable, id: string, lock = false): Promise<NodeRecord> {
  return foundNode(await db.query<NodeRow>(`SELECT ${NODE_COLUMNS} FROM logistics_nodes WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]), id);
}

export async function getLink(db: Queryable, id: string, lock = false): Promise<LinkRecord> {
  return foundLink(await db.query<LinkRow>(`SELECT ${LINK_COLUMNS} FROM logistics_links WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]), id);
}

/**
 * Sources cited must be in the network's list once it has one, so an export can always be imported again; while the
 * list is empty any source may be cited.
 */
async function checkSources(tx: Queryable, cited: readonly string[]): Promise<void> {
  if (cited.length === 0) return;
  const [list] = await tx.query<{ known: string[]; listed: boolean }>(
    'SELECT ARRAY(SELECT id FROM logistics_sources WHERE id = ANY($1::text[])) AS known, EXISTS (SELECT FROM logistics_sources) AS listed',
    [cited],
  );
  if (!list?.listed) return;
  const missing = cited.find((id) => !list.known.includes(id));
  if (missing !== undefined) throw new DomainError('SOURCE_NOT_FOUND', { source: missing });
}

export async function addNode(tx: Queryable, node: NodeRecord): Promise<NodeRecord> {
  await checkSources(tx, node.sources);
  let rows: NodeRow[];
  try {
    rows = await tx.query<NodeRow>(`${INSERT_NODES} RETURNING ${NODE_COLUMNS}`, [JSON.stringify([nodeRow(node)])]);
  } catch (error) {
    if (isUniqueViolation(error, 'logistics_nodes_pkey')) throw new DomainError('NODE_EXISTS', { node: node.id });
    if (isUniqueViolation(error, 'logistics_nodes_locode')) throw new DomainError('LOCODE_TAKEN', { locode: node.locode ?? '' });
    throw error;
  }
  await bumpVersion(tx);
  return foundNode(rows, node.id);
}

/** Rewrites a node; its id stays. */
export async function updateNode(tx: Queryable, node: NodeRecord): Promise<NodeRecord> {
  await getNode(tx, node.id, true);
  await checkSources(tx, node.sources);
  const row = nodeRow(node);
  let rows: NodeRow[];
  try {
    rows = await tx.query<NodeRow>(
      `UPDATE logistics_nodes SET names = $2, kind = $3, country = $4, lat = $5, lon = $6, locode = $7, transshipment = $8, customs = $9,
              gauge_change = $10, sources = $11, estimated = $12 WHERE id = $1 RETURNING ${NODE_COLUMNS}`,
      [row.id, JSON.stringify(row.names), row.kind, row.country, row.lat, row.lon, row.locode, JSON.stringify(row.transshipment), JSON.stringify(row.customs), JSON.stringify(row.gauge_change), row.sources, row.estimated],
    );
  } catch (error) {
    if (isUniqueViolation(error, 'logistics_nodes_locode')) throw new DomainError('LOCODE_TAKEN', { locode: node.locode ?? '' });
    throw error;
  }
  await bumpVersion(tx);
  return foundNode(rows, node.id);
}

export async function deleteNode(tx: Queryable, id: string): Promise<void> {
  // Locked first: a link being added to this node waits, or is counted below once it has committed.
  await getNode(tx, id, true);
  const [{ n } = { n: 0 }] = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM logistics_links WHERE from_node = $1 OR to_node = $1', [id]);
  if (n > 0) throw new DomainError('NODE_IN_USE', { node: id, links: n });
  await tx.query('DELETE FROM logistics_nodes WHERE id = $1', [id]);
  await bumpVersion(tx);
}

/** A link's ends and corridors must exist; its geometry runs from its first node to its second. */
async function checkLink(tx: Queryable, link: LinkRecord): Promise<void> {
  const ends = await tx.query<{ id: string }>('SELECT id FROM logistics_nodes WHERE id = ANY($1::text[])', [[link.from, link.to]]);
  for (const end of [link.from, link.to]) if (!ends.some((e) => e.id === end)) throw new DomainError('NODE_NOT_FOUND', { node: end });
  if (link.from === link.to) throw new DomainError('LINK_LOOP', { link: link.id });
  if (link.corridors.length > 0) {
    const known = await tx.query<{ id: string }>('SELECT id FROM logistics_corridors WHERE id = ANY($1::text[])', [link.corridors]);
    const unknown = link.corridors.find((c) => !known.some((k) => k.id === c));
    if (unknown !== undefined) throw new DomainError('CORRIDOR_NOT_FOUND', { corridor: unknown });
  }
  if ((link.mode === 'rail') !== (link.gauges !== null && link.gauges.length > 0)) throw new DomainError('LINK_GAUGE', { link: link.id });
  await checkSources(tx, link.sources);
}

/**
 * Writes a link with `sql` (its row as the JSON array $1) and returns the rows it gives back. An end checked a moment
 * ago may have been deleted since by another request; the database then refuses the link, and so does this.
 */
async function writeLink(tx: Queryable, link: LinkRecord, sql: string): Promise<LinkRow[]> {
  try {
    return await tx.query<LinkRow>(sql, [JSON.stringify([linkRow(link)])]);
  } catch (error) {
    if (isUniqueViolation(error, 'logistics_links_pkey')) throw new DomainError('LINK_EXISTS', { link: link.id });
    if (isForeignKeyViolation(error, 'logistics_links_from_node_fkey')) throw new DomainError('NODE_NOT_FOUND', { node: link.from });
    if (isForeignKeyViolation(error, 'logistics_links_to_node_fkey')) throw new DomainError('NODE_NOT_FOUND', { node: link.to });
    throw error;
  }
}

export async function addLink(tx: Queryable, link: LinkRecord): Promise<LinkRecord> {
  await checkLink(tx, link);
  const rows = await writeLink(tx, link, `${INSERT_LINKS} RETURNING ${LINK_COLUMNS}`);
  await bumpVersion(tx);
  return foundLink(rows, link.id);
}

/** Rewrites a link; its id stays. */
export async function updateLink(tx: Queryable, link: LinkRecord): Promise<LinkRecord> {
  // Locked, so two rewrites of one link take turns.
  await getLink(tx, link.id, true);
  await checkLink(tx, link);
  const rows = await writeLink(
    tx,
    link,
    `WITH sent AS (SELECT * FROM ${LINK_RECORDSET})
     UPDATE logistics_links SET (${LINK_FIELDS}) = (SELECT ${LINK_FIELDS} FROM sent) WHERE id = (SELECT id FROM sent) RETURNING ${LINK_COLUMNS}`,
  );
  await bumpVersion(tx);
  return foundLink(rows, link.id);
}

export async function deleteLink(tx: Queryable, id: string): Promise<void> {
  await getLink(tx, id, true);
  await tx.query('DELETE FROM logistics_links WHERE id = $1', [id]);
  await bumpVersion(tx);
}
