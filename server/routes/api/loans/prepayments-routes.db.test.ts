import type { InjectOptions } from 'fastify';
import { describe, expect, it } from 'vitest';
import { useRouteApp } from '../../../../test/support/route-app.js';
import { sampleTerms } from '../../../../test/support/sample-terms.js';

// The loan tab's payment route with a prepayment mode, through the whole app (issue 13 item 4):
// TypeBox refuses an unknown mode, the one error table answers in the caller's language, the
// rebuilt schedule is the loan's new version and the old one stays readable.
const t = useRouteApp(['pa', 'pb']);
const { auth } = t;
const inject = (opts: InjectOptions) => t.app.inject(opts);

describe('POST /api/v1/deals/:dealId/payments with a prepayment mode', () => {
  it('books a reduce-installment prepayment once and shows the new schedule version', async () => {
    const h = auth('pa', 30);
    await inject({ method: 'PUT', url: '/api/v1/deals/30/loan', headers: h, payload: { loan: sampleTerms(12) } });
    const pre = { id: 'pre-30', date: '2024-02-01', amount: '15000.50', prepaymentMode: 'reduce-installment' };
    const r1 = await inject({ method: 'POST', url: '/api/v1/deals/30/payments', headers: h, payload: pre });
    expect(r1.statusCode).toBe(201);
    expect(r1.json()).toMatchObject({ replayed: false, version: 2, payment: { id: 'pre-30', prepaymentMode: 'reduce-installment' } });
    const r2 = await inject({ method: 'POST', url: '/api/v1/deals/30/payments', headers: h, payload: pre });
    expect(r2.statusCode).toBe(200);
    expect(r2.json()).toMatchObject({ replayed: true, payment: { entryId: r1.json().payment.entryId } });

    const view = (await inject({ method: 'GET', url: '/api/v1/deals/30/loan?asOf=2024-03-20', headers: h })).json();
    expect(view.version).toBe(2);
    expect(view.payments).toEqual([expect.objectContaining({ id: 'pre-30', prepaymentMode: 'reduce-installment' })]);
    expect(view.schedule.rows).toHaveLength(12);

    const list = await inject({ method: 'GET', url: '/api/v1/deals/30/loan/schedule-versions', headers: h });
    expect(list.json()).toMatchObject({
      current: 2,
      versions: [
        { version: 1, reason: 'save' },
        { version: 2, reason: 'prepayment:pre-30' },
      ],
    });
    const v1 = (await inject({ method: 'GET', url: '/api/v1/deals/30/loan/schedule-versions/1', headers: h })).json();
    const v2 = (await inject({ method: 'GET', url: '/api/v1/deals/30/loan/schedule-versions/2', headers: h })).json();
    expect(v1).toMatchObject({ version: 1, baseVersion: null });
    expect(v2).toMatchObject({ version: 2, baseVersion: 1 });
    expect(Number(v2.schedule.rows[11].total)).toBeLessThan(Number(v1.schedule.rows[11].total));
    const other = await inject({ method: 'GET', url: '/api/v1/deals/30/loan/schedule-versions/1', headers: auth('pb', 30) });
    expect(other.statusCode).toBe(404);
  });

  it('refuses in the caller language, next to the field, and books nothing', async () => {
    const h = auth('pa', 30);
    const over = { id: 'pre-31', date: '2024-04-01', amount: '500000', prepaymentMode: 'reduce-term' };
    const es = await inject({
      method: 'POST',
      url: '/api/v1/deals/30/payments',
      headers: { ...h, 'accept-language': 'es-MX' },
      payload: over,
    });
    expect(es.statusCode).toBe(422);
    expect(es.json()).toMatchObject({ error: 'PREPAYMENT_OVER_PAYOFF', details: { field: 'amount' } });
    expect(es.json().message).toMatch(/^El prepago es mayor que la liquidación al 2024-04-01: como máximo \d+\.\d\d RUB\.$/);
    const ru = await inject({
      method: 'POST',
      url: '/api/v1/deals/30/payments',
      headers: { ...h, 'accept-language': 'ru-RU' },
      payload: { ...over, amount: '100', date: '2024-01-10' },
    });
    expect(ru.json()).toMatchObject({ error: 'PAYMENT_BEFORE_DISBURSEMENT', message: 'Дата платежа раньше выдачи займа.' });
    const bad = await inject({
      method: 'POST',
      url: '/api/v1/deals/30/payments',
      headers: h,
      payload: { ...over, prepaymentMode: 'skip' },
    });
    expect(bad.statusCode).toBe(400);
    await inject({
      method: 'PUT',
      url: '/api/v1/deals/32/loan',
      headers: auth('pa', 32),
      payload: { loan: sampleTerms(12, { method: 'flat' }) },
    });
    const flat = await inject({
      method: 'POST',
      url: '/api/v1/deals/32/payments',
      headers: { ...auth('pa', 32), 'accept-language': 'ru' },
      payload: { ...over, amount: '100' },
    });
    expect(flat.json()).toMatchObject({ error: 'PREPAYMENT_MODE_NOT_ALLOWED', details: { field: 'prepaymentMode' } });
    expect(flat.json().message).toContain('возможна только оплата вперёд');
    const view = (await inject({ method: 'GET', url: '/api/v1/deals/30/loan', headers: h })).json();
    expect(view.payments.map((p: { id: string }) => p.id)).toEqual(['pre-30']);
  });
});
