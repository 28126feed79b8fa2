import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { toTraditional } from '../src/i18n/chinese.ts';

const LOCALES_DIR = new URL('../web/src/i18n/locales/', import.meta.url);
export const ZH_HANS_PATH = fileURLToPath(new URL('zh-Hans.json', LOCALES_DIR));
export const ZH_HANT_PATH = fileURLToPath(new URL('zh-Hant.json', LOCALES_DIR));

function convert(value: unknown): unknown {
  if (typeof value === 'string') return toTraditional(value);
  if (Array.isArray(value)) return value.map(convert);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, nested]) => [key, convert(nested)]));
  }
  return value;
}

/** The Traditional Chinese catalogue: every string of the Simplified one through OpenCC (Taiwan phrases); keys untouched. */
export function generateZhHant(zhHans: object): object {
  return convert(zhHans) as object;
}

/** The file as written to disk, so a test can compare it byte for byte. */
export function renderCatalogue(catalogue: object): string {
  return `${JSON.stringify(catalogue, null, 2)}\n`;
}

function main(): void {
  const zhHans = JSON.parse(readFileSync(ZH_HANS_PATH, 'utf8')) as object;
  writeFileSync(ZH_HANT_PATH, renderCatalogue(generateZhHant(zhHans)));
  console.log(`Wrote ${ZH_HANT_PATH} from zh-Hans.json`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
