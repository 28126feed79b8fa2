import type { UsdCents } from '../model.ts';
import { computed, notComputable, type Computed } from './computed.ts';
import { growthPercent } from './ratio.ts';

/** One flow as both sides report it: A's exports to B, and B's imports from A. */
export interface MirrorInput {
  exporterReported?: UsdCents | undefined;
  importerReported?: UsdCents | undefined;
}

export interface Mirror {
  exporterReported: UsdCents | undefined;
  importerReported: UsdCents | undefined;
  /** Importer's value minus exporter's: usually positive, imports being valued CIF (with freight and insurance). */
  gap: Computed<UsdCents>;
  /** The gap as a percentage of the exporter's value. */
  gapPercent: Computed<number>;
}

export type MirrorSide = 'exporter' | 'importer' | 'max' | 'importer_else_exporter';

export function mirror({ exporterReported, importerReported }: MirrorInput): Mirror {
  const gap =
    importerReported === undefined
      ? notComputable('missing_current')
      : exporterReported === undefined
        ? notComputable('missing_base')
        : computed(importerReported - exporterReported);
  return { exporterReported, importerReported, gap, gapPercent: growthPercent(importerReported, exporterReported) };
}

/**
 * The value to use from a mirror pair. 'max' takes the larger of the values reported (the one there is, if only one);
 * 'importer_else_exporter' prefers the importer, whose customs usually record imports more completely.
 */
export function pickMirrorValue(pair: Mirror, side: MirrorSide): Computed<UsdCents> {
  const chosen = chooseSide(pair.exporterReported, pair.importerReported, side);
  return chosen === undefined ? notComputable('no_data') : computed(chosen);
}

type Reported = UsdCents | undefined;

function chooseSide(exporter: Reported, importer: Reported, side: MirrorSide): Reported {
  switch (side) {
    case 'exporter':
      return exporter;
    case 'importer':
      return importer;
    case 'importer_else_exporter':
      return importer ?? exporter;
    case 'max':
      if (exporter === undefined) return importer;
      return importer !== undefined && importer > exporter ? importer : exporter;
  }
}
