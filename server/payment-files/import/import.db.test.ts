import Decimal from 'decimal.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/database.js';
import { createTestDb } from '../../../test/support/test-db.js';
import { defaultLoanDeps, type OutboxJob } from '../../loans/operations/deps.js';
import { registerPayment } from '../../loans/operations/register-payment.js';
import { reversePayment } from '../../loans/operations/reverse-payment.js';
import { saveLoan } from '../../loans/operations/save-loan.js';
import { listLedger } from '../../loans/ledger-repo.js';
import { closeLoan, findLoanByDeal } from '../../loans/loan-repo.js';
import { sampleTerms } from '../../../test/support/sample-terms.js';
import type { RegisterFn } from './apply-lines.js';
import { paymentIdsOf } from './payment-id.js';
import { listImports } from './import-repo.js';
import { runImport, type ImportDeps } from './run-import.js';
import { paymentFileParser } from './default-parser.js';
import { agentCsv, HEADER, RU_LOCALE, type FileRow } from '../../../test/support/payment-file-rows.js';

// The import on both dialects, with loans saved through saveLoan: all or nothing, never twice.
const P = 'portal-imp';
const actor = { userId: 9 };
const jobs: OutboxJob[] = [];
// The clock ticks a millisecond per reading so imports made one after another list in that order.
let tick = 0;
const loanDeps = defaultLoanDeps({
  now: () => new Date(Date.parse('2024-06-01T10:00:00Z') + tick++),
  enqueue: async (_t, job) => void jobs.push(job),
});
const deps: ImportDeps = { parser: paymentFileParser, loan: loanDeps };
let db: Db;

const run = (fileName: string, rows: FileRow[], dryRun: boolean, d: ImportDeps = deps) =>
  runImport(db.kysely, P, { file: { fileName, content: agentCsv(rows) }, mapping: HEADER, locale: RU_LOCALE, dryRun }, actor, d);

async function payments(dealId: number) {
  const loan = await findLoanByDeal(db.kysely, P, dealId);
  return (await listLedger(db.kysely, P, loan!.id)).filter((e) => e.kind === 'PAYMENT');
}
const paid = async (dealId: number) => (await payments(dealId)).reduce((s, e) => s.add(e.amount), new Decimal(0)).toFixed(2);

beforeAll(async () => {
  db = await createTestDb();
  for (const deal of [301, 302, 303, 310, 320]) await saveLoan(db.kysely, P, deal, { terms: sampleTerms(12) }, actor, loanDeps);
  const closed = await findLoanByDeal(db.kysely, P, 303);
  await closeLoan(db.kysely, P, closed!.id, { reason: 'DEAL_DELETED', nowIso: '2024-05-01T00:00:00Z' });
});
afterAll(async () => {
  await db?.close();
});

describe('payment file import', () => {
  const day1: FileRow[] = [
    { dealId: 301, date: '2024-02-15', amount: '9167.98', reference: 'OP-1' },
    { dealId: 302, date: '2024-02-15', amount: '5000', reference: null },
    { dealId: 301, date: '2024-03-15', amount: '1000.50', reference: null },
  ];

  it('a dry run reports 3 new lines and their total, and writes no payment', async () => {
    const r = await run('day1.csv', day1, true);
    expect(r.summary).toEqual({ rows: 3, new: 3, alreadyImported: 0, newTotals: { RUB: '15168.48' } });
    expect(r.lines.map((l) => [l.line, l.dealId, l.amount, l.status])).toEqual([
      [2, 301, '9167.98', 'new'],
      [3, 302, '5000.00', 'new'],
      [4, 301, '1000.50', 'new'],
    ]);
    expect(await payments(301)).toEqual([]);
    expect(await payments(302)).toEqual([]);
    expect(jobs).toHaveLength(5); // the five saveLoan syncs only
  });

  it('apply books the 3 payments; the ledgers sum to the file', async () => {
    const r = await run('day1.csv', day1, false);
    expect(r.summary).toMatchObject({ new: 3, alreadyImported: 0 });
    expect(r.lines.map((l) => l.status)).toEqual(['booked', 'booked', 'booked']);
    expect(await paid(301)).toBe('10168.48');
    expect(await paid(302)).toBe('5000.00');
    const [p301] = await payments(301);
    expect(p301).toMatchObject({ method: 'agent_file', reference: 'OP-1' });
    expect((await payments(302))[0]!.reference).toBe('file day1.csv line 3');
  });

  it('the same file again: 0 new, 3 already, nothing written', async () => {
    const before = jobs.length;
    const r = await run('day1 (resent).csv', [...day1].reverse(), false);
    expect(r.summary).toMatchObject({ new: 0, alreadyImported: 3, newTotals: {} });
    expect(r.lines.every((l) => l.status === 'already')).toBe(true);
    expect(await paid(301)).toBe('10168.48');
    expect(await payments(302)).toHaveLength(1);
    expect(jobs.length).toBe(before);
  });

  it('a cumulative file with 2 old lines and 1 new books only the new one', async () => {
    const week = [day1[2]!, { dealId: 302, date: '2024-03-15', amount: '5000.00', reference: null }, day1[0]!];
    const r = await run('week.csv', week, false);
    expect(r.summary).toMatchObject({ new: 1, alreadyImported: 2, newTotals: { RUB: '5000.00' } });
    expect(r.lines.map((l) => l.status)).toEqual(['already', 'booked', 'already']);
    expect(await paid(302)).toBe('10000.00');
  });

  it('one bad line refuses the whole file (422, listed) and writes nothing, not even the good lines', async () => {
    const rows = [
      { dealId: 310, date: '2024-02-15', amount: '100.00' },
      { dealId: 999, date: '2024-02-15', amount: '100.00' },
      { dealId: 310, date: '2024-07-01', amount: '100.00' },
      { dealId: 310, date: '2023-12-31', amount: '100.00' },
      { dealId: 310, date: '2024-02-16', amount: '100.001' },
      { dealId: 303, date: '2024-02-15', amount: '100.00' },
    ];
    await expect(run('bad.csv', rows, false)).rejects.toMatchObject({
      code: 'IMPORT_REFUSED',
      status: 422,
      details: {
        issues: [
          { line: 3, column: HEADER.dealId, code: 'LOAN_NOT_FOUND', message: expect.stringContaining('999') },
          { line: 4, column: HEADER.date, code: 'PAYMENT_IN_FUTURE', message: expect.any(String) },
          { line: 5, column: HEADER.date, code: 'PAYMENT_BEFORE_DISBURSEMENT', message: expect.any(String) },
          { line: 6, column: HEADER.amount, code: 'AMOUNT_SCALE', message: expect.any(String) },
          { line: 7, column: HEADER.dealId, code: 'LOAN_CLOSED', message: expect.any(String) },
        ],
      },
    });
    await expect(run('bad.csv', rows, true)).rejects.toMatchObject({ code: 'IMPORT_REFUSED' });
    expect(await payments(310)).toEqual([]);
  });

  it('a file that cannot be read, or lacks a mapped column, is refused with the reason and writes nothing', async () => {
    const binary = { fileName: 'x.csv', content: Buffer.from([0xff, 0xfe, 0x41, 0x00]) };
    await expect(
      runImport(db.kysely, P, { file: binary, mapping: HEADER, locale: RU_LOCALE, dryRun: false }, actor, deps),
    ).rejects.toMatchObject({
      code: 'IMPORT_REFUSED',
      details: { issues: [{ line: 0, code: 'FILE_ENCODING' }] },
    });
    const file = { fileName: 'y.csv', content: agentCsv([{ dealId: 310, date: '2024-02-15', amount: '1.00' }]) };
    const refusal = runImport(
      db.kysely,
      P,
      { file, mapping: { ...HEADER, amount: 'Итого' }, locale: RU_LOCALE, dryRun: false },
      actor,
      deps,
    );
    await expect(refusal).rejects.toMatchObject({
      code: 'IMPORT_REFUSED',
      details: { issues: [{ line: 0, column: 'Итого', code: 'MAPPING_COLUMN_MISSING', message: expect.any(String) }] },
    });
    expect(await payments(310)).toEqual([]);
  });

  it('two identical lines without a reference in one file are two payments, and stay two when re-sent', async () => {
    const pair = [
      { dealId: 320, date: '2024-02-20', amount: '700.00' },
      { dealId: 320, date: '2024-02-20', amount: '700.00' },
    ];
    expect((await run('pair.csv', pair, false)).summary).toMatchObject({ new: 2 });
    expect((await run('pair-again.csv', [...pair, ...pair.slice(0, 1)], false)).summary).toMatchObject({ new: 1, alreadyImported: 2 });
    expect(await paid(320)).toBe('2100.00');
  });

  it('a crash halfway through apply is recovered by importing the same file again: every line booked once', async () => {
    const rows = [401, 402, 403, 404].map((n, i) => ({ dealId: 310, date: `2024-03-0${i + 1}`, amount: `${n}.00`, reference: `C-${n}` }));
    let calls = 0;
    const crashAfter2: RegisterFn = async (...args) => {
      if (++calls > 2) throw new Error('process killed');
      return registerPayment(...args);
    };
    await expect(run('crash.csv', rows, false, { ...deps, register: crashAfter2 })).rejects.toThrow('process killed');
    expect(await payments(310)).toHaveLength(2);
    const r = await run('crash.csv', rows, false);
    expect(r.lines.map((l) => l.status)).toEqual(['already', 'already', 'booked', 'booked']);
    const booked = await payments(310);
    expect(booked.map((e) => e.reference).sort()).toEqual(['C-401', 'C-402', 'C-403', 'C-404']);
    expect(await paid(310)).toBe('1610.00');
  });

  it('a payment reversed in the loan tab stays reversed when its file comes again', async () => {
    const row = { dealId: 320, date: '2024-04-01', amount: '50.00', reference: 'REV-1' };
    const [line] = (await run('rev.csv', [row], false)).lines;
    expect(line!.status).toBe('booked');
    const [id] = paymentIdsOf([{ line: 2, ...row }]);
    await reversePayment(db.kysely, P, 320, id!, { reasonCode: 'WRONG_LOAN', note: null }, actor, loanDeps);
    expect((await run('rev-again.csv', [row], false)).summary).toMatchObject({ new: 0, alreadyImported: 1 });
    expect((await payments(320)).filter((e) => e.reference === 'REV-1')).toHaveLength(1);
  });

  it('records every import of the portal, newest first, and only the portal’s', async () => {
    const list = await listImports(db.kysely, P);
    expect(list.map((i) => i.status)).toEqual(expect.arrayContaining(['previewed', 'applied', 'refused']));
    expect(list[list.length - 1]).toMatchObject({ fileName: 'day1.csv', status: 'previewed', rows: 3, newCount: 3, createdBy: 9 });
    expect(list[0]!.fileSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await listImports(db.kysely, 'other-portal')).toEqual([]);
  });
});
