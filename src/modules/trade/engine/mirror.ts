import type { UsdCents } from '../model.ts';
import { computed, notComputable, type Computed } from './computed.ts';
import { growthPercent } from './ratio.ts';

/** One shipment as both sides report it: A's exports to B, and B's imports from A. */
export interface MirrorInput {
  exporterReported?: UsdCents | undefined;
  importerReported?: UsdCents | undefined;
}

export interface Mirror {
  exporterReported: UsdCents | undefined;
  importerReported: UsdCents | undefined;
  /** Importer's value minus exporter's: usually positive, since imports are valued CIF (with freight and insurance) and exports FOB. */
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
  const { exporterReported: exporter, importerReported: importer } = pair;
  const chosen =
    side === 'exporter'
      ? exporter
      : side === 'importer'
        ? importer
        : side === 'importer_else_exporter'
          ? (importer ?? exporter)
          : exporter === undefined || (importer !== undefined && importer > exporter)
            ? importer
            : exporter;
  return chosen === undefined ? notComputable('no_data') : computed(chosen);
}
