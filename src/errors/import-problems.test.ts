import { describe, expect, it } from 'vitest';
import { LOCALES } from '../i18n/locale.ts';
import { errorCatalogue } from './catalogue.ts';
import { IMPORT_PROBLEM_CODES, importProblem, importProblemCatalogue, importProblemCodes, importProblemReason, isImportProblemCode, mappingFieldMessages } from './import-problems.ts';
import { importProblemMessage, localise } from './messages.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the problems of an import', () => {
  it.each(IMPORT_PROBLEM_CODES)('%s has a message in every language, naming exactly its params', (code) => {
    const { messages, params } = importProblemCatalogue[code];
    for (const locale of LOCALES) {
      const text = localise(messages, locale);
      expect(text.trim(), locale).not.toBe('');
      expect(placeholders(text), locale).toEqual([...params].sort());
    }
  });

  it('words the map field prefix in every language with the field and the problem', () => {
    for (const locale of LOCALES) expect(placeholders(localise(mappingFieldMessages, locale)), locale).toEqual(['field', 'problem']);
  });

  it('fills the params and writes Traditional Chinese with OpenCC', () => {
    const problem = importProblem('NOT_A_NUMBER', { value: 'about 79 bn' });
    expect(importProblemMessage(problem, 'en')).toBe('"about 79 bn" is not a number');
    expect(importProblemMessage(problem, 'ru')).toBe('«about 79 bn» — не число');
    expect(importProblemMessage(problem, 'zh-Hans')).toBe('“about 79 bn”不是数字');
    expect(importProblemMessage(problem, 'zh-Hant')).toBe('“about 79 bn”不是數字');
  });

  it('gives the English reason the command line and the rejects file have always shown', () => {
    expect(importProblemReason(importProblem('NOT_A_YEAR', { value: '21' }))).toBe('"21" is not a year');
    expect(importProblemReason(importProblem('FIELD_COUNT', { expected: 35, found: 34 }))).toBe('expected 35 fields as in the header, found 34');
    expect(importProblemReason(importProblem('COLUMN_MISSING'))).toBe('column missing from the header');
    expect(importProblemReason(importProblem('UNREADABLE', { detail: 'Invalid Closing Quote' }))).toBe('Invalid Closing Quote');
  });

  it('tells its codes from anything else', () => {
    expect(isImportProblemCode('NOT_A_YEAR')).toBe(true);
    expect(isImportProblemCode('"21" is not a year')).toBe(false);
    expect(isImportProblemCode('toString')).toBe(false);
  });

  it('splits into row problems and problems of the mapping or the file, each listed under its error', () => {
    const rows = importProblemCodes('row');
    const files = importProblemCodes('mapping', 'file');
    expect([...rows, ...files].sort()).toEqual([...IMPORT_PROBLEM_CODES].sort());
    expect(rows).toEqual(expect.arrayContaining(['NOT_A_YEAR', 'NOT_A_NUMBER', 'UNKNOWN_BACI_COUNTRY', 'COLUMN_MISSING', 'FIELD_COUNT']));
    expect(files).toEqual(expect.arrayContaining(['UNKNOWN_MAPPING_FIELD', 'EMPTY_FILE']));
    // docs/errors.md is generated from the error catalogue, so the codes reach it through these descriptions.
    for (const code of rows) expect(errorCatalogue.IMPORT_ROW_INVALID.when).toContain(`\`${code}\``);
    for (const code of files) expect(errorCatalogue.IMPORT_FILE_INVALID.when).toContain(`\`${code}\``);
  });
});
