import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../errors/domain-error.ts';
import { notComputable } from './computed.ts';
import { OTHER_PRODUCTS, productMix, topProducts, type MixLevel } from './products.ts';

const subheadings = new Map([
  ['TOTAL', 999n],
  ['080410', 5n], // dates
  ['080450', 7n], // guavas, mangoes
  ['080510', 11n], // oranges
  ['270900', 100n], // crude petroleum
  ['271111', 40n], // liquefied natural gas
  ['720851', 2n], // flat-rolled iron
]);

describe('productMix', () => {
  it('aggregates subheadings to headings by their first four digits, leaving TOTAL out', () => {
    const mix = productMix(subheadings, 4);
    expect(mix.products.map(({ product, value }) => [product, value])).toEqual([
      ['2709', 100n],
      ['2711', 40n],
      ['0804', 12n],
      ['0805', 11n],
      ['7208', 2n],
    ]);
    expect(mix.total).toBe(165n);
  });

  it('aggregates to chapters by the first two digits', () => {
    const mix = productMix(subheadings, 2);
    expect(mix.products.map(({ product, value }) => [product, value])).toEqual([
      ['27', 140n],
      ['08', 23n],
      ['72', 2n],
    ]);
  });

  it('keeps subheadings as they are at level 6, with shares of the total', () => {
    const mix = productMix(new Map([['080410', 1n], ['080450', 3n]]), 6);
    expect(mix.products).toEqual([
      { product: '080450', value: 3n, sharePercent: { ok: true, value: 75 } },
      { product: '080410', value: 1n, sharePercent: { ok: true, value: 25 } },
    ]);
  });

  it('the parts add up to the total exactly, at every level', () => {
    for (const level of [2, 4, 6] as const) {
      const mix = productMix(subheadings, level);
      expect(mix.products.reduce((sum, part) => sum + part.value, 0n)).toBe(mix.total);
    }
  });

  it.each<[ReadonlyMap<string, bigint>, MixLevel, string]>([
    [new Map([['08', 1n]]), 4, 'a chapter cannot be split into headings'],
    [new Map([['0804', 1n], ['080410', 1n]]), 2, 'a heading beside its own subheading would count twice'],
    [new Map([['08041', 1n]]), 2, 'five digits is not an HS code'],
  ])('refuses %o at level %d: %s', (values, level) => {
    expect(() => productMix(values, level)).toThrow(DomainError);
  });

  it('of nothing is empty, and a mix of zeros has no shares', () => {
    expect(productMix(new Map([['TOTAL', 5n]]), 2)).toEqual({ level: 2, total: 0n, products: [] });
    expect(productMix(new Map([['08', 0n]]), 2).products[0]?.sharePercent).toEqual(notComputable('zero_base'));
  });
});

describe('topProducts', () => {
  const mix = productMix(subheadings, 4);

  it('keeps the n largest and puts the rest into OTHER, last, so the parts still make the total', () => {
    const top = topProducts(mix, 2);
    expect(top.products.map(({ product, value }) => [product, value])).toEqual([
      ['2709', 100n],
      ['2711', 40n],
      [OTHER_PRODUCTS, 25n],
    ]);
    expect(top.products.reduce((sum, part) => sum + part.value, 0n)).toBe(mix.total);
    expect(top.total).toBe(mix.total);
  });

  it('keeps OTHER last even when it outweighs the products named', () => {
    expect(topProducts(mix, 1).products.map((part) => part.product)).toEqual(['2709', OTHER_PRODUCTS]);
    expect(topProducts(mix, 0).products).toEqual([
      { product: OTHER_PRODUCTS, value: 165n, sharePercent: { ok: true, value: 100 } },
    ]);
  });

  it('needs no OTHER when every product fits', () => {
    expect(topProducts(mix, 5)).toEqual(mix);
    expect(topProducts(mix, 50)).toEqual(mix);
  });
});
