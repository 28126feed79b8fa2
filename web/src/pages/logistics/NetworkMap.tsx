import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { LinkFeature, NodeFeature, PlannedRoute } from '../../api/logistics.ts';
import { WORLD_MAP, escapeHtml, registerWorld, useChart, type Chart, type ChartClick, type ChartOption } from '../trade/useChart.ts';
import { HIGHLIGHT_COLOUR, MODE_COLOURS, NODE_GROUPS, NODE_GROUP_OF, NODE_STYLES, ROUTE_CASING, STATUS_LINES } from './colours.ts';
import { useLogisticsText } from './useLogisticsText.ts';

/** The series that draws the chosen route, one line per leg. */
export const ROUTE_SERIES = 'chosen-route';
/** The series that highlights the links of the corridor pointed at. */
const CORRIDOR_SERIES = 'corridor';

/** The SCO region when the network is empty: from the Caspian and the Gulf to the Pacific. */
const REGION: [[number, number], [number, number]] = [
  [25, 60],
  [145, 5],
];

/** The rectangle around every node, with a margin, for the map to frame. */
function extentOf(nodes: readonly NodeFeature[]): [[number, number], [number, number]] {
  if (nodes.length === 0) return REGION;
  let west = Infinity;
  let east = -Infinity;
  let south = Infinity;
  let north = -Infinity;
  for (const node of nodes) {
    const [lon = 0, lat = 0] = node.geometry.coordinates;
    west = Math.min(west, lon);
    east = Math.max(east, lon);
    south = Math.min(south, lat);
    north = Math.max(north, lat);
  }
  const marginLon = Math.max(2, (east - west) * 0.04);
  const marginLat = Math.max(2, (north - south) * 0.06);
  return [
    [west - marginLon, Math.min(85, north + marginLat)],
    [east + marginLon, Math.max(-60, south - marginLat)],
  ];
}

interface Props {
  nodes: readonly NodeFeature[];
  links: readonly LinkFeature[];
  /** Links to stand out, e.g. those of the corridor the reader points at. */
  highlighted: ReadonlySet<string>;
  route: PlannedRoute | null;
  label: string;
  /** Called with the node or link clicked on the map; without it the map only shows. */
  onPick?: ((pick: NetworkPick) => void) | undefined;
}

/** A node or a link chosen on the map. */
export interface NetworkPick {
  kind: 'node' | 'link';
  id: string;
}

interface Tip {
  tip: string;
}

/** The network on the offline world map: links coloured by mode, places by kind, and the chosen route drawn over them. */
export function NetworkMap({ nodes, links, highlighted, route, label, onPick }: Props) {
  const { t } = useTranslation();
  const text = useLogisticsText();
  const bounds = useMemo(() => extentOf(nodes), [nodes]);
  const names = useMemo(() => new Map(nodes.map((n) => [n.properties.id, n.properties.name])), [nodes]);

  // Tooltips and places change with the network and the language, not as the pointer highlights a corridor.
  const linkTips = useMemo(() => {
    const tipOf = (link: LinkFeature) => {
      const p = link.properties;
      const gauge = p.gauge === null ? null : Array.isArray(p.gauge) ? p.gauge.join(' / ') : String(p.gauge);
      const lines = [
        `<strong>${escapeHtml(`${names.get(p.from) ?? p.from} — ${names.get(p.to) ?? p.to}`)}</strong>`,
        escapeHtml([t(`logistics.mode.${p.mode}`), gauge && t('logistics.gauge', { gauge }), t(`logistics.status.${p.status}`)].filter(Boolean).join(' · ')),
        escapeHtml(`${text.km(p.distanceKm)} · ${text.duration(p.minutes / 60)} · ${t('logistics.map.price', { usd20: text.usd(p.usd20), usd40: text.usd(p.usd40) })}`),
      ];
      return lines.join('<br/>');
    };
    return new Map(links.map((link) => [link.properties.id, tipOf(link)]));
  }, [links, names, t, text]);
  const nodeSeries = useMemo(() => {
    return NODE_GROUPS.map((group) => {
      const style = NODE_STYLES[group];
      return {
        id: `nodes-${group}`,
        type: 'scatter',
        coordinateSystem: 'geo',
        symbol: style.symbol,
        symbolSize: style.size,
        z: 7,
        itemStyle: { color: style.colour, borderColor: '#ffffff', borderWidth: 1 },
        data: nodes
          .filter((node) => NODE_GROUP_OF[node.properties.kind] === group)
          .map((node) => {
            const p = node.properties;
            const detail = [t(`logistics.kind.${p.kind}`), p.country, p.locode].filter(Boolean).join(' · ');
            return { name: p.id, value: node.geometry.coordinates, tip: `<strong>${escapeHtml(p.name)}</strong><br/>${escapeHtml(detail)}` };
          }),
      };
    });
  }, [nodes, t]);

  const option = useMemo<ChartOption>(() => {
    registerWorld();
    const dim = route !== null || highlighted.size > 0;
    const linkTip = (link: LinkFeature) => linkTips.get(link.properties.id) ?? '';
    const linkSeries = links.length === 0 ? [] : [
      {
        id: 'links',
        type: 'lines',
        coordinateSystem: 'geo',
        polyline: true,
        silent: false,
        z: 2,
        data: links.map((link) => {
          const style = STATUS_LINES[link.properties.status];
          return {
            name: link.properties.id,
            coords: link.geometry.coordinates,
            tip: linkTip(link),
            lineStyle: {
              color: MODE_COLOURS[link.properties.mode],
              type: style.type,
              width: 1.6,
              opacity: dim && !highlighted.has(link.properties.id) ? style.opacity * 0.45 : style.opacity,
            },
          };
        }),
      },
    ];
    const highlight = links.filter((link) => highlighted.has(link.properties.id));
    const highlightSeries =
      highlight.length === 0
        ? []
        : [
            {
              id: CORRIDOR_SERIES,
              type: 'lines',
              coordinateSystem: 'geo',
              polyline: true,
              z: 3,
              data: highlight.map((link) => ({
                name: link.properties.id,
                coords: link.geometry.coordinates,
                tip: linkTip(link),
                lineStyle: { color: HIGHLIGHT_COLOUR, width: 5, opacity: 0.9, type: 'solid' },
              })),
            },
            {
              id: 'corridor-core',
              type: 'lines',
              coordinateSystem: 'geo',
              polyline: true,
              z: 4,
              silent: true,
              data: highlight.map((link) => ({
                coords: link.geometry.coordinates,
                lineStyle: { color: MODE_COLOURS[link.properties.mode], width: 2, opacity: 1, type: STATUS_LINES[link.properties.status].type },
              })),
            },
          ];
    const routeSeries =
      route === null
        ? []
        : [
            {
              id: 'chosen-route-casing',
              type: 'lines',
              coordinateSystem: 'geo',
              polyline: true,
              silent: true,
              z: 5,
              data: route.legs.map((leg) => ({ coords: leg.geometry, lineStyle: { color: ROUTE_CASING, width: 7, opacity: 0.9 } })),
            },
            {
              id: ROUTE_SERIES,
              type: 'lines',
              coordinateSystem: 'geo',
              polyline: true,
              z: 6,
              data: route.legs.map((leg) => ({
                coords: leg.geometry,
                tip: `<strong>${escapeHtml(`${leg.from.name} → ${leg.to.name}`)}</strong><br/>${escapeHtml(`${t(`logistics.mode.${leg.mode}`)} · ${text.km(leg.distanceKm)} · ${text.usd(leg.usd)}`)}`,
                lineStyle: { color: MODE_COLOURS[leg.mode], width: 4, opacity: 1 },
              })),
            },
          ];
    const stops = route === null ? [] : [route.legs[0]?.from, ...route.legs.map((leg) => leg.to)].filter((stop) => stop !== undefined);
    const coordinates = new Map(nodes.map((n) => [n.properties.id, n.geometry.coordinates]));
    const ends = stops.filter((_, i) => i === 0 || i === stops.length - 1);
    const stopSeries =
      route === null
        ? []
        : [
            {
              id: 'chosen-route-stops',
              type: 'scatter',
              coordinateSystem: 'geo',
              symbol: 'circle',
              symbolSize: 9,
              z: 8,
              itemStyle: { color: '#ffffff', borderColor: ROUTE_CASING, borderWidth: 2 },
              label: { show: true, position: 'right', formatter: '{b}', color: ROUTE_CASING, fontWeight: 600, textBorderColor: '#ffffff', textBorderWidth: 3 },
              data: ends.flatMap((stop) => {
                const at = coordinates.get(stop.id);
                return at ? [{ name: stop.name, value: at, tip: `<strong>${escapeHtml(stop.name)}</strong>` }] : [];
              }),
            },
          ];

    return {
      tooltip: {
        trigger: 'item',
        formatter: (params: { data?: Partial<Tip> }) => params.data?.tip ?? '',
      },
      geo: {
        map: WORLD_MAP,
        roam: true,
        boundingCoords: bounds,
        scaleLimit: { min: 0.8, max: 12 },
        silent: true,
        itemStyle: { areaColor: '#dfe3e8', borderColor: '#ffffff', borderWidth: 0.6 },
        emphasis: { disabled: true },
      },
      series: [...linkSeries, ...highlightSeries, ...routeSeries, ...nodeSeries, ...stopSeries],
    };
  }, [nodes, links, highlighted, route, bounds, t, text, linkTips, nodeSeries]);

  // The chart's own option, read back once drawn: how many links the map holds, and how many stand out.
  const onDrawn = useCallback((chart: Chart, element: HTMLDivElement) => {
    const series = (chart.getOption() as { series?: { id?: string; data?: unknown[] }[] }).series ?? [];
    const linksDrawn = series.find((s) => s.id === 'links');
    const corridorDrawn = series.find((s) => s.id === CORRIDOR_SERIES);
    element.dataset.links = String(linksDrawn?.data?.length ?? 0);
    element.dataset.highlightedLinks = String(corridorDrawn?.data?.length ?? 0);
  }, []);
  // Links and places carry their id as the name of their data item.
  const onClick = useCallback(
    ({ seriesId, name }: ChartClick) => {
      if (!onPick || seriesId === undefined || !name) return;
      if (seriesId === 'links' || seriesId === CORRIDOR_SERIES) onPick({ kind: 'link', id: name });
      else if (NODE_GROUPS.some((group) => seriesId === `nodes-${group}`)) onPick({ kind: 'node', id: name });
    },
    [onPick],
  );
  const container = useChart(option, { onDrawn, onClick, keepView: true });

  return <div ref={container} className="network-map" data-testid="logistics-map" role="img" aria-label={label} />;
}
