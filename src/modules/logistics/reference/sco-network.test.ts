import { readFileSync } from 'node:fs';
import countries from 'i18n-iso-countries';
import { describe, expect, it } from 'vitest';
import type { Mode } from '../engine/types.ts';
import { readNetworkGeoJson } from '../network-geojson.ts';
import type { LinkRecord, NodeRecord } from '../records.ts';

/** A longitude and a latitude, in that order (RFC 7946). */
type Position = LinkRecord['geometry'][number];

const text = readFileSync(new URL('./sco-network.geojson', import.meta.url), 'utf8');
const network = readNetworkGeoJson(text, 'sco-network.geojson');
const nodes = new Map<string, NodeRecord>(network.nodes.map((n) => [n.id, n]));
const points = new Map<string, Position>(network.nodes.map((n) => [n.id, [n.lon, n.lat]]));
const links = network.links;
const node = (id: string) => nodes.get(id)!;

// Track gauge by country: 1,435 mm in China and the EU, 1,520 mm in the former Soviet states and Mongolia.
const GAUGE: Record<string, number> = {
  CHN: 1435, POL: 1435, DEU: 1435, NLD: 1435, LAO: 1435, ROU: 1435,
  KAZ: 1520, RUS: 1520, MNG: 1520, BLR: 1520, UZB: 1520, KGZ: 1520, TJK: 1520, AZE: 1520, GEO: 1520,
};
// Economic corridors named by the source document that have no link in this network yet (docs/network.md): none.
const CORRIDORS_WITHOUT_LINKS = new Set<string>();

function greatCircleKm([lon1, lat1]: Position, [lon2, lat2]: Position): number {
  const rad = Math.PI / 180;
  const a = Math.sin(((lat2 - lat1) * rad) / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.sqrt(a));
}

const gauges = (link: LinkRecord): number[] => link.gauges ?? [];
const crossesBorder = (link: LinkRecord) => node(link.from).country !== node(link.to).country;

interface Walk {
  modes: readonly Mode[];
  /** Nodes the walk may not enter. */
  avoid?: ReadonlySet<string>;
  avoidCountries?: readonly string[];
}

/** A shortest path (fewest links) over open links, as its nodes, or null: a plain breadth-first search. */
function path(from: string, to: string, { modes, avoid = new Set(), avoidCountries = [] }: Walk): string[] | null {
  const next = new Map<string, string[]>();
  for (const link of links) {
    if (link.status !== 'open' || !modes.includes(link.mode)) continue;
    next.set(link.from, [...(next.get(link.from) ?? []), link.to]);
    if (!link.oneWay) next.set(link.to, [...(next.get(link.to) ?? []), link.from]);
  }
  const previous = new Map<string, string>([[from, from]]);
  const queue = [from];
  for (let head = 0; head < queue.length; head++) {
    const at = queue[head]!;
    if (at === to) break;
    for (const other of next.get(at) ?? []) {
      if (previous.has(other) || avoid.has(other) || avoidCountries.includes(node(other).country)) continue;
      previous.set(other, at);
      queue.push(other);
    }
  }
  if (!previous.has(to)) return null;
  const nodesOnPath = [to];
  while (nodesOnPath[0] !== from) nodesOnPath.unshift(previous.get(nodesOnPath[0]!)!);
  return nodesOnPath;
}

/** A simple path through the given stops in order (each leg avoids the nodes of the legs before it), or null. */
function pathThrough(stops: readonly string[], walk: Walk): string[] | null {
  const whole = [stops[0]!];
  for (let i = 1; i < stops.length; i++) {
    const used = new Set([...(walk.avoid ?? []), ...whole.slice(0, -1), ...stops.slice(i + 1)]);
    const leg = path(stops[i - 1]!, stops[i]!, { ...walk, avoid: used });
    if (!leg) return null;
    whole.push(...leg.slice(1));
  }
  return whole;
}

describe('the reference network file', () => {
  it('is a GeoJSON FeatureCollection that the platform reads without a problem', () => {
    // The collection's type and date are not part of the network read; every feature is, as a node or a link.
    const collection: unknown = JSON.parse(text);
    expect(collection).toHaveProperty('type', 'FeatureCollection');
    expect(collection).toHaveProperty('version', expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/));
    expect(() => readNetworkGeoJson(text, 'sco-network.geojson')).not.toThrow();
    expect(collection).toHaveProperty('features.length', nodes.size + links.length);
  });

  it('holds about 80–150 nodes and 150–300 links', () => {
    expect(nodes.size).toBeGreaterThanOrEqual(80);
    expect(nodes.size).toBeLessThanOrEqual(150);
    expect(links.length).toBeGreaterThanOrEqual(150);
    expect(links.length).toBeLessThanOrEqual(300);
  });

  it('gives every node, link, corridor and source its own id', () => {
    for (const ids of [network.nodes.map((n) => n.id), links.map((l) => l.id), network.corridors.map((c) => c.id), network.sources.map((s) => s.id)]) {
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it('names nodes after their country, ISO 3166 alpha-2 then upper-case ASCII, and gives names in en, ru and zh-Hans', () => {
    for (const n of nodes.values()) {
      expect(n.id).toMatch(/^[A-Z]{2}-[A-Z0-9]+(-[A-Z0-9]+)*$/);
      expect(countries.alpha3ToAlpha2(n.country), n.id).toBe(n.id.slice(0, 2));
      for (const name of [n.names.en, n.names.ru, n.names['zh-Hans']]) expect(name.trim(), n.id).not.toBe('');
    }
  });

  it('places nodes at [lon, lat] with at most 4 decimals', () => {
    for (const [id, [lon, lat]] of points) {
      expect(Math.abs(lon), id).toBeLessThanOrEqual(180);
      expect(Math.abs(lat), id).toBeLessThanOrEqual(90);
      for (const c of [lon, lat]) expect(Math.round(c * 1e4) / 1e4, id).toBe(c);
    }
  });

  it('joins existing nodes with each link, its line starting and ending at their points', () => {
    for (const { id, from, to, geometry } of links) {
      expect(nodes.has(from), id).toBe(true);
      expect(nodes.has(to), id).toBe(true);
      expect(from, id).not.toBe(to);
      expect(geometry[0], id).toEqual(points.get(from));
      expect(geometry.at(-1), id).toEqual(points.get(to));
    }
  });

  it('cites for every node, link and corridor at least one source that exists', () => {
    const sources = new Set(network.sources.map((s) => s.id));
    for (const item of [...nodes.values(), ...links, ...network.corridors]) {
      expect(item.sources.length, item.id).toBeGreaterThan(0);
      for (const source of item.sources) expect(sources.has(source), `${item.id} cites ${source}`).toBe(true);
    }
    for (const source of network.sources) expect(source.title.trim(), source.id).not.toBe('');
  });

  it('says which figures are estimates, by property name', () => {
    for (const n of nodes.values()) for (const p of n.estimated) expect(['coordinates', 'transshipment', 'customs', 'gaugeChange'], n.id).toContain(p);
    for (const l of links) {
      for (const p of l.estimated) expect(['distanceKm', 'minutes', 'usd20', 'usd40', 'co2GramsPerTonneKm'], l.id).toContain(p);
      expect(l.estimated.includes('distanceKm'), l.id).toBe(l.distanceEstimated);
    }
  });
});

describe('border crossings', () => {
  it('cross a border by land only on a link between two border-crossing nodes, one on each side, a short way apart', () => {
    for (const link of links.filter((l) => crossesBorder(l) && l.mode !== 'sea')) {
      expect(node(link.from).kind, link.id).toBe('border_crossing');
      expect(node(link.to).kind, link.id).toBe('border_crossing');
      expect(link.distanceKm, link.id).toBeLessThanOrEqual(100);
    }
  });

  it('give every border-crossing node a partner in another country, and customs', () => {
    for (const n of [...nodes.values()].filter((x) => x.kind === 'border_crossing')) {
      const partners = links.filter((l) => (l.from === n.id || l.to === n.id) && crossesBorder(l) && l.mode !== 'sea');
      expect(partners.length, n.id).toBeGreaterThan(0);
      expect(n.customs, n.id).not.toBeNull();
    }
  });

  it('clear customs at both ends of every link that crosses a border, seaports included', () => {
    for (const link of links.filter(crossesBorder)) {
      expect(node(link.from).customs, `${link.id} at ${link.from}`).not.toBeNull();
      expect(node(link.to).customs, `${link.id} at ${link.to}`).not.toBeNull();
    }
  });

  const pairs: [string, string, Mode][] = [
    ['CN-ALASHANKOU', 'KZ-DOSTYK', 'rail'],
    ['CN-KHORGOS', 'KZ-ALTYNKOL', 'rail'],
    ['CN-KHORGOS', 'KZ-NUR-ZHOLY', 'road'],
    ['CN-ERENHOT', 'MN-ZAMYN-UUD', 'rail'],
    ['CN-MANZHOULI', 'RU-ZABAYKALSK', 'rail'],
    ['CN-SUIFENHE', 'RU-GRODEKOVO', 'rail'],
    ['BY-BREST', 'PL-MALASZEWICZE', 'rail'],
    ['CN-HEIHE', 'RU-BLAGOVESHCHENSK', 'road'],
    ['CN-TONGJIANG', 'RU-NIZHNELENINSKOYE', 'rail'],
    ['CN-IRKESHTAM', 'KG-IRKESHTAM', 'road'],
    ['CN-TORUGART', 'KG-TORUGART', 'road'],
    ['CN-KARASU', 'TJ-KULMA', 'road'],
    ['MN-SUKHBAATAR', 'RU-NAUSHKI', 'rail'],
    ['KZ-MAMLYUTKA', 'RU-PETUKHOVO', 'rail'],
    ['KZ-ZHAISAN', 'RU-SAGARCHIN', 'road'],
    ['RU-KRASNOYE', 'BY-OSINOVKA', 'rail'],
    ['KZ-SARYAGASH', 'UZ-KELES', 'rail'],
    ['KG-DOSTUK', 'UZ-DUSTLIK', 'road'],
    ['TJ-TURSUNZADE', 'UZ-SARIOSIYO', 'road'],
    ['CN-KHUNJERAB', 'PK-SOST', 'road'],
    ['CN-RUILI', 'MM-MUSE', 'road'],
  ];
  it.each(pairs)('include %s – %s by %s', (a, b, mode) => {
    const link = links.find((l) => l.mode === mode && ((l.from === a && l.to === b) || (l.from === b && l.to === a)));
    expect(link).toBeDefined();
    expect(link!.status).toBe('open');
  });

  it('carry both gauges on the Tongjiang bridge, and the Heihe bridge is a road', () => {
    expect(links.find((l) => l.corridors.includes('tongjiang-nizhneleninskoye-bridge') && crossesBorder(l))?.gauges).toEqual([1435, 1520]);
    expect(links.find((l) => l.corridors.includes('heihe-blagoveshchensk-bridge') && crossesBorder(l))?.mode).toBe('road');
  });

  it('take the Alashankou figures of the sources: one-stop customs 30 min, whole-train transfer 1 h 30 min', () => {
    expect(node('CN-ALASHANKOU').customs?.minutes).toBe(30);
    expect(node('CN-ALASHANKOU').gaugeChange?.minutes).toBe(90);
  });
});

describe('rail gauges', () => {
  const rail = links.filter((l) => l.mode === 'rail');

  it('are given on every rail link and on no other', () => {
    for (const link of links) expect(gauges(link).length > 0, link.id).toBe(link.mode === 'rail');
  });

  it("follow each country's gauge on open links, with both gauges across a break of gauge", () => {
    for (const link of rail.filter((l) => l.status === 'open')) {
      const ends = [GAUGE[node(link.from).country], GAUGE[node(link.to).country]];
      expect(ends.every((g) => g !== undefined), link.id).toBe(true);
      const expected = ends[0] === ends[1] ? [ends[0]] : [1435, 1520];
      expect(gauges(link), link.id).toEqual(expected);
    }
  });

  it('run standard gauge on the China–Kyrgyzstan–Uzbekistan railway from Kashgar to Makmal, broad gauge beyond', () => {
    const planned = rail.filter((l) => l.status === 'under_construction');
    expect(planned.length).toBeGreaterThan(0);
    for (const link of planned) {
      const beyondMakmal = link.from === 'KG-MAKMAL' || link.to === 'KG-MAKMAL' ? link.to === 'KG-JALAL-ABAD' || link.from === 'KG-JALAL-ABAD' : false;
      expect(gauges(link), link.id).toEqual([beyondMakmal ? 1520 : 1435]);
    }
  });

  it('change gauge wherever 1,435 mm and 1,520 mm trains meet', () => {
    for (const n of nodes.values()) {
      const met = new Set(rail.filter((l) => l.from === n.id || l.to === n.id).flatMap(gauges));
      if (met.has(1435) && met.has(1520)) expect(n.gaugeChange, n.id).not.toBeNull();
    }
    for (const id of ['CN-ALASHANKOU', 'CN-KHORGOS', 'CN-ERENHOT', 'CN-MANZHOULI', 'CN-SUIFENHE', 'CN-TONGJIANG', 'BY-BREST', 'PL-MALASZEWICZE']) {
      expect(node(id).gaugeChange, id).not.toBeNull();
    }
  });
});

describe('distances and times', () => {
  it('are no shorter than the great-circle distance and no longer than 3 times it on land, 4 times at sea', () => {
    for (const link of links) {
      const straight = greatCircleKm(points.get(link.from)!, points.get(link.to)!);
      expect(link.distanceKm, link.id).toBeGreaterThanOrEqual(straight * 0.98);
      // Approach roads and yards dominate a link of a few kilometres, such as a bridge between two towns.
      expect(link.distanceKm, link.id).toBeLessThanOrEqual(Math.max(straight * (link.mode === 'sea' ? 4 : 3), straight + 25));
    }
  });

  it('take a time fitting the mode: rail 5–70 km/h, road 5–80 km/h, sea 10–40 km/h on average', () => {
    const bounds: Record<Mode, [number, number]> = { rail: [5, 70], road: [5, 80], sea: [10, 40], inland_water: [5, 30] };
    for (const link of links) {
      const kmh = link.distanceKm / (link.minutes / 60);
      const [low, high] = bounds[link.mode];
      expect(kmh, link.id).toBeGreaterThanOrEqual(low);
      expect(kmh, link.id).toBeLessThanOrEqual(high);
      expect(link.usd40, link.id).toBeGreaterThanOrEqual(link.usd20);
    }
  });
});

describe('corridors', () => {
  const used = new Set(links.flatMap((l) => l.corridors));

  it('exist for every corridor a link names', () => {
    const corridors = new Set(network.corridors.map((c) => c.id));
    for (const id of used) expect(corridors.has(id), id).toBe(true);
  });

  it('each have links, but for the economic corridors this network does not reach yet', () => {
    for (const corridor of network.corridors) expect(used.has(corridor.id) || CORRIDORS_WITHOUT_LINKS.has(corridor.id), corridor.id).toBe(true);
  });

  it('list the six Belt and Road economic corridors, the express routes, and the roads and bridges of the source document', () => {
    const byKind = (kind: string) => network.corridors.filter((c) => c.kind === kind).map((c) => c.id);
    expect(byKind('economic_corridor')).toHaveLength(6);
    expect(byKind('railway_express')).toEqual(expect.arrayContaining(['cere-western', 'cere-central', 'cere-eastern']));
    expect(byKind('road')).toEqual(expect.arrayContaining(['china-kyrgyzstan-uzbekistan-road', 'china-tajikistan-uzbekistan-road', 'double-west']));
    expect(byKind('bridge')).toEqual(expect.arrayContaining(['heihe-blagoveshchensk-bridge', 'tongjiang-nizhneleninskoye-bridge']));
  });
});

describe('routes the planner must find', () => {
  const RAIL = ['rail'] as const;
  const viaBorderToDuisburg = (origin: string) =>
    ['CN-ALASHANKOU', 'CN-KHORGOS'].map((border) => pathThrough([origin, border, 'BY-BREST', 'PL-MALASZEWICZE', 'DE-DUISBURG'], { modes: RAIL })).find((p) => p !== null);

  it('Chongqing → Duisburg by rail through Alashankou or Khorgos and Brest – Małaszewicze', () => {
    expect(viaBorderToDuisburg('CN-CHONGQING')).toBeDefined();
  });

  it("Xi'an → Duisburg by rail through Alashankou or Khorgos and Brest – Małaszewicze", () => {
    expect(viaBorderToDuisburg('CN-XIAN')).toBeDefined();
  });

  it('Qingdao → Tashkent by rail only, through Kazakhstan', () => {
    const route = path('CN-QINGDAO', 'UZ-TASHKENT', { modes: RAIL });
    expect(route).not.toBeNull();
    expect(route!.some((id) => node(id).country === 'KAZ')).toBe(true);
  });

  it('Qingdao → Tashkent by rail to Kashgar and road through Irkeshtam or Torugart, without Kazakhstan', () => {
    const railPart = path('CN-QINGDAO', 'CN-KASHGAR', { modes: RAIL });
    expect(railPart).not.toBeNull();
    const roads = ['KG-IRKESHTAM', 'KG-TORUGART'].map((border) => pathThrough(['CN-KASHGAR', border, 'UZ-TASHKENT'], { modes: ['road'], avoidCountries: ['KAZ'] }));
    expect(roads.some((p) => p !== null)).toBe(true);
  });

  it('Kashgar → Termez and Tashkent on the China–Tajikistan–Uzbekistan road over the Kulma Pass', () => {
    expect(pathThrough(['CN-KASHGAR', 'TJ-KULMA', 'TJ-DUSHANBE', 'UZ-TERMEZ'], { modes: ['road'] })).not.toBeNull();
  });

  it('Lianyungang → Saint Petersburg on the "Double West" highway', () => {
    const route = path('CN-LIANYUNGANG', 'RU-ST-PETERSBURG', { modes: ['road'] });
    expect(route).not.toBeNull();
    expect(route).toEqual(expect.arrayContaining(['CN-KHORGOS', 'KZ-ALMATY', 'KZ-SHYMKENT', 'RU-ORENBURG', 'RU-KAZAN', 'RU-MOSCOW']));
  });

  it('China → Europe by rail without Kazakhstan, through Erenhot and Mongolia or through Manzhouli', () => {
    expect(pathThrough(['CN-BEIJING', 'MN-ULAANBAATAR', 'RU-MOSCOW', 'DE-DUISBURG'], { modes: RAIL, avoidCountries: ['KAZ'] })).not.toBeNull();
    expect(pathThrough(['CN-HARBIN', 'CN-MANZHOULI', 'RU-MOSCOW', 'DE-DUISBURG'], { modes: RAIL, avoidCountries: ['KAZ', 'MNG'] })).not.toBeNull();
    expect(pathThrough(['CN-HARBIN', 'CN-SUIFENHE', 'RU-VLADIVOSTOK'], { modes: RAIL })).not.toBeNull();
  });

  it('Harbin → the Trans-Siberian over the Tongjiang bridge, and Harbin → Blagoveshchensk over the Heihe bridge', () => {
    expect(pathThrough(['CN-HARBIN', 'CN-TONGJIANG', 'RU-NIZHNELENINSKOYE', 'RU-BIROBIDZHAN'], { modes: RAIL })).not.toBeNull();
    expect(pathThrough(['CN-HARBIN', 'CN-HEIHE', 'RU-BLAGOVESHCHENSK'], { modes: ['road'] })).not.toBeNull();
  });

  it("Xi'an → the Black Sea on the Trans-Caspian route, by rail and ferry", () => {
    expect(pathThrough(['CN-XIAN', 'KZ-ALTYNKOL', 'AZ-ALAT', 'GE-POTI'], { modes: ['rail', 'sea'], avoidCountries: ['RUS'] })).not.toBeNull();
  });

  it('Chinese ports → Rotterdam, Hamburg, Karachi and Vladivostok by sea', () => {
    for (const [from, to] of [['CN-QINGDAO', 'NL-ROTTERDAM'], ['CN-SHANGHAI', 'DE-HAMBURG'], ['CN-TIANJIN', 'NL-ROTTERDAM'], ['CN-LIANYUNGANG', 'NL-ROTTERDAM'], ['CN-SHANGHAI', 'PK-KARACHI'], ['CN-QINGDAO', 'RU-VLADIVOSTOK']]) {
      expect(path(from!, to!, { modes: ['sea'] })?.length, `${from} → ${to}`).toBe(2);
    }
  });

  it('Kunming → Mandalay and Yangon by road on the Bangladesh–China–India–Myanmar corridor, across Ruili – Muse', () => {
    const route = path('CN-KUNMING', 'MM-YANGON', { modes: ['road'] });
    expect(route).toEqual(['CN-KUNMING', 'CN-RUILI', 'MM-MUSE', 'MM-MANDALAY', 'MM-YANGON']);
    const onCorridor = route!.slice(1).map((to, i) => links.find((l) => (l.from === route![i] && l.to === to) || (l.from === to && l.to === route![i]))!);
    for (const link of onCorridor) expect(link.corridors, link.id).toContain('bangladesh-china-india-myanmar');
    expect(onCorridor.filter(crossesBorder).map((l) => l.id)).toEqual(['road-ruili-muse']);
  });

  it('Kashgar → Uzbekistan by rail only once the China–Kyrgyzstan–Uzbekistan railway, now under construction, is open', () => {
    const planned = links.filter((l) => l.status === 'under_construction');
    expect(planned.map((l) => l.id)).toEqual(expect.arrayContaining(['rail-kashgar-torugart', 'rail-cn-torugart-kg-torugart']));
    expect(path('CN-KASHGAR', 'KG-JALAL-ABAD', { modes: RAIL })).toBeNull();
  });
});
