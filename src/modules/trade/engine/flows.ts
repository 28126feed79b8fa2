import type { Flow, FlowSelector, UsdCents } from '../model.ts';
import { computed, notComputable, type Computed } from './computed.ts';

/** The values one reporter gives for one partner, period and product, by flow. */
export type ValuesByFlow = Readonly<Partial<Record<Flow, UsdCents>>>;

const FLOW_OF: Readonly<Record<Exclude<FlowSelector, 'total'>, Flow>> = {
  export: 'X',
  import: 'M',
  're-export': 'RX',
  're-import': 'RM',
};

function exportsAndImports(values: ValuesByFlow): Computed<{ exports: UsdCents; imports: UsdCents }> {
  const { X: exports, M: imports } = values;
  if (exports !== undefined && imports !== undefined) return computed({ exports, imports });
  const missing = (['X', 'M'] as const).filter((flow) => values[flow] === undefined);
  return notComputable('no_data', missing);
}

/**
 * Exports plus imports. Re-exports and re-imports are not added: under the general trade system that Comtrade
 * follows they are already part of exports and imports, so adding them would count them twice.
 */
export function totalTrade(values: ValuesByFlow): Computed<UsdCents> {
  const flows = exportsAndImports(values);
  return flows.ok ? computed(flows.value.exports + flows.value.imports) : flows;
}

/** Exports minus imports: positive for a surplus. */
export function tradeBalance(values: ValuesByFlow): Computed<UsdCents> {
  const flows = exportsAndImports(values);
  return flows.ok ? computed(flows.value.exports - flows.value.imports) : flows;
}

/** The value a selector measures; a total needs both exports and imports, and says which is missing. */
export function selectFlow(values: ValuesByFlow, selector: FlowSelector): Computed<UsdCents> {
  if (selector === 'total') return totalTrade(values);
  const flow = FLOW_OF[selector];
  const value = values[flow];
  return value === undefined ? notComputable('no_data', [flow]) : computed(value);
}
