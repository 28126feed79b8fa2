/**
 * Parses a decimal number written in a statistics file into exact cents, scaled by a power of ten
 * (BACI values are thousands of dollars: scale 3). Returns undefined for text that is not a plain decimal.
 * Digits beyond the cent are rounded half away from zero; no floating point is involved.
 */
export function decimalToCents(text: string, scalePow10 = 0): bigint | undefined {
  const match = /^\s*([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?\s*$/.exec(text);
  if (!match) return undefined;
  const [, sign, whole = '', fraction = '', exponent = '0'] = match;
  if (whole === '' && fraction === '') return undefined;
  // Shift the decimal point: to cents (2) plus the file's scale plus any exponent.
  const shift = 2 + scalePow10 + Number(exponent);
  let digits = whole + fraction;
  let point = whole.length + shift;
  if (point < 0) {
    digits = '0'.repeat(-point) + digits;
    point = 0;
  }
  const integerPart = digits.slice(0, point).padEnd(point, '0');
  const rest = digits.slice(point);
  let cents = BigInt(integerPart === '' ? '0' : integerPart);
  if (rest !== '' && rest.charCodeAt(0) >= 53) cents += 1n;
  return sign === '-' ? -cents : cents;
}

/** Cents as a plain decimal string of dollars, e.g. 12345n → '123.45'. */
export function centsToDecimal(cents: bigint): string {
  const negative = cents < 0n;
  const abs = negative ? -cents : cents;
  const text = `${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
  return negative ? `-${text}` : text;
}
