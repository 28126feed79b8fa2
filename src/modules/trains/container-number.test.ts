import { describe, expect, it } from 'vitest';
import { checkDigit, isContainerNumber, parseContainerNumber } from './container-number.ts';
import { domainErrorOf } from '../../errors/testing.ts';

describe('checkDigit', () => {
  it.each([
    // Worked by hand: Σ value × 2^position, then mod 11.
    ['CSQU305438', 3, 'the ISO 6346 example: 6185 mod 11'],
    ['TEXU307007', 9, 'a Textainer box: 4541 mod 11'],
    ['HLXU200841', 9, 'a Hapag-Lloyd box: 3056 mod 11'],
    ['RAIU690011', 4, 'a box from the iso6346 tool’s examples'],
  ])('gives %s the check digit %i (%s)', (first10, digit) => {
    expect(checkDigit(first10)).toBe(digit);
  });

  it('writes a remainder of 10 as 0', () => {
    // CSQU000011: 13 + 30×2 + 28×4 + 32×8 + 1×256 + 1×512 = 1209 = 11 × 109 + 10.
    expect(checkDigit('CSQU000011')).toBe(0);
    expect(parseContainerNumber('CSQU0000110')).toBe('CSQU0000110');
  });

  it('refuses anything but an owner code, a category and a serial', () => {
    expect(domainErrorOf(() => checkDigit('CSQX305438')).code).toBe('INVALID_CONTAINER_NUMBER');
  });
});

describe('parseContainerNumber', () => {
  it.each(['CSQU3054383', 'TEXU3070079', 'HLXU2008419', 'TGHU7599330', 'MSCU6639870'])('accepts the real container number %s', (number) => {
    expect(parseContainerNumber(number)).toBe(number);
  });

  it.each([
    ['csqu3054383', 'lower case'],
    ['CSQU 305438 3', 'spaces as painted on the box'],
    ['csqu 305438-3', 'a dash before the check digit'],
    ['  CSQU3054383\t', 'surrounding white space'],
  ])('accepts %j (%s) and returns the canonical form', (input) => {
    expect(parseContainerNumber(input)).toBe('CSQU3054383');
  });

  it('names the expected check digit when the one given is wrong', () => {
    const error = domainErrorOf(() => parseContainerNumber('CSQU 305438-4'));
    expect(error.code).toBe('INVALID_CONTAINER_NUMBER');
    expect(error.params).toEqual({ number: 'CSQU 305438-4' });
    expect(error.details).toEqual([{ number: 'CSQU 305438-4', expectedCheckDigit: 3 }]);
  });

  it('names the expected check digit when it is missing', () => {
    expect(domainErrorOf(() => parseContainerNumber('CSQU305438')).details).toEqual([{ number: 'CSQU305438', expectedCheckDigit: 3 }]);
  });

  it.each([
    ['', 'empty'],
    ['CSQU30543', 'too short'],
    ['CSQU305438', 'without its check digit'],
    ['CSQU30543831', 'too long'],
    ['CSQX3054383', 'a category other than U, J or Z'],
    ['C5QU3054383', 'a digit in the owner code'],
    ['CSQU30A4383', 'a letter in the serial'],
    ['CSQU305438-X', 'a letter as check digit'],
    ['CSQU-305438-3', 'a dash inside the first ten characters'],
  ])('rejects %j (%s)', (input) => {
    const error = domainErrorOf(() => parseContainerNumber(input));
    expect(error.code).toBe('INVALID_CONTAINER_NUMBER');
    expect(error.params).toEqual({ number: input });
  });

  it.each(['', 'CSQX3054383', 'C5QU3054383', 'CSQU30543'])('gives no expected check digit for the malformed %j', (input) => {
    expect(domainErrorOf(() => parseContainerNumber(input)).details).toEqual([{ number: input }]);
  });
});

describe('isContainerNumber', () => {
  it('tells valid numbers from invalid ones without throwing', () => {
    expect(isContainerNumber('csqu 305438-3')).toBe(true);
    expect(isContainerNumber('CSQU3054384')).toBe(false);
    expect(isContainerNumber('')).toBe(false);
  });
});
