export * from './computed.ts';
export * from './ratio.ts';
export {
  centsFromDollars,
  decimalFromNumber,
  formatDecimal,
  parseDecimal,
  roundingOf,
  type ExactDecimal,
} from './decimal.ts';
export * from './periods.ts';
export * from './series.ts';
export * from './summary.ts';
export * from './flows.ts';
export * from './ranking.ts';
export * from './products.ts';
export * from './mirror.ts';
export * from './claim-query.ts';
export * from './claims.ts';
