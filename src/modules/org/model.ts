import type { LocalisedNames } from './countries.ts';

export const STATUSES = ['member', 'accession_in_progress', 'observer', 'dialogue_partner', 'partner'] as const;
export type Status = (typeof STATUSES)[number];

export type DatePrecision = 'day' | 'year' | 'unknown';

export interface StatusEntry {
  id: string;
  status: Status;
  /** 'YYYY-MM-DD'; for a year-only source, 1 January of that year; null when no source dates it. */
  since: string | null;
  sincePrecision: DatePrecision;
  event: string;
  source: string;
}

export interface State {
  iso3: string;
  iso2: string;
  m49: string;
  names: LocalisedNames;
  /** Oldest first; entries without a date come before dated ones. */
  history: StatusEntry[];
}

export const QUALIFIERS = ['exact', 'about', 'over'] as const;
export type Qualifier = (typeof QUALIFIERS)[number];

/** A figure as published by a source, with the words that state it. */
export interface Indicator {
  id: string;
  key: string;
  subject: string;
  metric: string;
  reporter: string | null;
  partner: string | null;
  period: string;
  /** Exact decimal as text: figures are compared, never rounded through floating point. */
  value: string;
  unit: string;
  qualifier: Qualifier;
  basePeriod: string | null;
  source: string;
  quote: string;
}
