import type { UsdCents } from '../model.ts';

/** Orders [code, value] entries by value, largest first, and equal values by code so the order is stable. */
export function largestFirst([codeA, a]: readonly [string, UsdCents], [codeB, b]: readonly [string, UsdCents]): number {
  if (a !== b) return a > b ? -1 : 1;
  return codeA < codeB ? -1 : codeA > codeB ? 1 : 0;
}
