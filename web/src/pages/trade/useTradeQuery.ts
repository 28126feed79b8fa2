import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { isOneOf } from '../../api/types.ts';
import { FLOWS, PARTNER_GROUPS, PRODUCT_LEVELS, type Flow, type ProductLevel } from '../../api/trade.ts';

/** The question the page answers, kept in the URL so a view can be linked. */
export interface TradeSelection {
  reporter: string;
  partners: string;
  /** null until a dataset tells which years exist. */
  year: number | null;
  /** 0 for the whole year, else January to this month (year to date). */
  months: number;
  flow: Flow;
  level: ProductLevel;
  dataset: string;
  base: number | null;
}

export const DEFAULT_REPORTER = 'CHN';
export const DEFAULT_PARTNERS = 'SCO';

export const ISO3 = /^[A-Z]{3}$/;
const YEAR = /^\d{4}$/;
export const DATASET_NAME = /^[a-z0-9][a-z0-9._-]*$/;

export const isPartnerGroup = (code: string) => isOneOf(PARTNER_GROUPS, code);

function parse(params: URLSearchParams): Omit<TradeSelection, 'year'> & { year: number | null } {
  const reporter = (params.get('reporter') ?? '').toUpperCase();
  const partners = (params.get('partners') ?? '').toUpperCase();
  const year = params.get('year') ?? '';
  const months = Number(params.get('months') ?? '0');
  const flow = params.get('flow');
  const level = Number(params.get('level'));
  const dataset = params.get('dataset') ?? '';
  const base = params.get('base') ?? '';
  return {
    reporter: ISO3.test(reporter) ? reporter : DEFAULT_REPORTER,
    partners: isPartnerGroup(partners) || ISO3.test(partners) ? partners : DEFAULT_PARTNERS,
    year: YEAR.test(year) ? Number(year) : null,
    months: Number.isInteger(months) && months > 0 && months < 12 ? months : 0,
    flow: isOneOf(FLOWS, flow) ? flow : 'total',
    level: (PRODUCT_LEVELS as readonly number[]).includes(level) ? (level as ProductLevel) : 2,
    dataset: DATASET_NAME.test(dataset) ? dataset : '',
    base: YEAR.test(base) ? Number(base) : null,
  };
}

const DEFAULTS: Record<string, string> = { reporter: DEFAULT_REPORTER, partners: DEFAULT_PARTNERS, months: '0', flow: 'total', level: '2' };

/** The selection from the URL, with `fallbackYear` (the latest year with data) when none is chosen. */
export function useTradeSelection(fallbackYear: number | null): [TradeSelection, (change: Partial<TradeSelection>) => void] {
  const [params, setParams] = useSearchParams();
  const parsed = useMemo(() => parse(params), [params]);
  const selection = useMemo(() => ({ ...parsed, year: parsed.year ?? fallbackYear }), [parsed, fallbackYear]);

  const update = useCallback(
    (change: Partial<TradeSelection>) => {
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [key, value] of Object.entries(change)) {
            const text = value === null || value === undefined ? '' : String(value);
            if (text === '' || DEFAULTS[key] === text) next.delete(key);
            else next.set(key, text);
          }
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );
  return [selection, update];
}

const pad = (month: number) => String(month).padStart(2, '0');

/** The API's period for a year and a year-to-date month: 2021, 2022-01 or 2022-01/2022-07. */
export function periodOf(year: number, months: number): string {
  if (months === 0) return String(year);
  if (months === 1) return `${year}-01`;
  return `${year}-01/${year}-${pad(months)}`;
}
