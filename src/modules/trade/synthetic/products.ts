import { SeededRandom } from './random.ts';

/**
 * Approximate number of HS 2017 subheadings per chapter (5,050 in all; chapter 77 is reserved), so the synthetic
 * product list has the real shape: machinery (84), electrical (85) and organic chemicals (29) dominate the codes.
 */
const SUBHEADINGS: Record<number, number> = {
  1: 25, 2: 55, 3: 200, 4: 35, 5: 15, 6: 15, 7: 60, 8: 60, 9: 30, 10: 20, 11: 35, 12: 45, 13: 10, 14: 5, 15: 50,
  16: 30, 17: 15, 18: 10, 19: 15, 20: 50, 21: 15, 22: 25, 23: 20, 24: 10, 25: 70, 26: 35, 27: 45, 28: 130, 29: 320,
  30: 35, 31: 25, 32: 35, 33: 25, 34: 20, 35: 10, 36: 8, 37: 25, 38: 70, 39: 110, 40: 50, 41: 25, 42: 20, 43: 5,
  44: 80, 45: 5, 46: 10, 47: 15, 48: 85, 49: 15, 50: 7, 51: 25, 52: 120, 53: 15, 54: 65, 55: 105, 56: 25, 57: 15,
  58: 30, 59: 15, 60: 40, 61: 105, 62: 150, 63: 50, 64: 25, 65: 10, 66: 5, 67: 5, 68: 50, 69: 20, 70: 70, 71: 45,
  72: 190, 73: 95, 74: 50, 75: 15, 76: 40, 78: 5, 79: 10, 80: 5, 81: 55, 82: 65, 83: 25, 84: 500, 85: 300, 86: 25,
  87: 95, 88: 25, 89: 25, 90: 160, 91: 50, 92: 20, 93: 20, 94: 55, 95: 35, 96: 55, 97: 10,
};

/** Rough shares of world trade by chapter (percent); chapters not listed share the rest evenly. */
const CHAPTER_SHARE: Record<number, number> = {
  85: 14, 84: 12, 27: 12, 87: 7, 30: 4, 71: 4, 90: 3, 39: 3, 29: 2.5, 72: 2, 26: 1.5, 38: 1.5, 73: 1.5, 88: 1, 94: 1,
  62: 1, 61: 1, 40: 1, 74: 1, 76: 0.8, 48: 0.8, 12: 0.8, 2: 0.8, 3: 0.8, 28: 0.8, 33: 0.7, 44: 0.6, 10: 0.6, 8: 0.6,
  22: 0.6, 89: 0.6, 15: 0.5,
};

/** Typical unit value by chapter, in thousands of USD per metric ton (crude oil ~0.5, gold ~50,000). */
const UNIT_VALUE: Record<number, number> = {
  25: 0.05, 26: 0.1, 27: 0.5, 10: 0.25, 12: 0.5, 31: 0.4, 72: 0.8, 44: 0.4, 47: 0.6, 84: 15, 85: 25, 87: 12, 88: 300,
  90: 80, 30: 60, 71: 2000, 91: 150, 97: 500,
};

export interface SyntheticProduct {
  /** Six digits with leading zeros, as the HS writes them. */
  code: string;
  /** Relative weight: how often and how much the product is traded. */
  weight: number;
  /** Thousands of USD per metric ton. */
  unitValue: number;
}

// Subheading suffixes in the order the HS tends to use them: round tens first, then their splits.
const SUFFIXES = [10, 20, 30, 40, 50, 60, 70, 80, 90, ...Array.from({ length: 90 }, (_, i) => i + 10).filter((n) => n % 10 !== 0)];

/** The product list is fixed (its own seed), so datasets of different seeds share codes. */
export function syntheticProducts(): SyntheticProduct[] {
  const random = new SeededRandom(2017);
  const products: SyntheticProduct[] = [];
  const listed = Object.values(CHAPTER_SHARE).reduce((a, b) => a + b, 0);
  const unlisted = Object.keys(SUBHEADINGS).filter((c) => CHAPTER_SHARE[Number(c)] === undefined).length;
  for (const [chapterText, count] of Object.entries(SUBHEADINGS)) {
    const chapter = Number(chapterText);
    const share = CHAPTER_SHARE[chapter] ?? (100 - listed) / unlisted;
    const headings = Math.min(90, Math.max(1, Math.round(count / 5)));
    const perHeading = new Array<number>(headings).fill(1);
    for (let left = count - headings; left > 0; ) {
      const h = Math.floor(random.next() * headings);
      if (perHeading[h]! < SUFFIXES.length) {
        perHeading[h]! += 1;
        left -= 1;
      }
    }
    for (let h = 0; h < headings; h++) {
      const suffixes = SUFFIXES.slice(0, perHeading[h]).sort((a, b) => a - b);
      for (const suffix of suffixes) {
        const code = `${String(chapter).padStart(2, '0')}${String(h + 1).padStart(2, '0')}${String(suffix)}`;
        products.push({
          code,
          weight: (share / count) * random.logNormal(0, 1),
          unitValue: (UNIT_VALUE[chapter] ?? 3) * random.logNormal(0, 0.5),
        });
      }
    }
  }
  return products.sort((a, b) => (a.code < b.code ? -1 : 1));
}
