import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ERROR_DOCS, renderErrorDocs } from '../../scripts/generate-error-docs.ts';
import { errorCatalogue, type ErrorCode } from './catalogue.ts';
import { errorMessage } from './messages.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the error catalogue', () => {
  const codes = Object.keys(errorCatalogue) as ErrorCode[];

  it.each(codes)('%s has a message in every language with the same placeholders', (code) => {
    const { messages, status } = errorCatalogue[code];
    expect(status).toBeGreaterThanOrEqual(400);
    expect(placeholders(messages.ru)).toEqual(placeholders(messages.en));
    expect(placeholders(messages['zh-Hans'])).toEqual(placeholders(messages.en));
    expect(placeholders(errorMessage(code, 'zh-Hant'))).toEqual(placeholders(messages.en));
  });

  it('fills placeholders and writes Traditional Chinese with OpenCC', () => {
    expect(errorMessage('STATE_NOT_FOUND', 'en', { iso3: 'XYZ' })).toBe('The registry has no state XYZ.');
    expect(errorMessage('NOT_AUTHENTICATED', 'zh-Hans')).toBe('请先登录。');
    expect(errorMessage('NOT_AUTHENTICATED', 'zh-Hant')).toBe('請先登入。');
  });

  it('is documented in docs/errors.md exactly as generated', () => {
    expect(readFileSync(ERROR_DOCS, 'utf8')).toBe(renderErrorDocs());
  });
});
