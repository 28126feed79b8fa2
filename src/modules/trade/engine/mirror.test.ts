import { describe, expect, it } from 'vitest';
import { notComputable } from './computed.ts';
import { mirror, pickMirrorValue } from './mirror.ts';

describe('mirror', () => {
  it("measures the gap as the importer's value minus the exporter's, positive when CIF exceeds FOB", () => {
    const pair = mirror({ exporterReported: 1000n, importerReported: 1060n });
    expect(pair.gap).toEqual({ ok: true, value: 60n });
    expect(pair.gapPercent).toEqual({ ok: true, value: 6 });
  });

  it('gives a negative gap when the importer records less than the exporter shipped', () => {
    const pair = mirror({ exporterReported: 1000n, importerReported: 900n });
    expect(pair.gap).toEqual({ ok: true, value: -100n });
    expect(pair.gapPercent).toEqual({ ok: true, value: -10 });
  });

  it('has no gap with one side missing, and no gap percentage over an exporter reporting 0', () => {
    expect(mirror({ exporterReported: 1000n }).gap).toEqual(notComputable('missing_current'));
    expect(mirror({ importerReported: 1000n }).gap).toEqual(notComputable('missing_base'));
    const zero = mirror({ exporterReported: 0n, importerReported: 5n });
    expect(zero.gap).toEqual({ ok: true, value: 5n });
    expect(zero.gapPercent).toEqual(notComputable('zero_base'));
  });
});

describe('pickMirrorValue', () => {
  const both = mirror({ exporterReported: 1000n, importerReported: 1060n });
  const exporterOnly = mirror({ exporterReported: 1000n });
  const neither = mirror({});

  it.each([
    ['exporter', both, { ok: true, value: 1000n }],
    ['importer', both, { ok: true, value: 1060n }],
    ['max', both, { ok: true, value: 1060n }],
    ['max', mirror({ exporterReported: 1000n, importerReported: 900n }), { ok: true, value: 1000n }],
    ['importer_else_exporter', both, { ok: true, value: 1060n }],
    ['importer', exporterOnly, notComputable('no_data')],
    ['max', exporterOnly, { ok: true, value: 1000n }],
    ['importer_else_exporter', exporterOnly, { ok: true, value: 1000n }],
    ['max', neither, notComputable('no_data')],
    ['importer_else_exporter', neither, notComputable('no_data')],
  ] as const)('%s of %o is %o', (side, pair, expected) => {
    expect(pickMirrorValue(pair, side)).toEqual(expected);
  });
});
