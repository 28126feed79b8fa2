/** Why a figure cannot be computed from the data at hand. */
export type NotComputableReason = 'missing_current' | 'missing_base' | 'zero_base' | 'incomplete_period' | 'no_data';

/** `missing` names what was absent (months such as '2022-03', or flows) when that helps a reader fill the gap. */
export interface NotComputable {
  ok: false;
  reason: NotComputableReason;
  missing?: string[];
}

/** A figure, or the reason it cannot be computed: expected gaps in statistics are values, never NaN or exceptions. */
export type Computed<T> = { ok: true; value: T } | NotComputable;

export function computed<T>(value: T): Computed<T> {
  return { ok: true, value };
}

export function notComputable(reason: NotComputableReason, missing?: readonly string[]): NotComputable {
  if (missing === undefined || missing.length === 0) return { ok: false, reason };
  return { ok: false, reason, missing: [...missing] };
}
