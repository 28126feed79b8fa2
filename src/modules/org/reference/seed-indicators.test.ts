import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * Specification of `seed-indicators.json`: the figures published in the 2022
 * report on China–SCO economic and trade cooperation
 * (`reference/seed-000_58c6f946d9ed608e.txt`), one object per figure, in
 * document order, each tied to the verbatim passage that states it.
 */

interface Indicator {
  key: string;
  subject: string;
  metric: string;
  reporter: string | null;
  partner: string | null;
  period: string;
  value: string;
  unit: string;
  qualifier: string;
  basePeriod: string | null;
  source: string;
  quote: string;
}

const indicators = JSON.parse(
  readFileSync(new URL('./seed-indicators.json', import.meta.url), 'utf8'),
) as Indicator[];

const documentText = readFileSync(
  new URL('../../../../reference/seed-000_58c6f946d9ed608e.txt', import.meta.url),
  'utf8',
);

const FIELDS = [
  'key',
  'subject',
  'metric',
  'reporter',
  'partner',
  'period',
  'value',
  'unit',
  'qualifier',
  'basePeriod',
  'source',
  'quote',
];

const METRICS = new Set([
  'trade_value',
  'trade_growth_yoy',
  'trade_multiple_vs_base',
  'trading_partner_rank',
  'area',
  'area_share',
  'population',
  'population_share',
  'gdp',
  'gdp_share',
  'member_states',
  'economic_corridors',
  'trains_run',
  'trains_growth_yoy',
  'train_destination_countries',
  'centres',
  'trainees',
  'alliance_organisations',
  'special_loan',
  'anniversary',
]);

const UNITS = new Set([
  'USD',
  'CNY',
  'percent',
  'times',
  'rank',
  'km2',
  'persons',
  'person_times',
  'count',
  'trains',
  'countries',
  'organisations',
  'years',
]);

const QUALIFIERS = new Set(['exact', 'about', 'over']);

const GROUP_CODES = new Set(['SCO_MEMBERS_OTHER', 'SCO_MEMBERS', 'WORLD']);

/** The unit each metric is expressed in. */
const METRIC_UNIT: Record<string, string> = {
  trade_value: 'USD',
  trade_growth_yoy: 'percent',
  trade_multiple_vs_base: 'times',
  trading_partner_rank: 'rank',
  area: 'km2',
  area_share: 'percent',
  population: 'persons',
  population_share: 'percent',
  gdp: 'USD',
  gdp_share: 'percent',
  member_states: 'count',
  economic_corridors: 'count',
  trains_run: 'trains',
  trains_growth_yoy: 'percent',
  train_destination_countries: 'countries',
  centres: 'count',
  trainees: 'person_times',
  alliance_organisations: 'organisations',
  special_loan: 'CNY',
  anniversary: 'years',
};

/** Metrics that are only meaningful against a base period. */
const METRICS_WITH_BASE = new Set(['trade_growth_yoy', 'trade_multiple_vs_base', 'trains_growth_yoy']);

const KEY_PATTERN = /^seed2022\.[a-z0-9.-]+$/;
const DECIMAL_PATTERN = /^-?\d+(\.\d+)?$/;
const MONTH = '\\d{4}-(0[1-9]|1[0-2])';
const PERIOD_PATTERN = new RegExp(`^(\\d{4}|${MONTH}|${MONTH}/${MONTH})$`);
const ALPHA3_PATTERN = /^[A-Z]{3}$/;

/**
 * Every published figure: its key, the value in base units, and the string of
 * digits (or Chinese numerals, where the document writes the number in words)
 * that states it in the source. The quote of each indicator must contain its
 * string, and this table must list every indicator in the file.
 */
const FIGURES: ReadonlyArray<readonly [key: string, value: string, statedAs: string]> = [
  ['seed2022.chn-sco.trade.2021', '343300000000', '3433億美元'],
  ['seed2022.chn-sco.trade-growth.2021', '40', '40%'],
  ['seed2022.chn-sco.trade-multiple-vs-2001.2021', '28', '28倍'],
  ['seed2022.rus-chn.trading-partner-rank.2021', '1', '第一大'],
  ['seed2022.pak-chn.trading-partner-rank.2021', '1', '第一大'],
  ['seed2022.kaz-chn.trading-partner-rank.2021', '2', '第二大'],
  ['seed2022.uzb-chn.trading-partner-rank.2021', '2', '第二大'],
  ['seed2022.kgz-chn.trading-partner-rank.2021', '2', '第二大'],
  ['seed2022.chn-sco.trade.2022-jan-jul', '226800000000', '2268億美元'],
  ['seed2022.chn-sco.trade-growth.2022-jan-jul', '25', '25%'],
  ['seed2022.chn-sco.interbank-special-loan', '30000000000', '300億元人民幣'],
  ['seed2022.sco.economic-corridors', '6', '六大經濟走廊'],
  ['seed2022.chn.europe-railway-express.trains.2022-jan-aug', '10622', '10622列'],
  ['seed2022.chn.europe-railway-express.trains-growth.2022-jan-aug', '6', '6%'],
  ['seed2022.chn-sco.demonstration-area.centres', '4', '四大中心'],
  ['seed2022.chn-sco.demonstration-area.train-destination-countries', '22', '22個國家'],
  ['seed2022.chn-sco.institute.trainees', '6500', '6500餘人次'],
  ['seed2022.sco.traditional-medicine-alliance.organisations', '12', '12個'],
  ['seed2022.sco.charter.anniversary', '20', '20周年'],
  ['seed2022.sco.good-neighbourliness-treaty.anniversary', '15', '15周年'],
  ['seed2022.sco.member-states', '8', '8個成員國'],
  ['seed2022.sco.area', '34000000', '3400萬平方公裏'],
  ['seed2022.sco.area-share', '60', '五分之三'],
  ['seed2022.sco.population', '3200000000', '32億'],
  ['seed2022.sco.population-share', '40', '五分之二'],
  ['seed2022.sco.gdp.2021', '23000000000000', '23萬億美元'],
  ['seed2022.sco.gdp-share.2021', '25', '四分之一'],
];

function byKey(key: string): Indicator {
  const found = indicators.find((indicator) => indicator.key === key);
  if (!found) throw new Error(`no indicator with key ${key}`);
  return found;
}

describe('seed-indicators.json (figures of the 2022 China–SCO cooperation report)', () => {
  it('is a non-empty array of objects with exactly the specified fields', () => {
    expect(Array.isArray(indicators)).toBe(true);
    expect(indicators.length).toBeGreaterThan(0);
    for (const indicator of indicators) {
      expect(Object.keys(indicator).sort(), indicator.key).toEqual([...FIELDS].sort());
    }
  });

  it('quotes every figure verbatim from the source document', () => {
    for (const indicator of indicators) {
      expect(indicator.quote.length, indicator.key).toBeGreaterThan(0);
      expect(documentText.includes(indicator.quote), `${indicator.key}: ${indicator.quote}`).toBe(true);
    }
  });

  it('names the source document on every figure', () => {
    for (const indicator of indicators) {
      expect(indicator.source, indicator.key).toBe('seed 000_58c6f946d9ed608e.txt');
    }
  });

  it('lists the figures in document order', () => {
    const positions = indicators.map((indicator) => documentText.indexOf(indicator.quote));
    const sorted = [...positions].sort((a, b) => a - b);
    expect(positions).toEqual(sorted);
  });

  it('has unique keys of the form seed2022.<slug>', () => {
    const keys = indicators.map((indicator) => indicator.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of keys) expect(key).toMatch(KEY_PATTERN);
  });

  it('stores every value as a decimal string in base units', () => {
    for (const indicator of indicators) {
      expect(typeof indicator.value, indicator.key).toBe('string');
      expect(indicator.value, indicator.key).toMatch(DECIMAL_PATTERN);
    }
  });

  it('uses only the controlled metrics, units and qualifiers, with the unit that fits the metric', () => {
    for (const indicator of indicators) {
      expect(METRICS.has(indicator.metric), `${indicator.key}: metric ${indicator.metric}`).toBe(true);
      expect(UNITS.has(indicator.unit), `${indicator.key}: unit ${indicator.unit}`).toBe(true);
      expect(QUALIFIERS.has(indicator.qualifier), `${indicator.key}: qualifier ${indicator.qualifier}`).toBe(
        true,
      );
      expect(indicator.unit, indicator.key).toBe(METRIC_UNIT[indicator.metric]);
    }
  });

  it('uses YYYY, YYYY-MM or YYYY-MM/YYYY-MM for periods and base periods', () => {
    for (const indicator of indicators) {
      expect(indicator.period, indicator.key).toMatch(PERIOD_PATTERN);
      if (indicator.basePeriod !== null) expect(indicator.basePeriod, indicator.key).toMatch(PERIOD_PATTERN);
    }
  });

  it('gives a base period to growth rates and multiples only', () => {
    for (const indicator of indicators) {
      if (METRICS_WITH_BASE.has(indicator.metric)) {
        expect(indicator.basePeriod, indicator.key).not.toBeNull();
      } else {
        expect(indicator.basePeriod, indicator.key).toBeNull();
      }
    }
  });

  it('compares year-on-year growth with the same period one year earlier', () => {
    const shiftYear = (period: string): string =>
      period.replace(/\d{4}/g, (year) => String(Number(year) - 1));
    for (const indicator of indicators.filter((i) => i.metric.endsWith('_growth_yoy'))) {
      expect(indicator.basePeriod, indicator.key).toBe(shiftYear(indicator.period));
    }
  });

  it('codes reporters as ISO alpha-3 and partners as ISO alpha-3 or a group code', () => {
    for (const indicator of indicators) {
      if (indicator.reporter !== null) expect(indicator.reporter, indicator.key).toMatch(ALPHA3_PATTERN);
      if (indicator.partner !== null) {
        const valid = ALPHA3_PATTERN.test(indicator.partner) || GROUP_CODES.has(indicator.partner);
        expect(valid, `${indicator.key}: partner ${indicator.partner}`).toBe(true);
      }
    }
  });

  describe('headline figures the platform relies on', () => {
    it("China's 2021 trade with the other SCO members: USD 343.3 billion", () => {
      const matches = indicators.filter(
        (i) =>
          i.metric === 'trade_value' &&
          i.reporter === 'CHN' &&
          i.partner === 'SCO_MEMBERS_OTHER' &&
          i.period === '2021',
      );
      expect(matches).toHaveLength(1);
      expect(matches[0]).toMatchObject({ value: '343300000000', unit: 'USD', qualifier: 'exact' });
    });

    it("China's January–July 2022 trade with the other SCO members: USD 226.8 billion", () => {
      const matches = indicators.filter(
        (i) =>
          i.metric === 'trade_value' &&
          i.reporter === 'CHN' &&
          i.partner === 'SCO_MEMBERS_OTHER' &&
          i.period === '2022-01/2022-07',
      );
      expect(matches).toHaveLength(1);
      expect(matches[0]).toMatchObject({ value: '226800000000', unit: 'USD' });
    });

    it('China–Europe Railway Express, January–August 2022: 10,622 trains', () => {
      expect(byKey('seed2022.chn.europe-railway-express.trains.2022-jan-aug')).toMatchObject({
        metric: 'trains_run',
        period: '2022-01/2022-08',
        value: '10622',
        unit: 'trains',
      });
    });

    it('SCO territory: about 34 million km²', () => {
      expect(byKey('seed2022.sco.area')).toMatchObject({
        metric: 'area',
        value: '34000000',
        unit: 'km2',
        qualifier: 'about',
      });
    });

    it('SCO population: over 3.2 billion', () => {
      expect(byKey('seed2022.sco.population')).toMatchObject({
        metric: 'population',
        value: '3200000000',
        unit: 'persons',
        qualifier: 'over',
      });
    });

    it('SCO GDP in 2021: about USD 23 trillion', () => {
      expect(byKey('seed2022.sco.gdp.2021')).toMatchObject({
        metric: 'gdp',
        period: '2021',
        value: '23000000000000',
        unit: 'USD',
        qualifier: 'about',
      });
    });

    it('China is the first trading partner of Russia and Pakistan, the second of Kazakhstan, Uzbekistan and Kyrgyzstan', () => {
      const ranks: Record<string, string> = Object.fromEntries(
        indicators
          .filter((i) => i.metric === 'trading_partner_rank' && i.partner === 'CHN')
          .map((i): [string, string] => [i.reporter ?? '', i.value]),
      );
      expect(ranks).toEqual({ RUS: '1', PAK: '1', KAZ: '2', UZB: '2', KGZ: '2' });
    });
  });

  describe('each figure is stated in its quote', () => {
    it('the figure table covers every indicator in the file', () => {
      expect(FIGURES.map(([key]) => key).sort()).toEqual(indicators.map((i) => i.key).sort());
    });

    for (const [key, value, statedAs] of FIGURES) {
      it(`${key} = ${value}, stated as "${statedAs}"`, () => {
        const indicator = byKey(key);
        expect(indicator.value).toBe(value);
        expect(indicator.quote).toContain(statedAs);
      });
    }
  });
});
