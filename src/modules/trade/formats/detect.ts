export const TRADE_FORMATS = ['comtrade', 'baci', 'csv'] as const;
export type TradeFormat = (typeof TRADE_FORMATS)[number];

/** The concrete layout behind a format name: Comtrade has two. */
export type Layout = 'comtrade-legacy' | 'comtrade-current' | 'baci' | 'csv';

/** Recognises a file's layout from its header; undefined when only a column mapping can tell. */
export function detectLayout(header: readonly string[]): Layout | undefined {
  const names = new Set(header.map((h) => h.trim().replace(/^\uFEFF/, '')));
  if (names.has('Trade Flow Code') && names.has('Reporter Code') && names.has('Trade Value (US$)')) return 'comtrade-legacy';
  if (names.has('refYear') && names.has('reporterCode') && names.has('flowCode') && names.has('primaryValue')) return 'comtrade-current';
  if (['t', 'i', 'j', 'k', 'v'].every((n) => names.has(n))) return 'baci';
  return undefined;
}

export function layoutMatchesFormat(layout: Layout, format: TradeFormat): boolean {
  return format === 'csv' ? layout === 'csv' : layout.startsWith(format);
}
