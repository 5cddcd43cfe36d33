import Decimal from 'decimal.js';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/database.js';
import { createTestDb } from '../../../test/support/test-db.js';
import { defaultLoanDeps } from '../../loans/operations/deps.js';
import { saveLoan } from '../../loans/operations/save-loan.js';
import { listLedger } from '../../loans/ledger-repo.js';
import { findLoanByDeal } from '../../loans/loan-repo.js';
import { sampleTerms } from '../../../test/support/sample-terms.js';
import { runImport } from './run-import.js';
import { paymentFileParser } from './default-parser.js';
import { agentCsv, HEADER, RU_LOCALE, type FileRow } from '../../../test/support/payment-file-rows.js';

// Property: however an agent's files are re-sent — cumulative files overlapping, the same file
// again, rows shuffled — each loan's paid total is the sum of the distinct payments sent. Payments
// here have distinct keys (deal, date, amount, reference); identical ones are the one documented
// exception (payment-id.ts) and are pinned by an example test instead.
const P = 'portal-prop';
const deps = { parser: paymentFileParser, loan: defaultLoanDeps({ now: () => new Date('2024-06-01T10:00:00Z') }) };
let db: Db;
let nextDeal = 1000;

beforeAll(async () => {
  db = await createTestDb();
});
afterAll(async () => {
  await db?.close();
});

// A payment of loan 0 or 1 of the run; distinct payments have distinct (loan, day, amount, reference).
const payment = fc.record({
  loan: fc.constantFrom(0, 1),
  day: fc.integer({ min: 0, max: 100 }),
  amountMinor: fc.integer({ min: 1, max: 500_000 }),
  reference: fc.option(fc.constantFrom('A-1', 'A-2', 'Z-9'), { nil: null }),
});
type Payment = typeof payment extends fc.Arbitrary<infer T> ? T : never;
const keyOf = (p: Payment) => `${p.loan}|${p.day}|${p.amountMinor}|${p.reference ?? ''}`;

/** Distinct payments, files that are overlapping subsets of them, and sends: files picked with repeats, rows shuffled. */
const resends = fc
  .uniqueArray(payment, { minLength: 1, maxLength: 8, selector: keyOf })
  .chain((payments) => fc.array(fc.subarray(payments, { minLength: 1 }), { minLength: 1, maxLength: 3 }))
  .chain((files) =>
    fc.array(
      fc.nat(files.length - 1).chain((i) => fc.shuffledSubarray(files[i]!, { minLength: files[i]!.length })),
      { minLength: 1, maxLength: 5 },
    ),
  );

const toRow = (deals: number[], p: Payment): FileRow => ({
  dealId: deals[p.loan]!,
  date: new Date(Date.parse('2024-01-16') + p.day * 86_400_000).toISOString().slice(0, 10),
  amount: new Decimal(p.amountMinor).div(100).toFixed(2),
  reference: p.reference,
});

describe('re-sent payment files', () => {
  it('leave each loan paid exactly the distinct payments sent', async () => {
    await fc.assert(
      fc.asyncProperty(resends, async (sends) => {
        // fresh loans for every run (and every shrink step), so runs never see each other's payments
        const deals = [nextDeal, nextDeal + 1];
        nextDeal += 2;
        for (const d of deals) await saveLoan(db.kysely, P, d, { terms: sampleTerms(12) }, { userId: 1 }, deps.loan);
        for (const [i, sent] of sends.entries()) {
          const file = { fileName: `send-${i}.csv`, content: agentCsv(sent.map((p) => toRow(deals, p))) };
          await runImport(db.kysely, P, { file, mapping: HEADER, locale: RU_LOCALE, dryRun: false }, { userId: 1 }, deps);
        }
        const distinct = [...new Map(sends.flat().map((p) => [keyOf(p), p])).values()];
        for (const [n, d] of deals.entries()) {
          const loan = await findLoanByDeal(db.kysely, P, d);
          const booked = (await listLedger(db.kysely, P, loan!.id)).filter((e) => e.kind === 'PAYMENT');
          const mine = distinct.filter((p) => p.loan === n);
          expect(booked).toHaveLength(mine.length);
          const paidTotal = booked.reduce((s, e) => s.add(e.amount), new Decimal(0));
          expect(paidTotal.toFixed(2)).toBe(
            mine
              .reduce((s, p) => s.add(p.amountMinor), new Decimal(0))
              .div(100)
              .toFixed(2),
          );
        }
      }),
      { numRuns: 15 },
    );
  });
});
