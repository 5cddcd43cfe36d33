import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../app.js';
import { loadConfig } from '../../../config.js';
import type { Db } from '../../../db/database.js';
import { createTestDb, insertTestPortal } from '../../../../test/support/test-db.js';
import { defaultLoanDeps } from '../../../loans/operations/deps.js';
import { saveLoan } from '../../../loans/operations/save-loan.js';
import { sampleTerms } from '../../../../test/support/sample-terms.js';
import { agentCsv, HEADER, RU_LOCALE, type FileRow } from '../../../../test/support/payment-file-rows.js';
import { MAX_FILE_BYTES } from '../../../payment-files/parse/limits.js';

// The payment-import API through the whole app, with the real worker-thread parser: admin sessions
// only, sizes refused before decoding, 202 with an import id and then the state polled until the
// preview / apply / refusal, all-or-nothing answers, an abandoned import that reads as failed, and
// each portal sees only its own imports.
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

interface PolledState {
  status: string;
  result?: { summary: unknown; lines: { status: string }[] };
  refusal?: { issues: unknown[] };
  failure?: { code: string };
}

/** Sends the file (202 + id), then polls its state until it is over; the states seen on the way. */
async function importFile(headers: Record<string, string>, payload: unknown): Promise<{ state: PolledState; seen: string[] }> {
  const sent = await post(headers, payload);
  expect(sent.statusCode, sent.body).toBe(202);
  const { importId, status } = sent.json<{ importId: string; status: string }>();
  const seen = [status];
  for (;;) {
    const r = await app.inject({ method: 'GET', url: `/api/v1/payment-imports/${importId}`, headers });
    expect(r.statusCode, r.body).toBe(200);
    const state = r.json<PolledState>();
    if (seen.at(-1) !== state.status) seen.push(state.status);
    if (state.status !== 'queued' && state.status !== 'parsing') return { state, seen };
    await new Promise((ok) => setTimeout(ok, 50));
  }
}

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
    const { state: preview, seen } = await importFile(h, body(rows, true));
    expect(seen[0]).toBe('queued');
    expect(seen.at(-1)).toBe('previewed');
    expect(preview.result).toMatchObject({
      dryRun: true,
      summary: { rows: 2, new: 2, alreadyImported: 0, newTotals: { RUB: '9667.98' } },
      lines: [
        { line: 2, dealId: 50, date: '2024-02-15', amount: '9167.98', reference: 'OP-1', status: 'new' },
        { line: 3, dealId: 51, date: '2024-02-15', amount: '500.00', reference: null, status: 'new' },
      ],
    });
    expect(await db.kysely.selectFrom('ledger_entries').select('id').where('kind', '=', 'PAYMENT').execute()).toHaveLength(0);
    const { state: applied } = await importFile(h, body(rows, false));
    expect(applied.status).toBe('applied');
    expect(applied.result!.lines.map((l) => l.status)).toEqual(['booked', 'booked']);
    const { state: again } = await importFile(h, body([...rows].reverse(), false, 'agent-resent.csv'));
    expect(again.result!.summary).toEqual({ rows: 2, new: 0, alreadyImported: 2, newTotals: {} });
    const payments = await db.kysely.selectFrom('ledger_entries').select('amount').where('kind', '=', 'PAYMENT').execute();
    expect(payments).toHaveLength(2);
  });

  it('refuses a file with one bad line: refused with the issues, nothing booked', async () => {
    const { state } = await importFile(
      auth('pa', true),
      body(
        [
          { dealId: 50, date: '2024-03-15', amount: '100.00' },
          { dealId: 77, date: '2024-03-15', amount: '1.00' },
        ],
        false,
      ),
    );
    expect(state).toMatchObject({ status: 'refused', refusal: { issues: [{ line: 3, column: HEADER.dealId, code: 'LOAN_NOT_FOUND' }] } });
    expect(state.refusal!.issues).toHaveLength(1);
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

  it('refuses a file the worker cannot read, line 0, and keeps nothing of it', async () => {
    const { state } = await importFile(auth('pa', true), {
      ...body(rows, true, 'agent.xlsx'),
      contentBase64: Buffer.from('PK\u0003\u0004garbage').toString('base64'),
    });
    expect(state.status).toBe('refused');
    expect(state.refusal!.issues).toMatchObject([{ line: 0 }]);
  });

  it('an import abandoned by a dead process reads as failed once its lease is over, so it can be sent again', async () => {
    const id = '01900000-0000-7000-8000-000000000001';
    await db.kysely
      .insertInto('payment_imports' as never)
      .values({
        portal_id: 'pa',
        id,
        file_name: 'crashed.xlsx',
        file_sha256: '0'.repeat(64),
        format: 'unknown',
        rows: 0,
        new_count: 0,
        already_count: 0,
        issue_count: 0,
        status: 'parsing',
        created_by: 5,
        created_at: '2024-01-01T00:00:00.000Z',
        dry_run: 1,
        lease_until: '2024-01-01T00:00:30.000Z',
      })
      .execute();
    const r = await app.inject({ method: 'GET', url: `/api/v1/payment-imports/${id}`, headers: auth('pa', true) });
    expect(r.json()).toMatchObject({ status: 'failed', failure: { code: 'IMPORT_INTERRUPTED' } });
    // Another portal cannot read it.
    expect((await app.inject({ method: 'GET', url: `/api/v1/payment-imports/${id}`, headers: auth('pb', true) })).statusCode).toBe(404);
  });

  it('lists the portal’s own imports, newest first', async () => {
    const list = await app.inject({ method: 'GET', url: '/api/v1/payment-imports', headers: auth('pa', true) });
    expect(list.statusCode).toBe(200);
    const imports = list.json().imports as { status: string; fileName: string }[];
    expect(imports.map((i) => i.status).sort()).toEqual(['applied', 'applied', 'failed', 'previewed', 'refused', 'refused']);
    const other = await app.inject({ method: 'GET', url: '/api/v1/payment-imports', headers: auth('pb', true) });
    expect(other.json()).toEqual({ imports: [] });
  });
});

describe('payment imports API: the file as bytes, the lines page by page', () => {
  const rows = (n: number): FileRow[] =>
    Array.from({ length: n }, (_, i) => ({ dealId: 50 + (i % 2), date: '2024-04-15', amount: `${i + 1}.00`, reference: `BIN-${i}` }));
  const query = (dryRun: boolean, fileName = 'agente.csv') =>
    new URLSearchParams({ fileName, ...HEADER, ...RU_LOCALE, dryRun: String(dryRun) }).toString();
  const postFile = (headers: Record<string, string>, bytes: Buffer, q = query(true)) =>
    app.inject({
      method: 'POST',
      url: `/api/v1/payment-imports/file?${q}`,
      headers: { ...headers, 'content-type': 'application/octet-stream' },
      payload: bytes,
    });

  async function poll(importId: string, headers: Record<string, string>): Promise<PolledState & { result?: { lineCount: number } }> {
    for (;;) {
      const r = await app.inject({ method: 'GET', url: `/api/v1/payment-imports/${importId}`, headers });
      const state = r.json<PolledState & { result?: { lineCount: number } }>();
      if (state.status !== 'queued' && state.status !== 'parsing') return state;
      await new Promise((ok) => setTimeout(ok, 50));
    }
  }

  it('previews a file sent as application/octet-stream; the state carries the first 100 lines and the count', async () => {
    const h = auth('pa', true);
    const sent = await postFile(h, agentCsv(rows(250)));
    expect(sent.statusCode, sent.body).toBe(202);
    const { importId } = sent.json<{ importId: string }>();
    const state = await poll(importId, h);
    expect(state.status).toBe('previewed');
    expect(state.result!.lines).toHaveLength(100);
    expect(state.result!.lineCount).toBe(250);
    const page = await app.inject({ method: 'GET', url: `/api/v1/payment-imports/${importId}/lines?offset=200`, headers: h });
    expect(page.statusCode, page.body).toBe(200);
    const body = page.json<{ lines: { line: number }[]; lineCount: number; offset: number }>();
    expect(body.lineCount).toBe(250);
    expect(body.lines.map((l) => l.line)).toEqual(Array.from({ length: 50 }, (_, i) => 202 + i));
    // Another portal's admin cannot page through it.
    expect(
      (await app.inject({ method: 'GET', url: `/api/v1/payment-imports/${importId}/lines`, headers: auth('pb', true) })).statusCode,
    ).toBe(404);
  });

  it('refuses a stranger before reading the body, a non-admin, an empty or oversized body, and bad settings — nothing stored', async () => {
    const before = await db.kysely
      .selectFrom('payment_imports' as never)
      .select(db.kysely.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect((await postFile({}, agentCsv(rows(2)))).statusCode).toBe(401);
    expect((await postFile(auth('pa', false), agentCsv(rows(2)))).statusCode).toBe(403);
    const empty = await postFile(auth('pa', true), Buffer.alloc(0));
    expect(empty.statusCode).toBe(400);
    const big = await postFile(auth('pa', true), Buffer.alloc(MAX_FILE_BYTES + 1, 65));
    expect(big.statusCode).toBe(413);
    expect(big.json().error).toBe('FILE_TOO_LARGE');
    const noMapping = await postFile(auth('pa', true), agentCsv(rows(2)), 'fileName=a.csv&dryRun=true');
    expect(noMapping.statusCode).toBe(400);
    const nul = await postFile(auth('pa', true), agentCsv(rows(2)), query(true, 'a\u0000.csv'));
    expect(nul.statusCode).toBe(400);
    const after = await db.kysely
      .selectFrom('payment_imports' as never)
      .select(db.kysely.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(after).toEqual(before);
  });
});
