import type { Static } from 'typebox';
import type { Locale } from '../i18n/locales.ts';
import type { OrganisationSchema, RegisterBody, SessionResponse as SessionResponseSchema, UserSchema } from '../../../src/modules/accounts/schemas.ts';
import type { IndicatorSchema, NewIndicatorBody, OverviewSchema, StateSchema, StatusEntrySchema } from '../../../src/modules/org/schemas.ts';

// The API's types are those of the server's schemas; imported as types only, so no server code reaches the bundle.
export type Organisation = Static<typeof OrganisationSchema>;
/** The server's LocaleSchema is a union over `LOCALES.map(…)`, whose static type has lost the locale names; the web's Locale stands in. */
export type User = Omit<Static<typeof UserSchema>, 'locale'> & { locale: Locale | null };
export type SessionResponse = Omit<Static<typeof SessionResponseSchema>, 'user'> & { user: User | null };
export type StatusEntry = Static<typeof StatusEntrySchema>;
export type State = Static<typeof StateSchema, { StatusEntry: typeof StatusEntrySchema }>;
export type Indicator = Static<typeof IndicatorSchema>;
export type NewIndicator = Static<typeof NewIndicatorBody>;
export type Overview = Static<typeof OverviewSchema, { Indicator: typeof IndicatorSchema }>;

export type Role = User['role'];
export type OrganisationKind = Organisation['kind'];
export type Status = StatusEntry['status'];
export type DatePrecision = StatusEntry['sincePrecision'];
export type Qualifier = Indicator['qualifier'];

/** The server declares this response inline in its route, so it is composed here from the state it lists. */
export interface StatesResponse {
  asOf: string;
  states: State[];
}

/** The values of a server union in the order the web shows them; compiles only while it lists every one. */
export const everyOf =
  <Union extends string | number>() =>
  <const Values extends readonly Union[]>(values: Values & ([Union] extends [Values[number]] ? unknown : { missing: Exclude<Union, Values[number]> })): Values =>
    values;

export const STATUSES = everyOf<Status>()(['member', 'accession_in_progress', 'observer', 'dialogue_partner', 'partner']);

export const QUALIFIERS = everyOf<Qualifier>()(['exact', 'about', 'over']);

/** Members are traders or agencies; providers offer logistics, legal or financial services. */
export const KINDS_BY_ROLE = {
  member: ['enterprise', 'agency'],
  provider: ['logistics', 'legal', 'financial'],
} as const satisfies Record<Static<typeof RegisterBody>['role'], readonly OrganisationKind[]>;

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
