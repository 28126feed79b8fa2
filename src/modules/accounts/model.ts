import type { Locale } from '../../i18n/locale.ts';

export const ROLES = ['admin', 'member', 'provider'] as const;
export type Role = (typeof ROLES)[number];

export const ORGANISATION_KINDS = ['enterprise', 'agency', 'logistics', 'legal', 'financial'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/** Which organisations each role may belong to: members are traders or agencies, providers offer services. */
export const KINDS_BY_ROLE: Record<Exclude<Role, 'admin'>, readonly OrganisationKind[]> = {
  member: ['enterprise', 'agency'],
  provider: ['logistics', 'legal', 'financial'],
};

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
