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
  // Taiwan phrases read 代码 as program code (程式碼); ours are identifiers (country, HS codes): 代碼.
  return simplifiedToTraditional(simplified).replaceAll('程式碼', '代碼');
}

/** Any Traditional Chinese to Simplified (mainland), via OpenCC. */
export function toSimplified(traditional: string): string {
  return traditionalToSimplified(traditional);
}
