import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { networkGeoJson, NetworkFileError, readNetworkGeoJson } from './network-geojson.ts';

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

  it('says where a file is not JSON, or not a FeatureCollection', () => {
    expect(problemsOf('{\n  "type": "FeatureCollection",\n  "features": [,]\n}')).toEqual([expect.objectContaining({ field: '-', line: 3 })]);
    expect(problemsOf('{"type": "Feature"}')).toEqual([{ field: 'type', message: 'must be a GeoJSON FeatureCollection with features', line: 1 }]);
  });
});
