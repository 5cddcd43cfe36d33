import { describe, expect, it } from 'vitest';
import { APP_ORIGIN, fakeSessionServer } from '../../test/fakes/session-server.js';
import { RENEW_PATH } from '../shared/session-client.js';
import { ApiError, createApi } from './api.js';
import type { PortalAuth } from './bridge.js';

// The loan tab's calls over the shared session client (whose renewal rules are tested in
// widgets/shared/session-client.test.ts): what renewal means for a loan, a payment, the calculator.
const auth: PortalAuth = { accessToken: 'fresh', memberId: 'm', domain: 'https://portal.test' };
const loan = { principal: '1000' } as never;
const framed = { baseUrl: APP_ORIGIN, sessionToken: 't1', portalAuth: async () => auth };

describe('loan tab api', () => {
  it('a payment repeated after renewal carries the same payment id: the server sees one payment', async () => {
    const s = fakeSessionServer();
    const api = createApi(framed, s.fetchFn);
    await api.registerPayment('7', { id: 'pay-1', date: '2025-01-10', amount: '10.00' });
    expect(s.trail()).toEqual([
      ['/api/v1/deals/7/payments', 't1'],
      [RENEW_PATH, 't1'],
      ['/api/v1/deals/7/payments', 't2'],
    ]);
    expect(s.seen[2]!.body).toEqual(s.seen[0]!.body);
    expect(s.seen[2]!.body).toMatchObject({ id: 'pay-1' });
  });

  it('loads, saves and pays through one renewal when all three find the session expired', async () => {
    const s = fakeSessionServer();
    const api = createApi(framed, s.fetchFn);
    await Promise.all([api.saveLoan('7', loan), api.loadLoan('7'), api.registerPayment('7', { id: 'p', date: '2025-01-10', amount: '1' })]);
    expect(s.renewals()).toBe(1);
  });

  it('loadLoan is null when the deal has no loan yet; other errors are ApiErrors', async () => {
    const s = fakeSessionServer({
      valid: ['t1'],
      answer: (path) =>
        path.startsWith('/api/v1/deals/7/') ? { status: 404, json: { error: 'NOT_FOUND', message: 'no loan' } } : { status: 500, json: {} },
    });
    const api = createApi(framed, s.fetchFn);
    expect(await api.loadLoan('7')).toBeNull();
    await expect(api.loadLoan('8')).rejects.toBeInstanceOf(ApiError);
  });

  it('a reversal posts the reason to the payment; a blank note is not sent; a refusal keeps its code', async () => {
    const s = fakeSessionServer({
      valid: ['t1'],
      answer: (path) =>
        path.endsWith('/pay%2F2/reversal')
          ? { status: 409, json: { error: 'LOAN_CLOSED', message: 'closed', details: { reason: 'DEAL_DELETED' } } }
          : { status: 201, json: { reversal: { paymentId: 'pay-1', reasonCode: 'DUPLICATE' }, replayed: false } },
    });
    const api = createApi(framed, s.fetchFn);
    await api.reversePayment('7', 'pay-1', { reasonCode: 'DUPLICATE', note: '  counted twice ' });
    await api.reversePayment('7', 'pay-1', { reasonCode: 'DUPLICATE', note: '   ' });
    expect(s.seen.map((x) => [x.method, x.path, x.body])).toEqual([
      ['POST', '/api/v1/deals/7/payments/pay-1/reversal', { reasonCode: 'DUPLICATE', note: 'counted twice' }],
      ['POST', '/api/v1/deals/7/payments/pay-1/reversal', { reasonCode: 'DUPLICATE' }],
    ]);
    await expect(api.reversePayment('7', 'pay/2', { reasonCode: 'BOUNCED' })).rejects.toMatchObject({
      status: 409,
      code: 'LOAN_CLOSED',
      details: { reason: 'DEAL_DELETED' },
    });
  });

  it('bindDeal sends the new deal id as a number; later saves carry the bound token', async () => {
    const s = fakeSessionServer({ valid: ['t1'] });
    const api = createApi(framed, s.fetchFn);
    await api.bindDeal('7');
    expect(s.seen[0]).toMatchObject({ path: RENEW_PATH, bearer: 't1', body: { auth, dealId: 7 } });
    await api.saveLoan('7', loan, 'p-12');
    expect(s.seen[1]).toMatchObject({ path: '/api/v1/deals/7/loan', bearer: 't2', body: { loan, productId: 'p-12' } });
  });

  it('without portal auth (a page outside the frame) the expired session stays expired', async () => {
    const s = fakeSessionServer();
    const api = createApi({ baseUrl: APP_ORIGIN, sessionToken: 't1' }, s.fetchFn);
    await expect(api.saveLoan('7', loan)).rejects.toMatchObject({ status: 401, code: 'SESSION_INVALID' });
    expect(s.renewals()).toBe(0);
  });
});
