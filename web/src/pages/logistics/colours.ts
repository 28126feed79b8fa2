import type { LinkStatus, Mode, NodeKind } from '../../api/logistics.ts';

/** Okabe–Ito colours, distinguishable with the common forms of colour blindness. */
export const MODE_COLOURS: Record<Mode, string> = {
  rail: '#0072B2',
  road: '#E69F00',
  sea: '#009E73',
  inland_water: '#56B4E9',
};

/** How a link's status changes its line: dashed while under construction, faint once closed. */
export const STATUS_LINES: Record<LinkStatus, { type: 'solid' | 'dashed'; opacity: number }> = {
  open: { type: 'solid', opacity: 0.85 },
  under_construction: { type: 'dashed', opacity: 0.85 },
  closed: { type: 'solid', opacity: 0.22 },
};

/** The map tells four groups of places apart by shape and colour; the tooltip names the exact kind. */
export const NODE_GROUPS = ['city', 'hub', 'border_crossing', 'seaport'] as const;
export type NodeGroup = (typeof NODE_GROUPS)[number];

export const NODE_GROUP_OF: Record<NodeKind, NodeGroup> = {
  city: 'city',
  rail_terminal: 'hub',
  dry_port: 'hub',
  multimodal_hub: 'hub',
  border_crossing: 'border_crossing',
  seaport: 'seaport',
};

export const NODE_STYLES: Record<NodeGroup, { symbol: 'circle' | 'rect' | 'diamond' | 'triangle'; size: number; colour: string }> = {
  city: { symbol: 'circle', size: 6, colour: '#4a5666' },
  hub: { symbol: 'rect', size: 7, colour: '#1b2430' },
  border_crossing: { symbol: 'diamond', size: 10, colour: '#CC79A7' },
  seaport: { symbol: 'triangle', size: 9, colour: '#005a8c' },
};

export const HIGHLIGHT_COLOUR = '#f0b400';
export const ROUTE_CASING = '#1b2430';
