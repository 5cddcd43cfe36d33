import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { loanOpsDb } from '../../../test/support/loan-ops-db.js';
import { sampleTerms } from '../../../test/support/sample-terms.js';
import { listLedger } from '../ledger-repo.js';
import type { PrepaymentMode } from '../loan.js';
import { getScheduleVersion, listScheduleVersions } from '../schedule-version-repo.js';
import { getLoanView } from './get-loan-view.js';
import { registerPayment } from './register-payment.js';
import { reversePayment } from './reverse-payment.js';
import { saveLoan } from './save-loan.js';

// Issue 13 follow-up on both dialects: a prepayment booked by mistake is reversed like a payment (a
// REVERSAL entry, once, idempotent by reason) and servicing recomputes without it — the later
// prepayments re-applied in date order — into a NEW schedule version; the versions before stay as stored.
const t = loanOpsDb();
const { jobs, deps, actor, portalId: P } = t;
const kysely = () => t.db.kysely;

const book = (dealId: number, id: string, date: string, amount: string, prepaymentMode?: PrepaymentMode) =>
  registerPayment(kysely(), P, dealId, { id, date, amount, ...(prepaymentMode ? { prepaymentMode } : {}) }, actor, deps);
const reverse = (dealId: number, id: string, reasonCode = 'WRONG_LOAN') =>
  reversePayment(kysely(), P, dealId, id, { reasonCode, note: 'booked on the wrong deal' }, actor, deps);
const sumOf = (xs: string[]) => xs.reduce((s, x) => s.add(x), new Decimal(0)).toFixed(2);

/** A 12-month loan with its first installment paid on time. */
async function loanWithFirstPaid(dealId: number) {
  const saved = await saveLoan(kysely(), P, dealId, { terms: sampleTerms(12) }, actor, deps);
  const first = saved.schedule.rows[0]!;
  await book(dealId, `pay-${dealId}-1`, first.dueDate, first.total);
  return saved;
}

/** The version a loan with only `later` booked holds: what the reversed loan must now hold. */
async function referenceRows(dealId: number, later: { id: string; date: string; amount: string; mode: PrepaymentMode }) {
  const saved = await loanWithFirstPaid(dealId);
  const r = await book(dealId, later.id, later.date, later.amount, later.mode);
  // Past the installments due by its date, it still takes principal off: the schedule is rebuilt.
  expect(r.version).toBe(2);
  return (await getScheduleVersion(kysely(), P, saved.loanId, r.version!))!;
}

async function expectRepaysPrincipal(loanId: string, version: number): Promise<void> {
  const v = (await getScheduleVersion(kysely(), P, loanId, version))!;
  expect(sumOf(v.rows.map((r) => r.principal))).toBe('100000.00');
  expect(v.totals.principal).toBe('100000.00');
  expect(v.rows.at(-1)!.closing).toBe('0.00');
}

describe('reversing a prepayment', () => {
  const later = { id: 'pre-301-b', date: '2024-05-02', amount: '25000.50', mode: 'reduce-installment' as const };

  it('reduce-term with a later reduce-installment on top: a new version as if only the later one was booked', async () => {
    const saved = await loanWithFirstPaid(301);
    expect((await book(301, 'pre-301-a', '2024-03-20', '30000.00', 'reduce-term')).version).toBe(2);
    expect((await book(301, later.id, later.date, later.amount, later.mode)).version).toBe(3);
    const v3 = (await getScheduleVersion(kysely(), P, saved.loanId, 3))!;
    jobs.length = 0;

    const r = await reverse(301, 'pre-301-a');
    expect(r).toMatchObject({ replayed: false, version: 4, entry: { kind: 'REVERSAL', amount: '-30000.00', reasonCode: 'WRONG_LOAN' } });
    // One sync through the outbox, in the reversal's transaction.
    expect(jobs.map((j) => j.kind)).toEqual(['loan.sync']);
    const v4 = (await getScheduleVersion(kysely(), P, saved.loanId, 4))!;
    expect(v4).toMatchObject({ baseVersion: 1, reason: 'reversal:pre-301-a' });
    // The later prepayment re-applied on the contract's schedule: the same rows as a loan that only ever had it.
    const reference = await referenceRows(302, { ...later, id: 'pre-302-b' });
    expect(v4.rows).toEqual(reference.rows);
    expect(v4.installmentAmount).toBe(reference.installmentAmount);
    // Reduce-installment keeps the dates with lower installments than the contract's.
    expect(v4.rows).toHaveLength(12);
    const v1 = (await getScheduleVersion(kysely(), P, saved.loanId, 1))!;
    expect(new Decimal(v4.rows.at(-2)!.total).lt(v1.rows.at(-2)!.total)).toBe(true);
    await expectRepaysPrincipal(saved.loanId, 4);
    // History is never rewritten: the versions before read as they were stored.
    expect((await getScheduleVersion(kysely(), P, saved.loanId, 3))!.rows).toEqual(v3.rows);
    expect((await listScheduleVersions(kysely(), P, saved.loanId)).map((v) => v.version)).toEqual([1, 2, 3, 4]);

    const view = (await getLoanView(kysely(), P, 301, '2024-06-01'))!;
    expect(view.version).toBe(4);
    expect(view.schedule.rows).toEqual(v4.rows);
    expect(view.payments.map((p) => p.id)).toEqual(['pay-301-1', later.id]);
    expect(view.reversedPayments.map((p) => [p.id, p.prepaymentMode, p.reversal.reasonCode])).toEqual([
      ['pre-301-a', 'reduce-term', 'WRONG_LOAN'],
    ]);
    // The servicing the tab and the sync read is the version's rows.
    expect(view.servicing.installments.map((i) => i.components.principal.due)).toEqual(v4.rows.map((x) => x.principal));
  });

  it('replays the same reversal without a new entry or version; another reason is IDEMPOTENCY_MISMATCH', async () => {
    jobs.length = 0;
    const again = await reverse(301, 'pre-301-a');
    expect(again).toMatchObject({ replayed: true, version: 4 });
    await expect(reverse(301, 'pre-301-a', 'DUPLICATE')).rejects.toMatchObject({
      code: 'IDEMPOTENCY_MISMATCH',
      details: { field: 'reasonCode' },
    });
    expect(jobs).toEqual([]);
    const ledger = await listLedger(kysely(), P, again.entry.loanId);
    expect(ledger.filter((e) => e.kind === 'REVERSAL')).toHaveLength(1);
    expect((await listScheduleVersions(kysely(), P, again.entry.loanId)).map((v) => v.version)).toEqual([1, 2, 3, 4]);
  });

  it('reduce-installment with a later reduce-term on top: the later one re-applied, the principal repaid exactly', async () => {
    const saved = await loanWithFirstPaid(303);
    await book(303, 'pre-303-a', '2024-03-20', '20000.00', 'reduce-installment');
    await book(303, 'pre-303-b', '2024-05-02', '30000.50', 'reduce-term');
    const r = await reverse(303, 'pre-303-a', 'WRONG_AMOUNT');
    expect(r.version).toBe(4);
    const v4 = (await getScheduleVersion(kysely(), P, saved.loanId, 4))!;
    const reference = await referenceRows(304, { id: 'pre-304-b', date: '2024-05-02', amount: '30000.50', mode: 'reduce-term' });
    expect(v4.rows).toEqual(reference.rows);
    // Reduce-term on the contract's installment: fewer rows than the contract's twelve.
    expect(v4.rows.length).toBeLessThan(12);
    await expectRepaysPrincipal(saved.loanId, 4);
    // The later prepayment's split is recomputed on the rebuilt schedule; it still sums to its amount.
    const view = (await getLoanView(kysely(), P, 303, '2024-06-01'))!;
    const b = view.payments.find((p) => p.id === 'pre-303-b')!;
    const parts = [b.allocation!.principal, b.allocation!.interest, b.allocation!.fees, b.allocation!.vat, b.allocation!.penalty];
    expect(sumOf([...parts, b.allocation!.excess])).toBe('30000.50');
  });

  it("the only rebuilding prepayment reversed: the new version is the contract's schedule again", async () => {
    const saved = await loanWithFirstPaid(305);
    await book(305, 'pre-305', '2024-03-20', '30000.00', 'reduce-term');
    const r = await reverse(305, 'pre-305', 'DUPLICATE');
    expect(r.version).toBe(3);
    const v1 = (await getScheduleVersion(kysely(), P, saved.loanId, 1))!;
    const v3 = (await getScheduleVersion(kysely(), P, saved.loanId, 3))!;
    expect(v3.rows).toEqual(v1.rows);
    expect(v3.installmentAmount).toBe(v1.installmentAmount);
    expect(v3.reason).toBe('reversal:pre-305');
    // The tab names the version beside its number (widgets/loan-tab/schedule-version.ts).
    expect((await getLoanView(kysely(), P, 305, '2024-06-01'))!).toMatchObject({ version: 3, versionReason: 'reversal:pre-305' });
  });

  it('a pay-ahead prepayment or an ordinary payment reversed leaves the schedule version as it is', async () => {
    const saved = await loanWithFirstPaid(306);
    await book(306, 'pre-306', '2024-03-01', '15000.50', 'reschedule-next');
    expect((await reverse(306, 'pre-306')).version).toBe(1);
    expect((await reverse(306, 'pay-306-1')).version).toBe(1);
    expect((await listScheduleVersions(kysely(), P, saved.loanId)).map((v) => v.version)).toEqual([1]);
  });
});
