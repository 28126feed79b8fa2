import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ZH_HANS_PATH, ZH_HANT_PATH, generateZhHant } from './generate-zh-hant.ts';

const LOCALES_DIR = new URL('../web/src/i18n/locales/', import.meta.url);
const CATALOGUES = ['en', 'ru', 'zh-Hans', 'zh-Hant'] as const;

function load(path: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
}

function catalogue(locale: (typeof CATALOGUES)[number]) {
  return load(fileURLToPath(new URL(`${locale}.json`, LOCALES_DIR)));
}

/** Every leaf as "a.b.c" → text. */
function flatten(tree: Record<string, unknown>, prefix = ''): Map<string, string> {
  const leaves = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'object' && value !== null) for (const [k, v] of flatten(value as Record<string, unknown>, path)) leaves.set(k, v);
    else leaves.set(path, String(value));
  }
  return leaves;
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1] ?? '').sort();
}

describe('zh-Hant catalogue', () => {
  it('is what the generator makes from zh-Hans.json (regenerate with npm run i18n:generate)', () => {
    expect(load(ZH_HANT_PATH)).toEqual(generateZhHant(load(ZH_HANS_PATH)));
  });

  it('converts text with OpenCC and leaves keys and placeholders alone', () => {
    expect(generateZhHant({ status: { dialogue_partner: '对话伙伴' }, note: '截至{{date}}各国身份' })).toEqual({
      status: { dialogue_partner: '對話夥伴' },
      note: '截至{{date}}各國身份',
    });
  });
});

describe('catalogues', () => {
  const en = flatten(catalogue('en'));

  it.each(CATALOGUES)('%s has exactly the keys of en.json', (locale) => {
    expect([...flatten(catalogue(locale)).keys()].sort()).toEqual([...en.keys()].sort());
  });

  it.each(CATALOGUES)('%s uses the same placeholders as en.json in every message', (locale) => {
    for (const [key, text] of flatten(catalogue(locale))) {
      expect(placeholders(text), `${locale}: ${key}`).toEqual(placeholders(en.get(key) ?? ''));
    }
  });

  it.each(CATALOGUES)('%s has no empty message', (locale) => {
    for (const [key, text] of flatten(catalogue(locale))) expect(text.trim(), `${locale}: ${key}`).not.toBe('');
  });
});
