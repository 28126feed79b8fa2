import { Columns, RowError, field, readMeasure, readProduct, readValue, readYear, type RowMapper } from './row.ts';

/** BACI's own country codes, read from the `country_codes_V*.csv` published beside each release. */
export type BaciCountryCodes = ReadonlyMap<string, string>;

/** Builds the code → ISO alpha-3 map from the rows of a BACI country codes file (either header generation). */
export function baciCountryCodes(header: readonly string[], rows: Iterable<readonly string[]>): BaciCountryCodes {
  const c = new Columns(header);
  const code = c.require('country_code');
  const iso3 = c.optional('country_iso3') ?? c.require('iso_3digit_alpha');
  const codes = new Map<string, string>();
  for (const row of rows) {
    const alpha = field(row, iso3).toUpperCase();
    if (/^[A-Z0-9]{3}$/.test(alpha)) codes.set(String(Number(field(row, code))), alpha);
  }
  return codes;
}

/**
 * CEPII BACI (t, i, j, k, v, q): year, exporter, importer, HS6 product, value in thousands of USD, quantity in
 * metric tons. Each row is one reconciled flow, stored as the exporter's export; importers' views are derived.
 */
export function baciMapper(header: readonly string[], countries: BaciCountryCodes): RowMapper {
  const c = new Columns(header);
  const [t, i, j, k, v, q] = ['t', 'i', 'j', 'k', 'v', 'q'].map((name) => c.require(name)) as [number, number, number, number, number, number];
  const country = (text: string, column: string) => {
    const iso3 = countries.get(String(Number(text)));
    if (iso3 === undefined) throw new RowError(column, 'UNKNOWN_BACI_COUNTRY', { value: text });
    return iso3;
  };
  return (fields) => {
    const quantity = field(fields, q);
    return [
      {
        year: readYear(field(fields, t), 't'),
        month: 0,
        reporter: country(field(fields, i), 'i'),
        partner: country(field(fields, j), 'j'),
        flow: 'X',
        product: readProduct(field(fields, k), 'k'),
        value: readValue(field(fields, v), 'v', 3),
        netWeightKg: quantity === 'NA' ? null : readMeasure(quantity, 'q', 1000),
        quantity: null,
      },
    ];
  };
}
