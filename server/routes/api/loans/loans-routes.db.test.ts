import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../app.js';
import { loadConfig } from '../../../config.js';
import type { Db } from '../../../db/database.js';
import { createTestDb, insertTestPortal } from '../../../../test/support/test-db.js';
import { sampleTerms } from '../../../../test/support/sample-terms.js';

// The loan API through the whole app (real sessions from the platform's signer, real outbox).
const env = { ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'), SESSION_SECRET: 's'.repeat(32), LOG_LEVEL: 'silent', WORKER: 'off' };
let db: Db;
let app: FastifyInstance;

const addPortal = (id: string): Promise<void> => insertTestPortal(db, id);

function auth(portalId: string, dealId: number | undefined, isAdmin = false) {
  return { authorization: `Bearer ${app.sessions.issue({ portalId, userId: 5, ...(dealId === undefined ? {} : { dealId }), isAdmin })}` };
}

beforeAll(async () => {
  db = await createTestDb();
  app = await buildApp({ config: loadConfig(env), db });
  await app.ready();
  await addPortal('pa');
  await addPortal('pb');
});
afterAll(async () => {
  await app?.close();
  await db?.close();
});

describe('loan API', () => {
  it('saves, reads, registers and reverses a payment for the session deal', async () => {
    const h = auth('pa', 10);
    expect((await app.inject({ method: 'GET', url: '/api/v1/deals/10/loan', headers: h })).statusCode).toBe(404);

    const saved = await app.inject({ method: 'PUT', url: '/api/v1/deals/10/loan', headers: h, payload: { loan: sampleTerms(12) } });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ version: 1, created: true });
    expect(saved.json().schedule.rows).toHaveLength(12);
    const jobs = await db.kysely.selectFrom('outbox_jobs').select(['kind', 'portal_id']).execute();
    expect(jobs).toEqual([{ kind: 'loan.sync', portal_id: 'pa' }]);

    const again = await app.inject({ method: 'POST', url: '/api/v1/deals/10/loan', headers: h, payload: { loan: sampleTerms(12) } });
    expect(again.json()).toMatchObject({ version: 1, changed: false });

    const pay = { id: 'c0ffee-1', date: '2024-02-15', amount: '2000.00', method: 'cash', reference: 'receipt 17' };
    const p1 = await app.inject({ method: 'POST', url: '/api/v1/deals/10/payments', headers: h, payload: pay });
    expect(p1.statusCode).toBe(201);
    const body = p1.json();
    expect(body.replayed).toBe(false);
    expect(body.payment.allocation).toMatchObject({ amount: '2000.00', interest: '1500.00', principal: '500.00' });
    const p2 = await app.inject({ method: 'POST', url: '/api/v1/deals/10/payments', headers: h, payload: pay });
    expect(p2.statusCode).toBe(200);
    expect(p2.json().payment.entryId).toBe(body.payment.entryId);
    const p3 = await app.inject({ method: 'POST', url: '/api/v1/deals/10/payments', headers: h, payload: { ...pay, amount: '2001' } });
    expect(p3.statusCode).toBe(409);
    expect(p3.json().error).toBe('IDEMPOTENCY_MISMATCH');

    const view = await app.inject({ method: 'GET', url: '/api/v1/deals/10/loan?asOf=2024-03-20', headers: h });
    expect(view.statusCode).toBe(200);
    const v = view.json();
    expect(v.loan).toMatchObject({ principal: '100000', installments: 12 });
    expect(v.payments).toEqual([expect.objectContaining({ id: 'c0ffee-1', amount: '2000.00' })]);
    expect(v.servicing.daysPastDue).toBe(34); // installment 1 (2024-02-15) short since then

    const rev = await app.inject({
      method: 'POST',
      url: '/api/v1/deals/10/payments/c0ffee-1/reversal',
      headers: h,
      payload: { reasonCode: 'BOUNCED', note: 'cheque bounced' },
    });
    expect(rev.statusCode).toBe(201);
    expect(rev.json().reversal).toMatchObject({ amount: '-2000.00', reasonCode: 'BOUNCED' });
    const after = (await app.inject({ method: 'GET', url: '/api/v1/deals/10/loan?asOf=2024-03-20', headers: h })).json();
    expect(after.payments).toEqual([]);
    expect(after.reversedPayments).toHaveLength(1);
  });

  it('refuses an invalid loan with the core code and field', async () => {
    const r = await app.inject({
      method: 'PUT',
      url: '/api/v1/deals/11/loan',
      headers: auth('pa', 11),
      payload: { loan: sampleTerms(12, { principal: '-5' }) },
    });
    expect(r.statusCode, r.body).toBe(422);
    expect(r.json()).toMatchObject({ error: 'LOAN_TERMS_REFUSED', details: { field: 'principal', lendingCode: 'PRINCIPAL_NOT_POSITIVE' } });
    const bad = await app.inject({
      method: 'PUT',
      url: '/api/v1/deals/11/loan',
      headers: auth('pa', 11),
      payload: { loan: sampleTerms(12, { dayCount: 'bogus' }) },
    });
    expect(bad.statusCode, bad.body).toBe(422);
    expect(bad.json().details.field).toBe('dayCount');
    // A padded principal reached `new Decimal` in save-loan (500); the core now refuses it by field.
    const padded = await app.inject({
      method: 'PUT',
      url: '/api/v1/deals/11/loan',
      headers: auth('pa', 11),
      payload: { loan: sampleTerms(12, { principal: ' 100 ' }) },
    });
    expect(padded.statusCode, padded.body).toBe(422);
    expect(padded.json()).toMatchObject({ error: 'LOAN_TERMS_REFUSED', details: { field: 'principal', lendingCode: 'NOT_A_DECIMAL' } });
    expect(await db.kysely.selectFrom('loans').select('id').where('deal_id', '=', 11).execute()).toEqual([]);
  });

  it('a session for deal A cannot touch deal B, another portal, or anything without a deal', async () => {
    const forA = auth('pa', 20);
    for (const [method, url, payload] of [
      ['GET', '/api/v1/deals/10/loan', undefined],
      ['PUT', '/api/v1/deals/10/loan', { loan: sampleTerms(6) }],
      ['POST', '/api/v1/deals/10/payments', { id: 'x', date: '2024-02-15', amount: '1' }],
      ['POST', '/api/v1/deals/10/payments/c0ffee-1/reversal', { reasonCode: 'X' }],
    ] as const) {
      const r = await app.inject({ method, url, headers: forA, ...(payload ? { payload } : {}) });
      expect(r.statusCode, `${method} ${url}`).toBe(403);
    }
    expect((await app.inject({ method: 'GET', url: '/api/v1/deals/10/loan', headers: auth('pa', undefined, true) })).statusCode).toBe(403);
    // same deal id, other portal: its own (empty) world
    expect((await app.inject({ method: 'GET', url: '/api/v1/deals/10/loan', headers: auth('pb', 10) })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/api/v1/deals/10/loan' })).statusCode).toBe(401);
  });
});

describe('products API', () => {
  const product = {
    id: 'consumer',
    name: 'Consumer',
    method: 'annuity',
    rateUnit: 'annual',
    rateMin: '10',
    rateMax: '20',
    termMin: 3,
    termMax: 24,
    dayCount: 'actual/365',
  };

  it('admins write, sessions read active ones, the loan save re-checks ranges', async () => {
    const admin = auth('pa', undefined, true);
    expect(
      (await app.inject({ method: 'PUT', url: '/api/v1/products', headers: auth('pa', 10), payload: { products: [product] } })).statusCode,
    ).toBe(403);
    const put = await app.inject({
      method: 'PUT',
      url: '/api/v1/products',
      headers: admin,
      payload: { products: [product, { ...product, id: 'old', name: 'Old' }] },
    });
    expect(put.statusCode).toBe(200);
    expect(put.json().products).toHaveLength(2);
    await app.inject({ method: 'PUT', url: '/api/v1/products', headers: admin, payload: { products: [product] } });
    const list = await app.inject({ method: 'GET', url: '/api/v1/products', headers: auth('pa', 30) });
    expect(list.json().products.map((p: { id: string }) => p.id)).toEqual(['consumer']);
    const all = await app.inject({ method: 'GET', url: '/api/v1/products?includeInactive=true', headers: admin });
    expect(all.json().products.map((p: { id: string; active: boolean }) => [p.id, p.active])).toEqual([
      ['consumer', true],
      ['old', false],
    ]);
    expect((await app.inject({ method: 'GET', url: '/api/v1/products', headers: auth('pb', 30) })).json().products).toEqual([]);

    const badMethod = await app.inject({
      method: 'PUT',
      url: '/api/v1/products/x',
      headers: admin,
      payload: { ...product, id: 'x', method: 'magic' },
    });
    expect(badMethod.statusCode).toBe(422);
    expect(badMethod.json().details.field).toBe('method');

    const tooLong = await app.inject({
      method: 'PUT',
      url: '/api/v1/deals/30/loan',
      headers: auth('pa', 30),
      payload: { productId: 'consumer', loan: sampleTerms(36) },
    });
    expect(tooLong.statusCode).toBe(422);
    expect(tooLong.json()).toMatchObject({ error: 'PRODUCT_RANGE', details: { field: 'installments' } });
    const ok = await app.inject({
      method: 'PUT',
      url: '/api/v1/deals/30/loan',
      headers: auth('pa', 30),
      payload: { productId: 'consumer', loan: sampleTerms(12) },
    });
    expect(ok.statusCode).toBe(200);
  });
});
