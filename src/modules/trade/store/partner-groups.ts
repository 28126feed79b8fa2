import type { Queryable } from '../../../db/database.ts';
import { DomainError } from '../../../errors/domain-error.ts';
import type { Status } from '../../org/model.ts';
import { listStates } from '../../org/states.ts';
import { statusAsOf } from '../../org/status-history.ts';
import { WORLD } from '../formats/areas.ts';

/** Partner groups drawn from the organisation registry, by the status their members hold. */
export const STATUS_GROUPS: Record<string, readonly Status[]> = {
  SCO: ['member'],
  SCO_MEMBERS: ['member'],
  SCO_MEMBERS_OTHER: ['member'],
  SCO_OBSERVERS: ['observer'],
  SCO_DIALOGUE_PARTNERS: ['dialogue_partner'],
  SCO_PARTNERS: ['partner'],
  SCO_FAMILY: ['member', 'accession_in_progress', 'observer', 'dialogue_partner', 'partner'],
};

export interface PartnerGroup {
  /** What the caller asked for: a group code, an ISO code, or a comma-separated list. */
  code: string;
  /** The partners it stands for on `asOf`, never including the reporter itself. */
  members: string[];
  asOf: string;
}

/**
 * Resolves `partners` as of a date: SCO status groups use the status each state held on that date, so a figure
 * for 2021 counts the eight members of 2021, not today's ten. The reporter never counts as its own partner.
 */
export async function resolvePartnerGroup(db: Queryable, code: string, reporter: string, asOf: string): Promise<PartnerGroup> {
  const upper = code.trim().toUpperCase();
  let members: string[];
  const statuses = STATUS_GROUPS[upper];
  if (statuses) {
    const states = await listStates(db, { asOf });
    members = states.filter((s) => (statuses as readonly (Status | null)[]).includes(statusAsOf(s.history, asOf))).map((s) => s.iso3);
  } else if (upper === WORLD) {
    members = [WORLD];
  } else {
    const [custom] = await db.query<{ members: string[] }>('SELECT members FROM trade_groups WHERE code = $1', [upper]);
    if (custom) members = custom.members;
    else if (/^[A-Z0-9]{3}(,[A-Z0-9]{3})*$/.test(upper)) members = upper.split(',');
    else throw new DomainError('UNKNOWN_PARTNER_GROUP', { partners: code });
  }
  return { code: upper, members: members.filter((m) => m !== reporter).sort(), asOf };
}
