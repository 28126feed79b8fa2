import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Queryable } from '../../db/database.ts';
import { readNetworkGeoJson } from './network-geojson.ts';
import { replaceNetwork } from './store.ts';

export const REFERENCE_NETWORK = new URL('./reference/sco-network.geojson', import.meta.url);

/**
 * Loads the reference network the platform ships with, at every start, whenever the network has no nodes; it then
 * replaces the corridors and sources as well. While there is at least one node the network is the admins' to edit
 * (or to replace with `network import`), and a restart leaves their changes alone. Deleting every node therefore
 * brings the reference network back at the next start.
 */
export async function loadLogisticsReference(tx: Queryable): Promise<Record<string, number>> {
  const [{ n } = { n: 0 }] = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM logistics_nodes');
  if (n > 0) return { nodes: 0, links: 0, corridors: 0 };
  const file = fileURLToPath(REFERENCE_NETWORK);
  return replaceNetwork(tx, readNetworkGeoJson(await readFile(file, 'utf8'), file));
}
