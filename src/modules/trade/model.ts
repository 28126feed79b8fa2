/** Trade flows as official statistics report them. */

/** X export, M import, RX re-export, RM re-import (UN Comtrade flow codes). */
export const FLOWS = ['X', 'M', 'RX', 'RM'] as const;
export type Flow = (typeof FLOWS)[number];

/** What a figure measures: one reported flow, or total trade = exports + imports. */
export type FlowSelector = 'export' | 'import' | 're-export' | 're-import' | 'total';

/** 'TOTAL' for all products, or an HS chapter (2 digits), heading (4) or subheading (6). */
export type ProductCode = string;
export type ProductLevel = 0 | 2 | 4 | 6;

/**
 * US dollars as an exact integer number of cents. Official values are whole dollars (Comtrade) or thousands of
 * dollars with three decimals (BACI), so cents hold every one exactly, and sums never drift.
 */
export type UsdCents = bigint;

/** One row of a trade statistics file, normalised whatever its format. */
export interface TradeRecord {
  year: number;
  /** 1–12 for monthly data, 0 for annual. */
  month: number;
  /** ISO 3166-1 alpha-3 where one exists, otherwise the source's own area code (e.g. 'WLD' for the world). */
  reporter: string;
  partner: string;
  flow: Flow;
  product: ProductCode;
  value: UsdCents;
  netWeightKg: number | null;
  quantity: number | null;
}

export function productLevel(product: ProductCode): ProductLevel {
  return product === 'TOTAL' ? 0 : (product.length as ProductLevel);
}
