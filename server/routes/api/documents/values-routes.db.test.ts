import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../app.js';
import { loadConfig } from '../../../config.js';
import type { Db } from '../../../db/database.js';
import { catalogLabels, openDocumentApplication } from '../../../../test/support/document-application.js';
import { createTestDb, insertTestPortal } from '../../../../test/support/test-db.js';

// Banks and application values through the whole app on both dialects: admins keep the banks
// directory, a deal's user fills base values and overrides one bank, resets it, reads the history;
// a wrong value answers in the caller's language and changes nothing.
const env = { ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'), SESSION_SECRET: 's'.repeat(32), LOG_LEVEL: 'silent', WORKER: 'off' };
let db: Db;
let app: FastifyInstance;

const headers = (o: { admin?: boolean; dealId?: number; lang?: string } = {}) => ({
  authorization: `Bearer ${app.sessions.issue({ portalId: 'pv', userId: 9, isAdmin: o.admin ?? false, ...(o.dealId ? { dealId: o.dealId } : {}) })}`,
  'accept-language': o.lang ?? 'en-US',
});
const bank = (name: string) => ({
  name,
  emails: ['credito@banco.example'],
  replySenders: ['@banco.example'],
  phones: [],
  requiredFields: ['loan.term'],
});
const deal = 31;
const values = (payload: Record<string, unknown>, lang = 'en') =>
  app.inject({ method: 'PUT', url: `/api/v1/deals/${deal}/documents/values`, headers: headers({ dealId: deal, lang }), payload });

beforeAll(async () => {
  db = await createTestDb();
  app = await buildApp({ config: loadConfig(env), db });
  await app.ready();
  await insertTestPortal(db, 'pv');
  const fields = [
    { code: 'borrower.address', label: catalogLabels('Address'), type: 'address', section: 'borrower' },
    { code: 'loan.term', label: catalogLabels('Term'), type: 'number', section: 'loan' },
  ];
  await openDocumentApplication(app, { admin: headers({ admin: true }), user: headers({ dealId: deal }), dealId: deal, fields });
});
afterAll(async () => {
  await app?.close();
  await db?.close();
});

describe('document banks and values API', () => {
  let bankA = '';
  let bankB = '';

  it('lets administrators keep the banks directory; a bad e-mail or a taken name is refused', async () => {
    const post = (body: Record<string, unknown>, h = headers({ admin: true })) =>
      app.inject({ method: 'POST', url: '/api/v1/documents/banks', headers: h, payload: body });
    expect((await post(bank('Banco A'), headers())).statusCode).toBe(403);
    const a = await post(bank('Banco A'));
    expect(a.statusCode, a.body).toBe(200);
    bankA = a.json().bank.id;
    bankB = (await post(bank('Banco B'))).json().bank.id;
    expect((await post({ ...bank('Banco C'), emails: ['not-an-address'] })).statusCode).toBe(400);
    const taken = await post(bank('Banco A'), headers({ admin: true, lang: 'es-MX' }));
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({
      error: 'DOCUMENT_BANK_NAME_TAKEN',
      message: 'Ya existe un banco llamado «Banco A». Elija otro nombre.',
    });
    const list = await app.inject({ method: 'GET', url: '/api/v1/documents/banks', headers: headers() });
    expect(list.json().banks.map((b: { name: string }) => b.name)).toEqual(['Banco A', 'Banco B']);
  });

  it('fills base values, overrides one bank, resets it to base, and keeps the history', async () => {
    const empty = await app.inject({ method: 'GET', url: `/api/v1/deals/${deal}/documents/values`, headers: headers({ dealId: deal }) });
    // Both banks need loan.term, not typed yet: the server counts it missing for each.
    expect(empty.json().banks.map((b: { name: string; required: number; missing: string[] }) => [b.name, b.required, b.missing])).toEqual([
      ['Banco A', 1, ['loan.term']],
      ['Banco B', 1, ['loan.term']],
    ]);
    const base = await values({ values: { 'borrower.address': 'Av. Reforma 222, CDMX', 'loan.term': 12 } });
    expect(base.statusCode, base.body).toBe(200);
    const over = await values({ bankId: bankB, values: { 'loan.term': 18 } });
    const banks = over.json().banks as { bankId: string; values: { code: string; value: unknown; source: string }[] }[];
    expect(banks.find((b) => b.bankId === bankA)!.values).toEqual([
      { code: 'borrower.address', value: 'Av. Reforma 222, CDMX', source: 'base' },
      { code: 'loan.term', value: 12, source: 'base' },
    ]);
    expect(banks.find((b) => b.bankId === bankB)!.values[1]).toEqual({ code: 'loan.term', value: 18, source: 'override' });
    expect(over.json().banks.map((b: { required: number; missing: string[] }) => [b.required, b.missing])).toEqual([
      [1, []],
      [1, []],
    ]);
    const raw = JSON.stringify(await db.kysely.selectFrom('document_values').selectAll().execute());
    expect(raw).not.toContain('Reforma');

    const reset = await app.inject({
      method: 'DELETE',
      url: `/api/v1/deals/${deal}/documents/values/banks/${bankB}/loan.term`,
      headers: headers({ dealId: deal }),
    });
    expect(reset.statusCode, reset.body).toBe(200);
    expect(reset.json().banks.find((b: { bankId: string }) => b.bankId === bankB).values[1]).toEqual({
      code: 'loan.term',
      value: 12,
      source: 'base',
    });

    const history = await app.inject({
      method: 'GET',
      url: `/api/v1/deals/${deal}/documents/values/history`,
      headers: headers({ dealId: deal }),
    });
    expect(
      history
        .json()
        .history.map((h: { bankId: string | null; code: string; old: unknown; new: unknown }) => [h.bankId, h.code, h.old, h.new]),
    ).toEqual([
      [null, 'borrower.address', null, 'Av. Reforma 222, CDMX'],
      [null, 'loan.term', null, 12],
      [bankB, 'loan.term', null, 18],
      [bankB, 'loan.term', 18, null],
    ]);
  });

  it('refuses a wrong type in the caller language, changing nothing, and other deals’ sessions', async () => {
    const before = (await app.inject({ method: 'GET', url: `/api/v1/deals/${deal}/documents/values`, headers: headers({ dealId: deal }) }))
      .body;
    const wrong = await values({ values: { 'borrower.address': 'Calle 5', 'loan.term': 'doce' } }, 'es-MX');
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json()).toMatchObject({ error: 'DOCUMENT_VALUE_TYPE', message: 'El campo «Term es» debe ser: un número.' });
    const after = (await app.inject({ method: 'GET', url: `/api/v1/deals/${deal}/documents/values`, headers: headers({ dealId: deal }) }))
      .body;
    expect(after).toBe(before);
    const foreign = await app.inject({
      method: 'GET',
      url: `/api/v1/deals/${deal}/documents/values`,
      headers: headers({ dealId: deal + 1 }),
    });
    expect(foreign.statusCode).toBe(403);
    const noApp = await app.inject({ method: 'GET', url: '/api/v1/deals/99/documents/values', headers: headers({ dealId: 99 }) });
    expect(noApp.statusCode).toBe(404);
  });
});
