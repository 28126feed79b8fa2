import countries from 'i18n-iso-countries';

/** The code the platform stores for the world as a partner. */
export const WORLD = 'WLD';

/**
 * Codes the statistics use that are not ISO 3166 numeric codes of today's countries: UN Comtrade's and BACI's
 * reporter codes for customs territories (France with Monaco 251, India 699, Switzerland with Liechtenstein 757,
 * United States with Puerto Rico 842), and the world (0).
 */
const STATISTICAL_AREAS: Record<number, string> = {
  0: WORLD,
  58: 'BEL',
  251: 'FRA',
  381: 'ITA',
  490: 'S19',
  579: 'NOR',
  699: 'IND',
  711: 'ZAF',
  757: 'CHE',
  841: 'USA',
  842: 'USA',
};

/** Comtrade's alphabetic codes for areas that have no ISO code. */
const AREA_ALIASES: Record<string, string> = { W00: WORLD, WLD: WORLD };

/** Maps a numeric reporter or partner code to the stored area code; undefined when it is not a number. */
export function areaFromNumeric(text: string): string | undefined {
  if (!/^\d{1,3}$/.test(text.trim())) return undefined;
  const code = Number(text);
  return STATISTICAL_AREAS[code] ?? countries.numericToAlpha3(String(code).padStart(3, '0')) ?? `X${String(code).padStart(3, '0')}`;
}

/** Accepts an ISO alpha-3 code (or Comtrade's W00 for the world) as written in a file. */
export function areaFromAlpha(text: string): string | undefined {
  const code = text.trim().toUpperCase();
  if (!/^[A-Z0-9_]{3}$/.test(code)) return undefined;
  return AREA_ALIASES[code] ?? code;
}

/** ISO alpha-3 or numeric, whichever the text is. */
export function areaFromCode(text: string): string | undefined {
  return areaFromNumeric(text) ?? areaFromAlpha(text);
}
