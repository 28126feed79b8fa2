import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { networkFileError, networkGeoJson, NetworkFileError, readNetworkGeoJson } from './network-geojson.ts';

const FIXTURE = new URL('./fixtures/small-network.geojson', import.meta.url);
const text = readFileSync(FIXTURE, 'utf8');

function problemsOf(source: string) {
  try {
    readNetworkGeoJson(source, 'net.geojson');
  } catch (error) {
    if (error instanceof NetworkFileError) return error.problems;
    throw error;
  }
  return [];
}

describe('reading a network from GeoJSON', () => {
  it('reads nodes, links, corridors and sources with their handling, gauges and defaults', () => {
    const network = readNetworkGeoJson(text, 'small-network.geojson');
    expect(network.nodes.map((n) => n.id)).toEqual(['CN-URUMQI', 'CN-ALASHANKOU', 'KZ-DOSTYK']);
    const alashankou = network.nodes[1]!;
    expect(alashankou).toMatchObject({ kind: 'border_crossing', country: 'CHN', lat: 45.17, lon: 82.57, locode: null });
    expect(alashankou.gaugeChange).toEqual({ minutes: 90, usd: { 20: 60, 40: 90 } });
    expect(network.nodes[2]!.gaugeChange).toBeNull();
    const [first, crossing] = network.links;
    expect(first).toMatchObject({ mode: 'rail', gauges: [1435], distanceKm: 477, minutes: 720, usd20: 300, usd40: 450, status: 'open' });
    expect(crossing).toMatchObject({ gauges: [1435, 1520], distanceEstimated: false, oneWay: false, scheduledOnly: false, co2GramsPerTonneKm: null, estimated: [] });
    expect(network.corridors).toEqual([{ id: 'test-rail', kind: 'railway_express', names: { en: 'Test rail', ru: 'Тестовая дорога', 'zh-Hans': '测试铁路' }, sources: ['T1'] }]);
    expect(network.sources).toEqual([{ id: 'T1', title: 'Written by hand for tests', url: undefined, note: undefined }]);
  });

  it('writes the same network back in the format it reads', () => {
    const network = readNetworkGeoJson(text, 'small-network.geojson');
    expect(readNetworkGeoJson(JSON.stringify(networkGeoJson(network)), 'again.geojson')).toEqual(network);
  });

  it('names the line, the feature and the field of every problem, and reads nothing', () => {
    const broken = text
      .replace('"distanceKm": 477', '"distanceKm": -5')
      .replace('"to": "KZ-DOSTYK"', '"to": "KZ-NOWHERE"')
      .replace('"corridors": ["test-rail"], "sources"', '"corridors": ["no-such"], "sources"')
      .replace('"kind": "rail_terminal"', '"kind": "station"');
    const problems = problemsOf(broken);
    const lineOf = (needle: string) => broken.slice(0, broken.indexOf(needle)).split('\n').length;
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: 'rail-urumqi-alashankou', field: 'distanceKm', line: lineOf('"distanceKm": -5') }),
        expect.objectContaining({ id: 'rail-alashankou-dostyk', field: 'to', message: 'no node KZ-NOWHERE', line: lineOf('"to": "KZ-NOWHERE"') }),
        expect.objectContaining({ id: 'rail-alashankou-dostyk', field: 'corridors', message: 'no corridor no-such' }),
        expect.objectContaining({ id: 'CN-URUMQI', field: 'kind', line: lineOf('"kind": "station"') }),
      ]),
    );
    expect(() => readNetworkGeoJson(broken, 'net.geojson')).toThrow(/net\.geojson, line \d+ \(CN-URUMQI\), field kind: must be one of city/);
  });

  it('rejects a rail link without a gauge, a road link with one, duplicate ids and locodes', () => {
    const broken = text
      .replace('"gauge": 1435', '"gauge": null')
      .replace('"id": "KZ-DOSTYK"', '"id": "CN-URUMQI"')
      .replace('"locode": null', '"locode": "CNURC"');
    const problems = problemsOf(broken);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: 'rail-urumqi-alashankou', field: 'gauge', message: 'a rail link needs its gauge' }),
        expect.objectContaining({ id: 'CN-URUMQI', field: 'id', message: 'is used by another node' }),
        expect.objectContaining({ id: 'CN-ALASHANKOU', field: 'locode', message: "CNURC is also CN-URUMQI's" }),
      ]),
    );
    expect(problemsOf(text.replace('"mode": "rail", "gauge": [1435, 1520]', '"mode": "road", "gauge": [1435, 1520]'))).toEqual([
      expect.objectContaining({ id: 'rail-alashankou-dostyk', field: 'gauge', message: 'only rail links have a gauge' }),
    ]);
  });

  it('wants whole minutes on links', () => {
    expect(problemsOf(text.replace('"minutes": 720', '"minutes": 720.5'))).toEqual([expect.objectContaining({ id: 'rail-urumqi-alashankou', field: 'minutes', message: '720.5 is not a whole number' })]);
  });

  it("holds nodes and links to the API's limits, so that what is read can be stored: whole minutes within 10,000,000, gauges and distances in range", () => {
    const broken = text
      .replace('"minutes": 720', '"minutes": 3000000000')
      .replace('"customs": { "minutes": 30,', '"customs": { "minutes": 30.5,')
      .replace('"gauge": 1435', '"gauge": 2000')
      .replace('"distanceKm": 12', '"distanceKm": 60000')
      .replace('"usd20": 300', '"usd20": 2000000000');
    const lineOf = (needle: string) => broken.slice(0, broken.indexOf(needle)).split('\n').length;
    const problems = problemsOf(broken);
    expect(problems).toEqual(
      expect.arrayContaining([
        { id: 'CN-ALASHANKOU', field: 'customs.minutes', message: '30.5 is not a whole number', line: lineOf('"minutes": 30.5') },
        { id: 'rail-urumqi-alashankou', field: 'minutes', message: '3000000000 is above 10000000', line: lineOf('"minutes": 3000000000') },
        { id: 'rail-urumqi-alashankou', field: 'gauge', message: 'must be a gauge of 600 to 1700 mm or a list of up to 3 of them', line: lineOf('"gauge": 2000') },
        { id: 'rail-urumqi-alashankou', field: 'usd20', message: '2000000000 is above 1000000000', line: lineOf('"usd20": 2000000000') },
        { id: 'rail-alashankou-dostyk', field: 'distanceKm', message: '60000 is above 50000', line: lineOf('"distanceKm": 60000') },
      ]),
    );
    expect(problems).toHaveLength(5);
    expect(problemsOf(text.replace('"gauge": [1435, 1520]', '"gauge": [1435, 1520, 1000, 1067]'))).toEqual([expect.objectContaining({ id: 'rail-alashankou-dostyk', field: 'gauge' })]);
    expect(problemsOf(text.replace('"distanceKm": 12', '"distanceKm": 0'))).toEqual([expect.objectContaining({ id: 'rail-alashankou-dostyk', field: 'distanceKm', message: '0 is not above 0' })]);
    expect(problemsOf(text.replace('"en": "Dostyk"', `"en": "${'D'.repeat(201)}"`))).toContainEqual(expect.objectContaining({ id: 'KZ-DOSTYK', field: 'names.en', message: 'is longer than 200 characters' }));
    expect(problemsOf(text.replace('[[87.6, 43.8], [82.57, 45.17]]', '[[87.6, 43.8], [82.57, 95.17]]'))).toEqual([expect.objectContaining({ id: 'rail-urumqi-alashankou', field: 'geometry.coordinates' })]);
  });

  it('says at which line a problem that the whole network has was found, when it is given the problems', () => {
    const error = networkFileError('net.geojson', text, [{ id: 'KZ-DOSTYK', field: 'customs.minutes', message: 'too long' }, { field: 'corridors', message: 'none' }]);
    const lineOf = (needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;
    expect(error.problems).toEqual([
      { id: 'KZ-DOSTYK', field: 'customs.minutes', message: 'too long', line: lineOf('"customs": { "minutes": 60') },
      { field: 'corridors', message: 'none', line: undefined },
    ]);
    expect(error.message).toBe(`net.geojson, line ${lineOf('"customs": { "minutes": 60')} (KZ-DOSTYK), field customs.minutes: too long\nnet.geojson, field corridors: none`);
  });

  it('says where a file is not JSON, or not a FeatureCollection', () => {
    expect(problemsOf('{\n  "type": "FeatureCollection",\n  "features": [,]\n}')).toEqual([expect.objectContaining({ field: '-', line: 3 })]);
    expect(problemsOf('{"type": "Feature"}')).toEqual([{ field: 'type', message: 'must be a GeoJSON FeatureCollection with features', line: 1 }]);
  });
});
