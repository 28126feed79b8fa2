import * as OpenCC from 'opencc-js';

// opencc-js ships declarations that NodeNext resolution cannot follow; this is the part we use.
const { Converter } = OpenCC as unknown as {
  Converter: (options: { from: 'cn' | 't'; to: 'twp' | 'cn' }) => (text: string) => string;
};
// Traditional output uses Taiwan standard characters and phrases; input may be any Traditional variant.
const simplifiedToTraditional = Converter({ from: 'cn', to: 'twp' });
const traditionalToSimplified = Converter({ from: 't', to: 'cn' });

/** Simplified Chinese to Traditional (Taiwan characters and phrases), phrase-aware, via OpenCC. */
export function toTraditional(simplified: string): string {
  return simplifiedToTraditional(simplified);
}

/** Any Traditional Chinese to Simplified (mainland), via OpenCC. */
export function toSimplified(traditional: string): string {
  return traditionalToSimplified(traditional);
}
