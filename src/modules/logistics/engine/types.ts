/**
 * The route planner's contract: the network it plans on, the departures of scheduled services, the query and the
 * answer. Plain data, no HTTP or database: the store maps rows to these types and the routes map the answer to JSON.
 * Times are whole minutes since the Unix epoch (UTC), durations whole minutes, money US dollars, CO2 kilograms.
 */

export const MODES = ['rail', 'road', 'sea', 'inland_water'] as const;
export type Mode = (typeof MODES)[number];

export const NODE_KINDS = ['city', 'rail_terminal', 'border_crossing', 'seaport', 'dry_port', 'multimodal_hub'] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

export const LINK_STATUSES = ['open', 'under_construction', 'closed'] as const;
export type LinkStatus = (typeof LINK_STATUSES)[number];

export const CONTAINER_SIZES = [20, 40] as const;
export type ContainerSize = (typeof CONTAINER_SIZES)[number];

/** An amount per container, by container size (feet). */
export type PerContainer = Record<ContainerSize, number>;

/** Time and money spent on a container at a node for one kind of handling. */
export interface Handling {
  minutes: number;
  usd: PerContainer;
}

export interface NetworkNode {
  /** Stable id, e.g. `CN-ALASHANKOU`. */
  id: string;
  name: string;
  kind: NodeKind;
  /** ISO 3166 alpha-3. */
  country: string;
  lat: number;
  lon: number;
  /** UN/LOCODE where one exists, e.g. `CNALK`. */
  locode?: string | undefined;
  /** Moving a container between two vehicles here: between modes, or between two trains of different services. */
  transshipment: Handling;
  /** Customs and border formalities, taken when a route crosses a border on a link leaving or entering this node. */
  customs?: Handling | undefined;
  /** Moving a container between 1,435 mm and 1,520 mm trains (or changing bogies) here. */
  gaugeChange?: Handling | undefined;
}

export interface NetworkLink {
  id: string;
  from: string;
  to: string;
  /** Links are used in both directions unless `oneWay`. */
  oneWay?: boolean | undefined;
  mode: Mode;
  /** Track gauge in millimetres, for rail links (1435, 1520, or a link carrying both, as on the Tongjiang bridge). */
  gauge?: number | readonly number[] | undefined;
  distanceKm: number;
  /** The distance is an estimate (great-circle distance times a detour factor), not a published figure. */
  distanceEstimated?: boolean | undefined;
  /** Typical time on the link, in minutes, door of one node to door of the other. */
  minutes: number;
  /** Price of carrying one container over the link (unscheduled links; scheduled services price their departures). */
  usd: PerContainer;
  /** Grams of CO2 per tonne-kilometre; the mode's default when absent. */
  co2GramsPerTonneKm?: number | undefined;
  status: LinkStatus;
  /** Ids of the corridors the link belongs to. */
  corridors: readonly string[];
  /** Crosses a border: its two nodes are in different countries. Derived by the engine if absent. */
  crossesBorder?: boolean | undefined;
  /** The link is run only by scheduled services: it can be used only by riding one of their departures. */
  scheduledOnly?: boolean | undefined;
  /** [lon, lat] points from `from` to `to`; a straight line when absent. */
  geometry?: readonly (readonly [number, number])[] | undefined;
}

export interface Corridor {
  id: string;
  name: string;
  kind: 'economic_corridor' | 'railway_express' | 'road' | 'bridge' | 'sea_route';
}

export interface Network {
  nodes: readonly NetworkNode[];
  links: readonly NetworkLink[];
  corridors: readonly Corridor[];
}

/** A stop of a departure: the node, and when the train or ship arrives and leaves (absent at the ends). */
export interface DepartureStop {
  node: string;
  arriveAt?: number | undefined;
  departAt?: number | undefined;
}

/**
 * One run of a scheduled service (a train or a sailing) with the capacity still free on it. A container boards at
 * one stop and leaves at a later one; the run's links are the network's links between consecutive stops.
 */
export interface Departure {
  id: string;
  serviceId: string;
  serviceName: string;
  mode: Mode;
  stops: readonly DepartureStop[];
  /** Twenty-foot equivalent units still free on this run: a 20' container takes 1, a 40' takes 2. */
  teuLeft: number;
  /** Price per container for the whole run; a part of the run costs its share of the distance. */
  usd: PerContainer;
  /** No boarding later than this many minutes before the departure from the boarding stop. */
  cutoffMinutes: number;
  /** Container sizes the run takes; both when absent. */
  sizes?: readonly ContainerSize[] | undefined;
}

export interface ContainerCount {
  size: ContainerSize;
  count: number;
}

export const CRITERIA = ['minutes', 'usd', 'co2Kg', 'transshipments'] as const;
export type Criterion = (typeof CRITERIA)[number];

export interface RouteQuery {
  from: string;
  to: string;
  containers: readonly ContainerCount[];
  /** Gross cargo weight in tonnes, for CO2; absent: 10 t per 20' and 20 t per 40' container. */
  cargoTonnes?: number | undefined;
  departAfter: number;
  /** Modes allowed; all when absent. */
  modes?: readonly Mode[] | undefined;
  /** Countries not to enter (ISO 3166 alpha-3); origin and destination countries may not be avoided. */
  avoidCountries?: readonly string[] | undefined;
  /** Nodes not to pass, e.g. a border crossing. */
  avoidNodes?: readonly string[] | undefined;
  maxBorderCrossings?: number | undefined;
  maxTransshipments?: number | undefined;
  /** Links under construction are used only when this is true; closed links never. */
  allowUnderConstruction?: boolean | undefined;
  /**
   * Share by which cost and CO2 must differ for two routes to be distinct options, e.g. 0.02: a partial route is
   * dropped when another reaches the same place in the same vehicle state no later, with no more transshipments, and
   * costs and emits at most 2 % more. It applies at each step, so a route left out is matched by one within
   * (1 + tolerance) per move. 0 or absent: the exact Pareto set. Arrival time is never relaxed, so every departure a
   * route catches stays caught and the earliest arrival is always found.
   */
  tolerance?: number | undefined;
}

/** Where a route's time, money or CO2 goes. */
export interface Breakdown {
  moving: number;
  waiting: number;
  transshipment: number;
  customs: number;
  gaugeChange: number;
}

export interface RouteLeg {
  from: string;
  to: string;
  mode: Mode;
  /** Network links the leg runs over, in order. */
  links: readonly string[];
  /** Set when the leg rides a scheduled departure. */
  departureId?: string | undefined;
  serviceName?: string | undefined;
  /** When the leg leaves its start node, handling there (and any wait for a departure) done. */
  departAt: number;
  /** When the leg is done at its end node, customs on entering its country included. */
  arriveAt: number;
  distanceKm: number;
  /** Price of the moving: the links, or the leg's share of the departure's price. */
  usd: number;
  co2Kg: number;
  gauge?: number | undefined;
  /**
   * Handling at the leg's start node before it departs: minutes of transshipment and of gauge change (at most one of
   * them is not 0), and its price for the shipment.
   */
  handlingBefore: { transshipment: number; gaugeChange: number; usd: number };
  /**
   * Customs at the borders the leg crosses, summed over them, each taken on entering the country beyond. On links
   * the minutes fall between `departAt` and `arriveAt`; on a departure they are part of its timetable, so 0 here.
   */
  customs: { minutes: number; usd: number };
}

export type RouteMark = 'fastest' | 'cheapest' | 'greenest' | 'fewest_transshipments';

export interface PlannedRoute {
  legs: readonly RouteLeg[];
  departAt: number;
  arriveAt: number;
  minutes: number;
  usd: number;
  co2Kg: number;
  transshipments: number;
  borderCrossings: number;
  gaugeChanges: number;
  distanceKm: number;
  marks: readonly RouteMark[];
  breakdown: { minutes: Breakdown; usd: Breakdown; co2Kg: Pick<Breakdown, 'moving' | 'transshipment'> };
}

/** The constraint that, lifted alone, would let a route through. */
export type CuttingConstraint = 'modes' | 'avoidCountries' | 'avoidNodes' | 'maxBorderCrossings' | 'maxTransshipments' | 'allowUnderConstruction' | 'capacity';

export type RouteAnswer =
  | { found: true; routes: readonly PlannedRoute[] }
  /** `cutBy` empty: the two nodes are not connected by open links at all, whatever the constraints. */
  | { found: false; cutBy: readonly CuttingConstraint[] };

/** How much work one query may take before the planner gives up on it, so that no query holds a server for long. */
export interface SearchLimits {
  /** Labels (partial routes) a query may create, over all the searches it runs. */
  maxLabels?: number | undefined;
  /** A `performance.now()` time after which the query stops. */
  deadline?: number | undefined;
}
