import type { Queryable } from '../../db/database.ts';
import { localise } from '../../errors/messages.ts';
import type { Locale } from '../../i18n/locale.ts';
import type { Handling } from './engine/types.ts';
import { gaugeOf, gaugesOf, type CorridorRecord, type LinkRecord, type Names, type NetworkRecords, type NodeRecord } from './records.ts';
import type { LinkBody, NodeBody } from './schemas.ts';
import { getNode } from './store.ts';

/** What the API's clients send and see, mapped to and from the stored records. */

const handling = (h: { minutes: number; usd20: number; usd40: number }): Handling => ({ minutes: h.minutes, usd: { 20: h.usd20, 40: h.usd40 } });
const flat = (h: Handling | null) => (h === null ? null : { minutes: h.minutes, usd20: h.usd[20], usd40: h.usd[40] });

/** A name in `locale`; Traditional Chinese is converted from Simplified once per name and kept. */
export const localName = (names: Names, locale: Locale): string => localise(names, locale);

export function nodeRecordOf(body: NodeBody): NodeRecord {
  return {
    id: body.id,
    names: body.names,
    kind: body.kind,
    country: body.country.toUpperCase(),
    lat: body.lat,
    lon: body.lon,
    locode: body.locode ? body.locode.toUpperCase() : null,
    transshipment: handling(body.transshipment),
    customs: body.customs ? handling(body.customs) : null,
    gaugeChange: body.gaugeChange ? handling(body.gaugeChange) : null,
    sources: body.sources ?? [],
    estimated: body.estimated ?? [],
  };
}

/** A link from its body; without a geometry it is drawn straight between its nodes. */
export async function linkRecordOf(db: Queryable, body: LinkBody): Promise<LinkRecord> {
  const geometry = body.geometry?.map(([lon, lat]) => [lon, lat] as [number, number]) ?? (await Promise.all([getNode(db, body.from), getNode(db, body.to)])).map((n) => [n.lon, n.lat] as [number, number]);
  return {
    id: body.id,
    from: body.from,
    to: body.to,
    mode: body.mode,
    gauges: gaugesOf(body.gauge),
    distanceKm: body.distanceKm,
    distanceEstimated: body.distanceEstimated ?? false,
    minutes: body.minutes,
    usd20: body.usd20,
    usd40: body.usd40,
    co2GramsPerTonneKm: body.co2GramsPerTonneKm ?? null,
    status: body.status,
    oneWay: body.oneWay ?? false,
    scheduledOnly: body.scheduledOnly ?? false,
    corridors: body.corridors ?? [],
    geometry,
    sources: body.sources ?? [],
    estimated: body.estimated ?? [],
  };
}

export const presentNode = (n: NodeRecord, locale: Locale) => ({
  ...n,
  name: localName(n.names, locale),
  transshipment: flat(n.transshipment)!,
  customs: flat(n.customs),
  gaugeChange: flat(n.gaugeChange),
});

export const presentLink = (l: LinkRecord) => {
  const { gauges, ...rest } = l;
  return { ...rest, gauge: gaugeOf(gauges) };
};

/** The ids of each corridor's links, in the network's order: worked out once per network version. */
export function linksByCorridor(network: NetworkRecords): ReadonlyMap<string, readonly string[]> {
  const byCorridor = new Map(network.corridors.map((c: CorridorRecord) => [c.id, [] as string[]]));
  for (const link of network.links) {
    for (const id of link.corridors) {
      const links = byCorridor.get(id);
      if (links && links.at(-1) !== link.id) links.push(link.id);
    }
  }
  return byCorridor;
}

/** The corridors named in `locale`, each with the ids of its links (only those `shown` keeps, when given). */
export const presentCorridors = (corridors: readonly CorridorRecord[], linksOf: ReadonlyMap<string, readonly string[]>, locale: Locale, shown?: (linkId: string) => boolean) =>
  corridors.map((c) => {
    const links = linksOf.get(c.id) ?? [];
    return { ...c, name: localName(c.names, locale), links: shown ? links.filter(shown) : [...links] };
  });
