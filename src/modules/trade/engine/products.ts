import { DomainError } from '../../../errors/domain-error.ts';
import type { ProductCode, UsdCents } from '../model.ts';
import type { Computed } from './computed.ts';
import { largestFirst } from './largest-first.ts';
import { sharePercent } from './ratio.ts';

export type MixLevel = 2 | 4 | 6;

/** The remainder beyond the top products; no HS code has letters, so it cannot clash with one. */
export const OTHER_PRODUCTS = 'OTHER';

export interface ProductShare {
  product: ProductCode;
  value: UsdCents;
  sharePercent: Computed<number>;
}

export interface ProductMix {
  level: MixLevel;
  /** Sum of every product, exactly; the parts always add up to it. */
  total: UsdCents;
  /** Largest first, ties by code. */
  products: ProductShare[];
}

const HS_CODE = /^\d{2}(\d{2}){0,2}$/;

/**
 * Aggregates product values to HS chapters (2), headings (4) or subheadings (6) by code prefix. 'TOTAL' is left out,
 * so the mix is the sum of the products given. A code coarser than the level cannot be split, and codes of different
 * lengths would count the same trade twice, so both are rejected.
 */
export function productMix(valuesByProduct: ReadonlyMap<ProductCode, UsdCents>, level: MixLevel): ProductMix {
  const byCode = new Map<ProductCode, UsdCents>();
  let codeLength: number | undefined;
  for (const [product, value] of valuesByProduct) {
    if (product === 'TOTAL') continue;
    codeLength ??= product.length;
    if (!HS_CODE.test(product) || product.length < level || product.length !== codeLength) {
      throw new DomainError('VALIDATION_FAILED', {
        problem: `product ${product}: HS${level} needs HS codes all of one length, at least ${level} digits`,
      });
    }
    const code = product.slice(0, level);
    byCode.set(code, (byCode.get(code) ?? 0n) + value);
  }
  const total = [...byCode.values()].reduce((sum, value) => sum + value, 0n);
  const products = [...byCode]
    .sort(largestFirst)
    .map(([product, value]) => ({ product, value, sharePercent: sharePercent(value, total) }));
  return { level, total, products };
}

/** The n largest products and, when others remain, OTHER last with their sum, so the parts still make the total. */
export function topProducts(mix: ProductMix, n: number): ProductMix {
  const top = mix.products.slice(0, Math.max(0, n));
  if (top.length === mix.products.length) return mix;
  const rest = mix.products.slice(top.length).reduce((sum, part) => sum + part.value, 0n);
  const other = { product: OTHER_PRODUCTS, value: rest, sharePercent: sharePercent(rest, mix.total) };
  return { ...mix, products: [...top, other] };
}
