import type { Locale } from '../i18n/locales.ts';

export const STATUSES = ['member', 'accession_in_progress', 'observer', 'dialogue_partner', 'partner'] as const;
export type Status = (typeof STATUSES)[number];

export const ROLES = ['admin', 'member', 'provider'] as const;
export type Role = (typeof ROLES)[number];

export const ORGANISATION_KINDS = ['enterprise', 'agency', 'logistics', 'legal', 'financial'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/** Members are traders or agencies; providers offer logistics, legal or financial services. */
export const KINDS_BY_ROLE = {
  member: ['enterprise', 'agency'],
  provider: ['logistics', 'legal', 'financial'],
} as const satisfies Record<'member' | 'provider', readonly OrganisationKind[]>;

export interface Organisation {
  id: string;
  name: string;
  kind: OrganisationKind;
  country: string | null;
}

export interface User {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  locale: Locale | null;
  organisation: Organisation | null;
}

export interface SessionResponse {
  user: User | null;
  csrfToken: string | null;
}

export type DatePrecision = 'day' | 'year' | 'unknown';

export interface StatusEntry {
  id: string;
  status: Status;
  since: string | null;
  sincePrecision: DatePrecision;
  event: string;
  source: string;
}

export interface State {
  iso3: string;
  iso2: string;
  m49: string;
  name: string;
  names: Record<Locale, string>;
  status: Status | null;
  statusSince: string | null;
  history: StatusEntry[];
}

export const QUALIFIERS = ['exact', 'about', 'over'] as const;
export type Qualifier = (typeof QUALIFIERS)[number];

export interface Indicator {
  id: string;
  key: string;
  subject: string;
  metric: string;
  reporter: string | null;
  partner: string | null;
  period: string;
  value: string;
  unit: string;
  qualifier: Qualifier;
  basePeriod: string | null;
  source: string;
  quote: string;
}

export type NewIndicator = Omit<Indicator, 'id'>;

export interface Overview {
  asOf: string;
  founded: { date: string; source: string } | null;
  counts: Partial<Record<Status, number>>;
  headline: Indicator[];
}

export interface StatesResponse {
  asOf: string;
  states: State[];
}

export interface Health {
  status: 'ok';
  database: 'pglite' | 'postgresql';
  migration: string;
  version: string;
}

/** Metrics and units the catalogues translate; a figure with another metric or unit shows its code. */
export const METRICS = [
  'trade_value',
  'trade_growth_yoy',
  'trade_multiple_vs_base',
  'trading_partner_rank',
  'area',
  'area_share',
  'population',
  'population_share',
  'gdp',
  'gdp_share',
  'member_states',
  'economic_corridors',
  'trains_run',
  'trains_growth_yoy',
  'train_destination_countries',
  'centres',
  'trainees',
  'alliance_organisations',
  'special_loan',
  'anniversary',
] as const;
export type Metric = (typeof METRICS)[number];

export const UNITS = ['USD', 'CNY', 'percent', 'times', 'rank', 'km2', 'persons', 'person_times', 'count', 'trains', 'countries', 'organisations', 'years'] as const;
export type Unit = (typeof UNITS)[number];

/** Group codes used as reporter or partner besides ISO alpha-3 codes. */
export const GROUPS = ['SCO_MEMBERS', 'SCO_MEMBERS_OTHER'] as const;
export type Group = (typeof GROUPS)[number];

export function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (values as readonly string[]).includes(value);
}
