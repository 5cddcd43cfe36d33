import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { loanOpsDb } from '../../../test/support/loan-ops-db.js';
import { sampleTerms } from '../../../test/support/sample-terms.js';
import { listLedger } from '../ledger-repo.js';
import { getScheduleVersion, listScheduleVersions } from '../schedule-version-repo.js';
import type { PrepaymentMode } from '../loan.js';
import { getLoanView } from './get-loan-view.js';
import { allocationSum, registerPayment } from './register-payment.js';
import { saveLoan } from './save-loan.js';

// Issue 13 item 4 on a saved loan: prepayments with a mode booked through registerPayment, serviced
// with the real payments in one run, the rebuilt schedule kept as a new version (on both dialects).
const t = loanOpsDb();
const { jobs, deps, actor, portalId: P } = t;
const kysely = () => t.db.kysely;

/** Books a prepayment (or, without a mode, an ordinary payment) on the deal's loan. */
const book = (dealId: number, id: string, date: string, amount: string, prepaymentMode?: PrepaymentMode) =>
  registerPayment(kysely(), P, dealId, { id, date, amount, ...(prepaymentMode ? { prepaymentMode } : {}) }, actor, deps);

const sumOf = (xs: string[]) => xs.reduce((s, x) => s.add(x), new Decimal(0)).toFixed(2);

async function loanWithFirstPaid(dealId: number) {
  const saved = await saveLoan(kysely(), P, dealId, { terms: sampleTerms(12) }, actor, deps);
  const first = saved.schedule.rows[0]!;
  await registerPayment(kysely(), P, dealId, { id: `pay-${dealId}-1`, date: first.dueDate, amount: first.total }, actor, deps);
  return saved;
}

describe('a saved loan books prepayments with a mode', () => {
  it('reduce-term: booked once, the schedule rebuilt as version 2 on version 1, which stays readable', async () => {
    const saved = await loanWithFirstPaid(201);
    jobs.length = 0;
    const req = { id: 'pre-201', date: '2024-03-20', amount: '30000.00', prepaymentMode: 'reduce-term' as const };
    const r = await registerPayment(kysely(), P, 201, req, actor, deps);
    expect(r).toMatchObject({ replayed: false, version: 2, entry: { kind: 'PREPAYMENT', prepaymentMode: 'reduce-term' } });
    expect(allocationSum(r.entry.allocation!).toFixed(2)).toBe('30000.00');
    expect(r.entry.allocation?.prepayment?.mode).toBe('reduce-term');
    expect(new Decimal(r.entry.allocation!.prepayment!.principal).gt(20000)).toBe(true);
    expect(jobs.map((j) => j.kind)).toEqual(['loan.sync']);

    const v2 = await getScheduleVersion(kysely(), P, saved.loanId, 2);
    expect(v2).toMatchObject({ baseVersion: 1, reason: 'prepayment:pre-201' });
    expect(v2!.rows.length).toBeLessThan(12);
    expect(sumOf(v2!.rows.map((x) => x.principal))).toBe('100000.00');
    expect(v2!.rows.at(-1)!.closing).toBe('0.00');
    expect((await getScheduleVersion(kysely(), P, saved.loanId, 1))!.rows).toHaveLength(12);

    const view = await getLoanView(kysely(), P, 201, '2024-06-01');
    expect(view!.version).toBe(2);
    expect(view!.schedule.rows).toEqual(v2!.rows);
    // The rows the tab and the CRM items show and the servicing's installments are one computation.
    expect(view!.servicing.installments.map((i) => [i.n, i.components.principal.due])).toEqual(v2!.rows.map((x) => [x.n, x.principal]));
    expect(view!.payments.map((p) => [p.id, p.prepaymentMode])).toEqual([
      ['pay-201-1', null],
      ['pre-201', 'reduce-term'],
    ]);
  });

  it('a re-sent booking books once; the same id with another mode is refused', async () => {
    const again = await book(201, 'pre-201', '2024-03-20', '30000', 'reduce-term');
    expect(again.replayed).toBe(true);
    const loanId = again.entry.loanId;
    expect((await listLedger(kysely(), P, loanId)).filter((e) => e.kind === 'PREPAYMENT')).toHaveLength(1);
    expect((await listScheduleVersions(kysely(), P, loanId)).map((v) => v.version)).toEqual([1, 2]);
    await expect(book(201, 'pre-201', '2024-03-20', '30000', 'reduce-installment')).rejects.toMatchObject({ code: 'IDEMPOTENCY_MISMATCH' });
    await expect(book(201, 'pre-201', '2024-03-20', '30000')).rejects.toMatchObject({
      code: 'IDEMPOTENCY_MISMATCH',
    });
  });

  it('a second prepayment (reduce-installment) and a later payment are serviced from version 1 with all of them', async () => {
    const r = await book(201, 'pre-201b', '2024-05-02', '10000.50', 'reduce-installment');
    expect(r.version).toBe(3);
    const v2 = (await getScheduleVersion(kysely(), P, r.entry.loanId, 2))!;
    const v3 = (await getScheduleVersion(kysely(), P, r.entry.loanId, 3))!;
    expect(v3.baseVersion).toBe(1);
    expect(v3.rows).toHaveLength(v2.rows.length);
    expect(new Decimal(v3.rows.at(-2)!.total).lt(v2.rows.at(-2)!.total)).toBe(true);
    expect(sumOf(v3.rows.map((x) => x.principal))).toBe('100000.00');
    // An ordinary payment after them changes no schedule: the version stays.
    const pay = await book(201, 'pay-201-5', '2024-05-15', '100');
    expect(pay.version).toBe(3);
    const view = (await getLoanView(kysely(), P, 201, '2024-06-01'))!;
    expect(view.servicing.allocations.map((a) => a.paymentId)).toEqual(['pay-201-1', 'pre-201', 'pre-201b', 'pay-201-5']);
    for (const a of view.servicing.allocations) expect(allocationSum(a).toFixed(2)).toBe(new Decimal(a.amount).toFixed(2));
  });

  it('reschedule-next pays ahead and keeps the schedule', async () => {
    await loanWithFirstPaid(202);
    const r = await book(202, 'pre-202', '2024-03-01', '15000.50', 'reschedule-next');
    expect(r.version).toBe(1);
    expect(r.entry.allocation).toMatchObject({ prepayment: { mode: 'reschedule-next', principal: '0.00' } });
    expect(new Decimal(r.entry.allocation!.inAdvance).gt(0)).toBe(true);
    expect((await listScheduleVersions(kysely(), P, r.entry.loanId)).map((v) => v.version)).toEqual([1]);
  });

  it('refuses a prepayment above the payoff, before the disbursement, in the future, or a mode the loan cannot take', async () => {
    const base = { id: 'pre-x', date: '2024-03-20', prepaymentMode: 'reduce-term' as const };
    await expect(registerPayment(kysely(), P, 202, { ...base, amount: '200000' }, actor, deps)).rejects.toMatchObject({
      code: 'PREPAYMENT_OVER_PAYOFF',
      status: 422,
      details: { field: 'amount' },
    });
    await expect(registerPayment(kysely(), P, 202, { ...base, amount: '100', date: '2024-01-01' }, actor, deps)).rejects.toMatchObject({
      code: 'PAYMENT_BEFORE_DISBURSEMENT',
    });
    await expect(registerPayment(kysely(), P, 202, { ...base, amount: '100', date: '2024-07-01' }, actor, deps)).rejects.toMatchObject({
      code: 'PAYMENT_IN_FUTURE',
    });
    await saveLoan(kysely(), P, 203, { terms: sampleTerms(12, { method: 'flat' }) }, actor, deps);
    await expect(registerPayment(kysely(), P, 203, { ...base, amount: '100' }, actor, deps)).rejects.toMatchObject({
      code: 'PREPAYMENT_MODE_NOT_ALLOWED',
      details: { field: 'prepaymentMode' },
    });
    const loanId = (await getLoanView(kysely(), P, 202, '2024-06-01'))!.loanId;
    expect((await listLedger(kysely(), P, loanId)).map((e) => e.externalId)).not.toContain('pre-x');
  });

  it('the payoff itself settles the loan without a new version', async () => {
    await loanWithFirstPaid(204);
    const payoff = (await getLoanView(kysely(), P, 204, '2024-03-20'))!.servicing.payoff.amount;
    const r = await registerPayment(
      kysely(),
      P,
      204,
      { id: 'pre-204', date: '2024-03-20', amount: payoff, prepaymentMode: 'reduce-term' },
      actor,
      deps,
    );
    expect(r.version).toBe(1);
    expect((await getLoanView(kysely(), P, 204, '2024-06-01'))!.servicing.loanStatus).toBe('closed');
  });
});
