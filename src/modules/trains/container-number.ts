import { DomainError } from '../../errors/domain-error.ts';

/** Owner code (3 letters), equipment category (U, J or Z) and a 6-digit serial: all the check digit is computed from. */
const FIRST_TEN = /^[A-Z]{3}[UJZ]\d{6}$/;

/** A = 10 upwards, skipping multiples of 11 so that no letter weighs the same as another modulo 11. */
const LETTER_VALUES: ReadonlyMap<string, number> = (() => {
  const values = new Map<string, number>();
  let value = 10;
  for (const letter of 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') {
    if (value % 11 === 0) value += 1;
    values.set(letter, value);
    value += 1;
  }
  return values;
})();

function characterValue(character: string): number {
  return LETTER_VALUES.get(character) ?? Number(character);
}

/** The ISO 6346 check digit of an owner code, category and serial such as 'CSQU305438'. */
export function checkDigit(first10: string): number {
  if (!FIRST_TEN.test(first10)) throw new DomainError('INVALID_CONTAINER_NUMBER', { number: first10 }, [{ number: first10 }]);
  let sum = 0;
  for (const [position, character] of [...first10].entries()) sum += characterValue(character) * 2 ** position;
  // A remainder of 10 cannot be one digit; the standard writes it as 0 (and advises owners not to issue such serials).
  return (sum % 11) % 10;
}

/** Upper case, without spaces, and without the dash some write before the check digit ('CSQU 305438-3'). */
function canonical(input: string): string {
  return input
    .toUpperCase()
    .replace(/\s+/g, '')
    .replace(/-(?=\d$)/, '');
}

/** The canonical form of an ISO 6346 container number ('csqu 305438-3' → 'CSQU3054383'), or INVALID_CONTAINER_NUMBER. */
export function parseContainerNumber(input: string): string {
  const number = canonical(input);
  const first10 = number.slice(0, 10);
  if (!FIRST_TEN.test(first10)) throw new DomainError('INVALID_CONTAINER_NUMBER', { number: input }, [{ number: input }]);
  const expectedCheckDigit = checkDigit(first10);
  if (number !== `${first10}${expectedCheckDigit}`) {
    throw new DomainError('INVALID_CONTAINER_NUMBER', { number: input }, [{ number: input, expectedCheckDigit }]);
  }
  return number;
}

export function isContainerNumber(input: string): boolean {
  try {
    parseContainerNumber(input);
    return true;
  } catch (error) {
    if (error instanceof DomainError) return false;
    throw error;
  }
}
