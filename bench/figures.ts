/** What every benchmark's command line and report share: counts as people write them, and nearest-rank percentiles. */

/** A whole number written as `1000`, `1_000`, `10k`, `1M` or `1e6`; the error names the option. */
export function parseCount(text: string, name: string): number {
  const match = /^([\d_.]+(?:e\d+)?)([kKmM]?)$/.exec(text.trim());
  const value = match ? Number(match[1]!.replace(/_/g, '')) * ({ k: 1e3, m: 1e6 }[match[2]!.toLowerCase()] ?? 1) : NaN;
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`${name}: "${text}" is not a whole number`);
  return value;
}

/** The index of the nearest-rank percentile `p` in `length` sorted samples: with 100 samples, p95 is the 95th. */
export const nearestRank = (length: number, p: number): number => Math.min(length - 1, Math.max(0, Math.ceil(p * length) - 1));
