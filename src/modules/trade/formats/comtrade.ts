import type { Flow } from '../model.ts';
import { Columns, RowError, field, readArea, readFlow, readMeasure, readMonth, readProduct, readValue, readYear, type RowMapper } from './row.ts';

const isTotalBreakdown = (text: string, totals: readonly string[]) => text === '' || totals.includes(text);

/** UN Comtrade bulk CSV, legacy layout ("Trade Flow Code", "Reporter Code", "Trade Value (US$)" …). */
export function comtradeLegacyMapper(header: readonly string[]): RowMapper {
  const c = new Columns(header);
  const year = c.require('Year');
  const period = c.require('Period');
  const flowCode = c.require('Trade Flow Code');
  const reporterCode = c.require('Reporter Code');
  const reporterIso = c.optional('Reporter ISO');
  const partnerCode = c.require('Partner Code');
  const partnerIso = c.optional('Partner ISO');
  const commodity = c.require('Commodity Code');
  const value = c.require('Trade Value (US$)');
  const netWeight = c.optional('Netweight (kg)');
  const qty = c.optional('Qty');
  const partner2 = c.optional('2nd Partner Code');
  const customs = c.optional('Customs Proc. Code');
  const transport = c.optional('Mode of Transport Code');

  return (fields) => {
    if (!isTotalBreakdown(field(fields, partner2), ['0'])) return { skipped: 'breakdown by second partner' };
    if (!isTotalBreakdown(field(fields, customs), ['C00'])) return { skipped: 'breakdown by customs procedure' };
    if (!isTotalBreakdown(field(fields, transport), ['0'])) return { skipped: 'breakdown by mode of transport' };
    const flowText = field(fields, flowCode);
    const flow = readFlow(flowText);
    if (!flow) return { skipped: `trade flow ${flowText} is not analysed` };
    const y = readYear(field(fields, year), 'Year');
    const periodText = field(fields, period);
    if (!/^\d{4}(\d{2})?$/.test(periodText)) throw new RowError('Period', 'NOT_A_PERIOD', { value: periodText });
    const month = periodText.length === 6 ? readMonth(periodText.slice(4), 'Period') : 0;
    const reporterIsoText = field(fields, reporterIso);
    const partnerIsoText = field(fields, partnerIso);
    return [
      {
        year: y,
        month,
        reporter: reporterIsoText ? readArea(reporterIsoText, 'Reporter ISO', 'alpha') : readArea(field(fields, reporterCode), 'Reporter Code', 'numeric'),
        partner: partnerIsoText ? readArea(partnerIsoText, 'Partner ISO', 'alpha') : readArea(field(fields, partnerCode), 'Partner Code', 'numeric'),
        flow,
        product: readProduct(field(fields, commodity), 'Commodity Code'),
        value: readValue(field(fields, value), 'Trade Value (US$)'),
        netWeightKg: readMeasure(field(fields, netWeight), 'Netweight (kg)'),
        quantity: readMeasure(field(fields, qty), 'Qty'),
      },
    ];
  };
}

/** UN Comtrade current layout (typeCode, freqCode, refYear, refMonth, reporterCode, flowCode, cmdCode, primaryValue …). */
export function comtradeCurrentMapper(header: readonly string[]): RowMapper {
  const c = new Columns(header);
  const typeCode = c.optional('typeCode');
  const freq = c.optional('freqCode');
  const refYear = c.require('refYear');
  const refMonth = c.optional('refMonth');
  const period = c.optional('period');
  const reporterCode = c.require('reporterCode');
  const reporterIso = c.optional('reporterISO');
  const flowCode = c.require('flowCode');
  const partnerCode = c.require('partnerCode');
  const partnerIso = c.optional('partnerISO');
  const cmdCode = c.require('cmdCode');
  const primaryValue = c.require('primaryValue');
  const cif = c.optional('cifvalue');
  const fob = c.optional('fobvalue');
  const netWgt = c.optional('netWgt');
  const qty = c.optional('qty');
  const partner2 = c.optional('partner2Code');
  const customs = c.optional('customsCode');
  const transport = c.optional('motCode');

  return (fields) => {
    const type = field(fields, typeCode);
    if (type !== '' && type !== 'C') return { skipped: 'services trade (typeCode S)' };
    if (!isTotalBreakdown(field(fields, partner2), ['0'])) return { skipped: 'breakdown by second partner' };
    if (!isTotalBreakdown(field(fields, customs), ['C00'])) return { skipped: 'breakdown by customs procedure' };
    if (!isTotalBreakdown(field(fields, transport), ['0'])) return { skipped: 'breakdown by mode of transport' };
    const flowText = field(fields, flowCode);
    const flow: Flow | undefined = readFlow(flowText);
    if (!flow) return { skipped: `flow ${flowText} is not analysed` };
    const year = readYear(field(fields, refYear), 'refYear');
    const monthly = field(fields, freq) === 'M' || field(fields, period).length === 6;
    const month = monthly ? readMonth(field(fields, refMonth) || field(fields, period).slice(4), 'refMonth') : 0;
    const reporterIsoText = field(fields, reporterIso);
    const partnerIsoText = field(fields, partnerIso);
    // primaryValue is Comtrade's headline figure; files without it fall back to the valuation of the flow's side.
    let valueText = field(fields, primaryValue);
    let valueColumn = 'primaryValue';
    if (valueText === '') [valueText, valueColumn] = flow === 'M' || flow === 'RM' ? [field(fields, cif), 'cifvalue'] : [field(fields, fob), 'fobvalue'];
    return [
      {
        year,
        month,
        reporter: reporterIsoText ? readArea(reporterIsoText, 'reporterISO', 'alpha') : readArea(field(fields, reporterCode), 'reporterCode', 'numeric'),
        partner: partnerIsoText ? readArea(partnerIsoText, 'partnerISO', 'alpha') : readArea(field(fields, partnerCode), 'partnerCode', 'numeric'),
        flow,
        product: readProduct(field(fields, cmdCode), 'cmdCode'),
        value: readValue(valueText, valueColumn),
        netWeightKg: readMeasure(field(fields, netWgt), 'netWgt'),
        quantity: readMeasure(field(fields, qty), 'qty'),
      },
    ];
  };
}
