import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Tracking } from '../../api/trains.ts';
import { MODE_COLOURS, ROUTE_CASING } from '../logistics/colours.ts';
import { WORLD_MAP, escapeHtml, registerWorld, useChart, type Chart, type ChartOption } from '../trade/useChart.ts';
import type { StopNetwork } from './useTrainsData.ts';

/** The series that marks where the train was last seen. */
export const POSITION_SERIES = 'last-position';
const POSITION_COLOUR = '#D55E00';

type Point = [number, number];

/** The rectangle around the stops, with a margin, for the map to frame. */
function extentOf(points: readonly Point[]): [Point, Point] {
  const lons = points.map(([lon]) => lon);
  const lats = points.map(([, lat]) => lat);
  const west = Math.min(...lons);
  const east = Math.max(...lons);
  const south = Math.min(...lats);
  const north = Math.max(...lats);
  const margin = Math.max(8, (east - west) * 0.15, (north - south) * 0.15);
  return [
    [west - margin, Math.min(85, north + margin)],
    [east + margin, Math.max(-60, south - margin)],
  ];
}

/** The course between two stops: the network link's line when there is one, else a straight line. */
function courseBetween(network: StopNetwork, from: string, to: string, a: Point, b: Point): Point[] {
  const link = network.links.find((l) => (l.properties.from === from && l.properties.to === to) || (l.properties.from === to && l.properties.to === from));
  if (!link) return [a, b];
  const coords = link.geometry.coordinates as Point[];
  return link.properties.from === from ? coords : [...coords].reverse();
}

interface Props {
  tracking: Tracking;
  network: StopNetwork;
  label: string;
}

/** A departure's stops on the offline world map, the course between them, and where the train was last seen. */
export function TrackingMap({ tracking, network, label }: Props) {
  const { t } = useTranslation();
  const stops = tracking.departure.stops;
  const position = tracking.lastPosition;

  const option = useMemo<ChartOption | null>(() => {
    const placed = stops.flatMap((stop) => {
      const node = network.byId.get(stop.node);
      return node ? [{ id: stop.node, name: node.properties.name, at: node.geometry.coordinates as Point }] : [];
    });
    if (placed.length === 0) return null;
    registerWorld();
    const legs = placed.slice(1).map((stop, index) => {
      const previous = placed[index]!;
      return { coords: courseBetween(network, previous.id, stop.id, previous.at, stop.at) };
    });
    const seenAt = position ? placed.find((stop) => stop.id === position.node) : undefined;
    return {
      tooltip: { trigger: 'item', formatter: (params: { data?: { tip?: string } }) => params.data?.tip ?? '' },
      geo: {
        map: WORLD_MAP,
        roam: true,
        boundingCoords: extentOf(placed.map((stop) => stop.at)),
        scaleLimit: { min: 0.8, max: 12 },
        silent: true,
        itemStyle: { areaColor: '#dfe3e8', borderColor: '#ffffff', borderWidth: 0.6 },
        emphasis: { disabled: true },
      },
      series: [
        {
          id: 'course',
          type: 'lines',
          coordinateSystem: 'geo',
          polyline: true,
          silent: true,
          z: 2,
          data: legs.map((leg) => ({ ...leg, lineStyle: { color: MODE_COLOURS[tracking.departure.mode], width: 3, opacity: 0.9 } })),
        },
        {
          id: 'stops',
          type: 'scatter',
          coordinateSystem: 'geo',
          symbol: 'circle',
          symbolSize: 9,
          z: 3,
          itemStyle: { color: '#ffffff', borderColor: ROUTE_CASING, borderWidth: 2 },
          label: { show: true, position: 'right', formatter: '{b}', color: ROUTE_CASING, fontWeight: 600, textBorderColor: '#ffffff', textBorderWidth: 3 },
          data: placed.map((stop) => ({ name: stop.name, value: stop.at, tip: `<strong>${escapeHtml(stop.name)}</strong>` })),
        },
        ...(seenAt && position
          ? [
              {
                id: POSITION_SERIES,
                type: 'scatter',
                coordinateSystem: 'geo',
                symbol: 'circle',
                symbolSize: 18,
                z: 4,
                itemStyle: { color: POSITION_COLOUR, borderColor: '#ffffff', borderWidth: 3 },
                data: [{ name: seenAt.id, value: seenAt.at, tip: escapeHtml(t('trains.tracking.seenAt', { place: seenAt.name, kind: t(`trains.kind.${position.kind}`) })) }],
              },
            ]
          : []),
      ],
    };
  }, [stops, network, position, tracking.departure.mode, t]);

  // The drawn position, read back from the chart: the node the marker stands on.
  const onDrawn = useCallback((chart: Chart, element: HTMLDivElement) => {
    const series = (chart.getOption() as { series?: { id?: string; data?: { name?: string }[] }[] }).series ?? [];
    element.dataset.position = series.find((s) => s.id === POSITION_SERIES)?.data?.[0]?.name ?? '';
    element.dataset.stops = String(series.find((s) => s.id === 'stops')?.data?.length ?? 0);
  }, []);
  const container = useChart(option, { onDrawn, keepView: true });
  return <div ref={container} className="tracking-map" data-testid="tracking-map" role="img" aria-label={label} />;
}
