import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import countries110m from 'world-atlas/countries-110m.json';

interface CountryProperties {
  name: string;
}

// The bundled Natural Earth 1:110m TopoJSON; ids are UN M49 codes as three-digit strings.
const topology = countries110m as unknown as Topology<{ countries: GeometryCollection<CountryProperties> }>;

const ANTARCTICA = '010';

/** A ring that crosses the antimeridian (Chukotka, Fiji) is moved east of 180°, so it is not drawn across the whole map. */
function unwrapRing(ring: Position[]): Position[] {
  const crosses = ring.some((point, i) => i > 0 && Math.abs((point[0] ?? 0) - (ring[i - 1]?.[0] ?? 0)) > 180);
  return crosses ? ring.map(([lon = 0, lat = 0]) => [lon < 0 ? lon + 360 : lon, lat]) : ring;
}

function unwrap(geometry: Geometry): Geometry {
  if (geometry.type === 'Polygon') return { ...geometry, coordinates: geometry.coordinates.map(unwrapRing) };
  if (geometry.type === 'MultiPolygon') return { ...geometry, coordinates: geometry.coordinates.map((polygon) => polygon.map(unwrapRing)) };
  return geometry;
}

/**
 * GeoJSON for ECharts, each region named by its M49 code so data can be joined on State.m49.
 * The three Natural Earth units without a code keep their English name; Antarctica is left out.
 */
export function worldGeoJson(): FeatureCollection<Geometry, CountryProperties> {
  const collection = feature(topology, topology.objects.countries);
  const features: Feature<Geometry, CountryProperties>[] = collection.features
    .filter((country) => country.id !== ANTARCTICA)
    .map((country) => ({
      ...country,
      geometry: unwrap(country.geometry),
      properties: { name: country.id === undefined ? country.properties.name : String(country.id) },
    }));
  return { type: 'FeatureCollection', features };
}

/** M49 codes drawn at this scale; small island states such as Bahrain and the Maldives are not. */
export const MAPPED_M49 = new Set(
  topology.objects.countries.geometries.flatMap((geometry) => (geometry.id === undefined ? [] : [String(geometry.id)])),
);
