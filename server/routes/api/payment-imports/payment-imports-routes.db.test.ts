import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../app.js';
import { loadConfig } from '../../../config.js';
import type { Db } from '../../../db/database.js';
import { createTestDb, insertTestPortal } from '../../../db/test-db.js';
import { defaultLoanDeps } from '../../../loans/operations/deps.js';
import { saveLoan } from '../../../loans/operations/save-loan.js';
import { sampleTerms } from '../../../loans/sample-terms.js';
import { agentCsv, HEADER, RU_LOCALE, type FileRow } from '../../../payment-files/import/test-support.js';
import { MAX_FILE_BYTES } from '../../../payment-files/parse/limits.js';

// The payment-import API through the whole app: admin sessions only, sizes refused before decoding,
// all-or-nothing answers, and each portal sees only its own imports.
const env = { ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'), SESSION_SECRET: 's'.repeat(32), LOG_LEVEL: 'silent', WORKER: 'off' };
let db: Db;
let app: FastifyInstance;

const auth = (portalId: string, isAdmin: boolean) => ({
  authorization: `Bearer ${app.sessions.issue({ portalId, userId: 5, isAdmin })}`,
});
const body = (rows: FileRow[], dryRun: boolean, fileName = 'agent.csv') => ({
  fileName,
  contentBase64: agentCsv(rows).toString('base64'),
  mapping: HEADER,
  locale: RU_LOCALE,
  dryRun,
});
const post = (headers: Record<string, string>, payload: unknown) =>
  app.inject({ method: 'POST', url: '/api/v1/payment-imports', headers, payload: payload as Record<string, unknown> });

const addPortal = (id: string): Promise<void> => insertTestPortal(db, id);

beforeAll(async () => {
  db = await createTestDb();
  app = await buildApp({ config: loadConfig(env), db });
  await app.ready();
  await addPortal('pa');
  await addPortal('pb');
  for (const deal of [50, 51]) await saveLoan(db.kysely, 'pa', deal, { terms: sampleTerms(12) }, { userId: 5 }, defaultLoanDeps());
});
afterAll(async () => {
  await app?.close();
  await db?.close();
});

describe('payment imports API', () => {
  const rows: FileRow[] = [
    { dealId: 50, date: '2024-02-15', amount: '9167.98', reference: 'OP-1' },
    { dealId: 51, date: '2024-02-15', amount: '500.00' },
  ];

  it('needs a session (401) of a portal administrator (403)', async () => {
    expect((await post({}, body(rows, true))).statusCode).toBe(401);
    expect((await post(auth('pa', false), body(rows, true))).statusCode).toBe(403);
    expect((await app.inject({ method: 'GET', url: '/api/v1/payment-imports', headers: auth('pa', false) })).statusCode).toBe(403);
    expect((await app.inject({ method: 'GET', url: '/api/v1/payment-imports' })).statusCode).toBe(401);
  });

  it('previews, applies, then recognises the re-sent file', async () => {
    const h = auth('pa', true);
    const preview = await post(h, body(rows, true));
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json()).toMatchObject({
      dryRun: true,
      summary: { rows: 2, new: 2, alreadyImported: 0, newTotals: { RUB: '9667.98' } },
      lines: [
        { line: 2, dealId: 50, date: '2024-02-15', amount: '9167.98', reference: 'OP-1', status: 'new' },
        { line: 3, dealId: 51, date: '2024-02-15', amount: '500.00', reference: null, status: 'new' },
      ],
    });
    const applied = await post(h, body(rows, false));
    expect(applied.json().lines.map((l: { status: string }) => l.status)).toEqual(['booked', 'booked']);
    const again = await post(h, body([...rows].reverse(), false, 'agent-resent.csv'));
    expect(again.json().summary).toEqual({ rows: 2, new: 0, alreadyImported: 2, newTotals: {} });
    const payments = await db.kysely.selectFrom('ledger_entries').select('amount').where('kind', '=', 'PAYMENT').execute();
    expect(payments).toHaveLength(2);
  });

  it('refuses a file with one bad line: 422 IMPORT_REFUSED with the issues, nothing booked', async () => {
    const r = await post(
      auth('pa', true),
      body(
        [
          { dealId: 50, date: '2024-03-15', amount: '100.00' },
          { dealId: 77, date: '2024-03-15', amount: '1.00' },
        ],
        false,
      ),
    );
    expect(r.statusCode).toBe(422);
    expect(r.json()).toMatchObject({
      error: 'IMPORT_REFUSED',
      details: { issues: [{ line: 3, column: HEADER.dealId, code: 'LOAN_NOT_FOUND' }] },
    });
    expect(await db.kysely.selectFrom('ledger_entries').select('id').where('kind', '=', 'PAYMENT').execute()).toHaveLength(2);
  });

  it('refuses a file over the size limit with 413 before decoding it, and a malformed body with 400', async () => {
    const tooBig = { ...body(rows, true), contentBase64: 'A'.repeat(Math.ceil((MAX_FILE_BYTES + 1) / 3) * 4) };
    const r = await post(auth('pa', true), tooBig);
    expect(r.statusCode).toBe(413);
    expect(r.json().error).toBe('FILE_TOO_LARGE');
    const huge = { ...tooBig, contentBase64: 'A'.repeat(MAX_FILE_BYTES * 2) };
    expect((await post(auth('pa', true), huge)).statusCode).toBe(413);
    expect((await post(auth('pa', true), { ...body(rows, true), mapping: { dealId: 'x' } })).statusCode).toBe(400);
    expect((await post(auth('pa', true), { ...body(rows, true), contentBase64: 'not base64!' })).statusCode).toBe(400);
  });

  it('lists the portal’s own imports, newest first', async () => {
    const list = await app.inject({ method: 'GET', url: '/api/v1/payment-imports', headers: auth('pa', true) });
    expect(list.statusCode).toBe(200);
    const imports = list.json().imports as { status: string; fileName: string }[];
    expect(imports.map((i) => i.status).sort()).toEqual(['applied', 'applied', 'previewed', 'refused']);
    const other = await app.inject({ method: 'GET', url: '/api/v1/payment-imports', headers: auth('pb', true) });
    expect(other.json()).toEqual({ imports: [] });
  });
});
