import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { buildSchedule, serviceLoan } from '../lending-adapter.js';
import type { LoanState } from '../operations/loan-state.js';
import { sampleTerms } from '../../../test/support/sample-terms.js';
import { dealFields, desiredItems, installmentFromTitle, itemTitle } from './portal-fields.js';
import { formatFor } from './item-text.js';
import { defaultSyncTarget } from './target.js';

function state(n: number): LoanState {
  const terms = sampleTerms(n);
  const schedule = buildSchedule(terms);
  const now = '2024-01-15T00:00:00Z';
  const version = { ...schedule, loanId: 'L1', version: 1, baseVersion: null, terms, reason: 'save', createdBy: null, createdAt: now };
  return {
    loan: {
      id: 'L1',
      portalId: 'p',
      dealId: 77,
      productId: null,
      currency: 'RUB',
      principal: terms.principal,
      terms,
      status: 'ACTIVE',
      closedReason: null,
      closedAt: null,
      currentScheduleVersion: 1,
      createdAt: now,
      updatedAt: now,
    },
    schedule: version,
    base: version,
    ledger: [],
  };
}

describe('portal fields', () => {
  const target = defaultSyncTarget(1030);

  it('titles carry the installment number that reconcile reads back', () => {
    const s = state(3);
    const t = itemTitle(s.schedule.rows[1]!, 3, formatFor('ru', 'RUB'));
    // The date and money as the tab shows them in Russian: 15.03.2024, "33 672,64 ₽".
    expect(t).toMatch(/^№2\/3 · 15\.03\.2024 · \d{1,3}[\s\u00a0\u202f]\d{3},\d{2}[\s\u00a0]₽$/);
    expect(installmentFromTitle(t)).toBe(2);
    expect(installmentFromTitle('Payment 2')).toBeNull();
  });

  it('items link to the deal and carry amounts, status and the balance after', () => {
    const s = state(3);
    const sv = serviceLoan({
      terms: s.schedule.terms,
      schedule: s.schedule,
      payments: [{ id: 'a', date: '2024-02-15', amount: s.schedule.rows[0]!.total }],
      asOf: '2024-03-20',
    });
    const items = desiredItems(s, sv, target);
    expect(items.map((i) => i.fields.ufCrmLoanStatus)).toEqual(['paid', 'overdue', 'upcoming']);
    expect(desiredItems(s, sv, defaultSyncTarget(1030, 'ru')).map((i) => i.fields.ufCrmLoanStatus)).toEqual([
      'оплачен',
      'просрочен',
      'предстоит',
    ]);
    expect(items[0]!.fields).toMatchObject({
      parentId2: 77,
      closedate: '2024-02-15',
      begindate: '2024-01-15',
      ufCrmLoanInstallment: 1,
      ufCrmLoanBalanceAfter: s.schedule.rows[0]!.closing,
    });
    expect(new Set(items.map((i) => i.hash)).size).toBe(3);
  });

  it('the deal gets the next due date and an amount that includes arrears', () => {
    const s = state(6);
    const sv = serviceLoan({ terms: s.schedule.terms, schedule: s.schedule, payments: [], asOf: '2024-03-20' });
    const d = dealFields(s, sv, target);
    const [r1, r2, r3] = s.schedule.rows;
    expect(d.UF_CRM_LOAN_NEXT_DUE_DATE).toBe('2024-04-15');
    // Three installments and the penalty on the two overdue ones: what the tab shows as next payment.
    const owed = sv.installments.slice(0, 3).reduce((a, i) => a.add(i.outstanding), new Decimal(0));
    expect(owed.gt(new Decimal(r1!.total).add(r2!.total).add(r3!.total))).toBe(true);
    expect(d.UF_CRM_LOAN_NEXT_AMOUNT).toBe(`${owed.toFixed(2)}|RUB`);
    // The tab's figures apart: the two overdue installments with their penalty, then the next one alone.
    expect(sv.nextPayment).toEqual({ n: 3, dueDate: '2024-04-15', amount: sv.installments[2]!.outstanding });
    expect(sv.pastDue).toBe(
      sv.installments
        .slice(0, 2)
        .reduce((a, i) => a.add(i.outstanding), new Decimal(0))
        .toFixed(2),
    );
    expect(d.UF_CRM_LOAN_DAYS_PAST_DUE).toBe(34);
    expect(d.UF_CRM_LOAN_STATUS).toBe('overdue');
    expect(dealFields(s, sv, defaultSyncTarget(1030, 'es')).UF_CRM_LOAN_STATUS).toBe('vencido');
    expect(d.UF_CRM_LOAN_BALANCE).toBe('100000.00|RUB');
  });
});
