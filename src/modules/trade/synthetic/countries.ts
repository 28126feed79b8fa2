import { createRequire } from 'node:module';
import countries from 'i18n-iso-countries';
import { SeededRandom } from './random.ts';

const require = createRequire(import.meta.url);
countries.registerLocale(require('i18n-iso-countries/langs/en.json') as countries.LocaleData);

export interface SyntheticCountry {
  /** BACI's numeric code (ISO numeric, except BACI's own customs-territory codes below). */
  code: number;
  iso2: string;
  iso3: string;
  name: string;
  /** Relative economic size: drives how much a country exports and imports. */
  size: number;
}

/** BACI numbers a few customs territories its own way (France with Monaco 251, India 699, …). */
const BACI_CODES: Record<string, number> = { FRA: 251, IND: 699, CHE: 757, NOR: 579, USA: 842 };

/** Territories with no trade of their own worth generating. */
const LEFT_OUT = new Set(['ATA', 'BVT', 'HMD', 'SGS', 'UMI', 'ATF', 'IOT', 'CCK', 'CXR', 'NFK', 'PCN', 'TKL', 'ALA', 'ESH', 'SJM', 'VAT', 'BES']);

/** Large traders get fixed sizes so rankings look familiar; the SCO family is always present. */
const FIXED_SIZES: Record<string, number> = {
  CHN: 100, USA: 95, DEU: 70, NLD: 40, JPN: 40, FRA: 35, KOR: 35, ITA: 32, GBR: 32, HKG: 30, IND: 28, MEX: 28, CAN: 28,
  BEL: 25, SGP: 25, TWN: 25, RUS: 22, ESP: 22, ARE: 20, CHE: 20, AUS: 18, VNM: 18, BRA: 18, POL: 17, SAU: 15, TUR: 15,
  MYS: 14, THA: 14, IDN: 14, IRL: 12, SWE: 10, AUT: 10, CZE: 10, KAZ: 4, IRN: 4, PAK: 3, BLR: 2.5, UZB: 1.5, MNG: 1,
  AZE: 1.2, ARM: 0.6, KGZ: 0.6, TJK: 0.4, NPL: 0.5, KHM: 1.5, LKA: 1.2, EGY: 3, QAT: 6, BHR: 1, KWT: 4, MDV: 0.2, MMR: 1,
  LAO: 0.5, AFG: 0.3, TKM: 0.8,
};

/** `count` countries (at most the ~230 inhabited ISO codes), in code order; which small ones are in depends on the seed. */
export function syntheticCountries(count: number, seed: number): SyntheticCountry[] {
  const random = new SeededRandom(seed ^ 0x5c0c0de);
  const all = Object.entries(countries.getNumericCodes())
    .map(([numeric, iso2]) => ({ numeric: Number(numeric), iso2, iso3: countries.alpha2ToAlpha3(iso2)! }))
    .filter((c) => c.iso3 && !LEFT_OUT.has(c.iso3))
    .sort((a, b) => a.numeric - b.numeric);
  const fixed = all.filter((c) => FIXED_SIZES[c.iso3] !== undefined);
  const others = random.shuffle(all.filter((c) => FIXED_SIZES[c.iso3] === undefined));
  const chosen = [...fixed, ...others.slice(0, Math.max(0, count - fixed.length))];
  return chosen
    .map((c) => ({
      code: BACI_CODES[c.iso3] ?? c.numeric,
      iso2: c.iso2,
      iso3: c.iso3,
      name: countries.getName(c.iso2, 'en') ?? c.iso3,
      size: FIXED_SIZES[c.iso3] ?? Math.min(8, random.logNormal(-0.5, 1.2)),
    }))
    .sort((a, b) => a.code - b.code);
}
