import { describe, expect, it } from 'vitest';
import { manualProvider } from './index.js';

describe('manual payout provider', () => {
  it('records only: same reference for the same order id, status as configured', async () => {
    const p = manualProvider.create();
    const r = { orderId: 'o1', amount: '100.00', currency: 'MXN', clabe: '012298026516924616', holderName: 'A', description: 'd' };
    expect(await p.createPayout(r)).toEqual(await p.createPayout(r));
    expect((await p.createPayout(r)).status).toBe('succeeded');
    expect((await manualProvider.create({ markAs: 'pending' }).createPayout(r)).status).toBe('pending');
    expect(await p.getPayoutByOrderId()).toBeUndefined();
  });
});
