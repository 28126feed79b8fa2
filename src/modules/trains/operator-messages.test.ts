import { describe, expect, it } from 'vitest';
import { domainErrorOf } from '../../errors/testing.ts';
import { readOperatorMessages } from './operator-messages.ts';

const DEPARTURE = '2b1c8a7e-0000-4000-8000-000000000001';
const BOOKING = '9f0e1d2c-0000-4000-8000-000000000002';

describe("operators' messages as CSV", () => {
  it('reads departure and booking events, one a row, with their lines', () => {
    const messages = readOperatorMessages(
      [
        'departure,booking,kind,node,at,delay_minutes,reason',
        `${DEPARTURE},,border_crossed,KZ-DOSTYK,2026-12-03T22:10Z,,`,
        `${DEPARTURE},,delayed,,2026-12-04T02:00Z,180,wagon repair at Dostyk`,
        `,${BOOKING},delivered,,,,`,
      ].join('\n'),
    );
    expect(messages).toEqual([
      { line: 2, departure: DEPARTURE, kind: 'border_crossed', node: 'KZ-DOSTYK', at: Date.parse('2026-12-03T22:10Z') / 60_000, delayMinutes: undefined, reason: undefined },
      { line: 3, departure: DEPARTURE, kind: 'delayed', node: undefined, at: Date.parse('2026-12-04T02:00Z') / 60_000, delayMinutes: 180, reason: 'wagon repair at Dostyk' },
      { line: 4, booking: BOOKING, kind: 'delivered', at: undefined, reason: undefined },
    ]);
  });

  it('names the line and field of every problem, and reads nothing', () => {
    const error = domainErrorOf(() =>
      readOperatorMessages(
        [
          'departure,booking,kind,node,at,delay_minutes,reason',
          `${DEPARTURE},,teleported,,,,`,
          `${DEPARTURE},,delayed,,03.12.2026,,`,
          `${DEPARTURE},${BOOKING},loaded,,,,`,
          `,${BOOKING},departed,,,,`,
          `not-an-id,,departed,,,,`,
        ].join('\n'),
      ),
    );
    expect(error.code).toBe('OPERATOR_MESSAGES_INVALID');
    expect(error.params).toEqual({ line: 2, field: 'kind', problems: 6 });
    expect((error.details as { line: number; field: string }[]).map(({ line, field }) => `${line} ${field}`)).toEqual(['2 kind', '3 at', '3 delay_minutes', '4 booking', '5 kind', '6 departure']);
  });

  it('refuses a delay longer than 90 days', () => {
    const error = domainErrorOf(() => readOperatorMessages(['departure,kind,delay_minutes', `${DEPARTURE},delayed,99999999999`].join('\n')));
    expect(error.details).toEqual([expect.objectContaining({ line: 2, field: 'delay_minutes' })]);
  });

  it('refuses a file without a kind column', () => {
    expect(domainErrorOf(() => readOperatorMessages(`departure,node\n${DEPARTURE},KZ-DOSTYK`)).params).toMatchObject({ line: 1, field: 'kind' });
  });
});
