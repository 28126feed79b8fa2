import { describe, expect, it } from 'vitest';
import { notComputable } from './computed.ts';
import { selectFlow, totalTrade, tradeBalance } from './flows.ts';

describe('flows', () => {
  const values = { X: 300n, M: 200n, RX: 40n, RM: 5n };

  it('total trade is exports plus imports; re-exports and re-imports are already inside them', () => {
    expect(totalTrade(values)).toEqual({ ok: true, value: 500n });
    expect(selectFlow(values, 'total')).toEqual({ ok: true, value: 500n });
  });

  it('selects each reported flow by its name', () => {
    expect(selectFlow(values, 'export')).toEqual({ ok: true, value: 300n });
    expect(selectFlow(values, 'import')).toEqual({ ok: true, value: 200n });
    expect(selectFlow(values, 're-export')).toEqual({ ok: true, value: 40n });
    expect(selectFlow(values, 're-import')).toEqual({ ok: true, value: 5n });
  });

  it('the balance is exports minus imports, negative for a deficit', () => {
    expect(tradeBalance(values)).toEqual({ ok: true, value: 100n });
    expect(tradeBalance({ X: 1n, M: 3n })).toEqual({ ok: true, value: -2n });
  });

  it('a total needs both flows and names the one missing; a flow reported as 0 is not missing', () => {
    expect(totalTrade({ X: 300n })).toEqual(notComputable('no_data', ['M']));
    expect(totalTrade({})).toEqual(notComputable('no_data', ['X', 'M']));
    expect(totalTrade({ X: 0n, M: 0n })).toEqual({ ok: true, value: 0n });
    expect(selectFlow({ X: 1n }, 're-export')).toEqual(notComputable('no_data', ['RX']));
  });
});
