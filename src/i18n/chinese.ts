import * as OpenCC from 'opencc-js';

// Traditional output uses Taiwan standard characters and phrases; input may be any Traditional variant.
const simplifiedToTraditional = OpenCC.Converter({ from: 'cn', to: 'twp' });
const traditionalToSimplified = OpenCC.Converter({ from: 't', to: 'cn' });

/** Simplified Chinese to Traditional (Taiwan characters and phrases), phrase-aware, via OpenCC. */
export function toTraditional(simplified: string): string {
  return simplifiedToTraditional(simplified);
}

/** Any Traditional Chinese to Simplified (mainland), via OpenCC. */
export function toSimplified(traditional: string): string {
  return traditionalToSimplified(traditional);
}
