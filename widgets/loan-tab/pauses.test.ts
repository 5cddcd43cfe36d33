import { describe, expect, it } from 'vitest';
import { withoutPause, withPause } from './pauses.js';

const disbursed = '2026-06-01';

describe('loan pauses as the tab edits them', () => {
  it('adds a backdated pause in date order, keeping the grace days; an empty end leaves it open', () => {
    const first = withPause({ graceDays: 3 }, { from: '2026-09-01', to: '', reason: 'court-stay' }, disbursed);
    expect(first).toEqual({ ok: true, delinquency: { graceDays: 3, pauses: [{ from: '2026-09-01', reason: 'court-stay' }] } });
    const d = first.ok ? first.delinquency : undefined;
    const closed = withPause(withoutPause(d, 0), { from: '2026-07-01', to: '2026-08-01', reason: 'payment-holiday' }, disbursed);
    expect(closed.ok && closed.delinquency.pauses).toEqual([{ from: '2026-07-01', to: '2026-08-01', reason: 'payment-holiday' }]);
  });

  it('refuses what servicing would refuse, naming the field to fix', () => {
    const held = { pauses: [{ from: '2026-07-01', to: '2026-08-01' }] };
    expect(withPause(held, { from: '2026-07-15', to: '', reason: 'other' }, disbursed)).toEqual({
      ok: false,
      issue: { code: 'PAUSE_OVERLAP', field: 'from' },
    });
    expect(withPause(undefined, { from: '2026-05-01', to: '', reason: 'other' }, disbursed)).toMatchObject({
      issue: { code: 'PAUSE_BEFORE_DISBURSEMENT', field: 'from' },
    });
    expect(withPause(undefined, { from: '2026-07-01', to: '2026-07-01', reason: 'other' }, disbursed)).toMatchObject({
      issue: { code: 'PAUSE_EMPTY', field: 'to' },
    });
    expect(withPause(undefined, { from: '', to: '', reason: 'other' }, disbursed)).toMatchObject({
      issue: { code: 'INVALID_DATE', field: 'from' },
    });
  });

  it('removing the last pause leaves only what else was set', () => {
    expect(withoutPause({ pauses: [{ from: '2026-07-01' }] }, 0)).toBeUndefined();
    expect(withoutPause({ graceDays: 5, pauses: [{ from: '2026-07-01' }] }, 0)).toEqual({ graceDays: 5 });
  });
});
