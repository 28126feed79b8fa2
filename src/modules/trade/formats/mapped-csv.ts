import { Columns, RowError, field, readArea, readFlow, readMeasure, readMonth, readProduct, readValue, readYear, type RowMapper } from './row.ts';

/** Which column of a user's CSV holds each field; `value` is in units of 10^valueScale dollars. */
export interface ColumnMapping {
  year: string;
  month?: string | undefined;
  reporter: string;
  partner: string;
  flow: string;
  product?: string | undefined;
  value: string;
  valueScale?: number | undefined;
  netWeightKg?: string | undefined;
  quantity?: string | undefined;
}

export const MAPPING_FIELDS = ['year', 'month', 'reporter', 'partner', 'flow', 'product', 'value', 'valueScale', 'netWeightKg', 'quantity'] as const;

/** Parses `year=Year,reporter=Reporter,…` as given on the command line. */
export function parseColumnMapping(text: string): ColumnMapping {
  const entries = new Map<string, string>();
  for (const pair of text.split(',')) {
    const [key = '', ...rest] = pair.split('=');
    const name = key.trim();
    if (!(MAPPING_FIELDS as readonly string[]).includes(name)) throw new RowError(name, 'UNKNOWN_MAPPING_FIELD', { expected: MAPPING_FIELDS.join(', ') });
    entries.set(name, rest.join('=').trim());
  }
  for (const required of ['year', 'reporter', 'partner', 'flow', 'value']) {
    if (!entries.get(required)) throw new RowError(required, 'MAPPING_FIELD_REQUIRED');
  }
  const scale = entries.get('valueScale');
  if (scale !== undefined && !/^\d$/.test(scale)) throw new RowError('valueScale', 'VALUE_SCALE_OUT_OF_RANGE');
  return {
    year: entries.get('year')!,
    month: entries.get('month'),
    reporter: entries.get('reporter')!,
    partner: entries.get('partner')!,
    flow: entries.get('flow')!,
    product: entries.get('product'),
    value: entries.get('value')!,
    valueScale: scale === undefined ? 0 : Number(scale),
    netWeightKg: entries.get('netWeightKg'),
    quantity: entries.get('quantity'),
  };
}

/** A plain CSV with the user's column mapping; countries as ISO alpha-3 or M49 numeric, flows as words or codes. */
export function mappedCsvMapper(header: readonly string[], mapping: ColumnMapping): RowMapper {
  const c = new Columns(header);
  const year = c.require(mapping.year);
  const month = mapping.month ? c.require(mapping.month) : undefined;
  const reporter = c.require(mapping.reporter);
  const partner = c.require(mapping.partner);
  const flow = c.require(mapping.flow);
  const product = mapping.product ? c.require(mapping.product) : undefined;
  const value = c.require(mapping.value);
  const netWeight = mapping.netWeightKg ? c.require(mapping.netWeightKg) : undefined;
  const quantity = mapping.quantity ? c.require(mapping.quantity) : undefined;
  return (fields) => {
    const flowText = field(fields, flow);
    const parsedFlow = readFlow(flowText);
    if (!parsedFlow) throw new RowError(mapping.flow, 'NOT_A_FLOW', { value: flowText });
    const monthText = field(fields, month);
    return [
      {
        year: readYear(field(fields, year), mapping.year),
        month: monthText === '' || monthText === '0' ? 0 : readMonth(monthText, mapping.month!),
        reporter: readArea(field(fields, reporter), mapping.reporter, 'any'),
        partner: readArea(field(fields, partner), mapping.partner, 'any'),
        flow: parsedFlow,
        product: product === undefined ? 'TOTAL' : readProduct(field(fields, product), mapping.product!),
        value: readValue(field(fields, value), mapping.value, mapping.valueScale ?? 0),
        netWeightKg: readMeasure(field(fields, netWeight), mapping.netWeightKg ?? ''),
        quantity: readMeasure(field(fields, quantity), mapping.quantity ?? ''),
      },
    ];
  };
}
