import { describe, expect, it } from 'vitest';
import { demoValues } from './document-packs.js';
import { demoPortfolioPlan, type DemoDeal } from './portfolio.js';

// A user trial read deal 8's contract of 04/12/2026 beside its disbursement of 06/06/2026: the
// application values carried one fixed date whatever the loan said.
const STAGES = ['NEW', 'APPROVED', 'CONTRACT_SIGNED', 'ISSUED', 'REPAYING', 'OVERDUE', 'WON', 'LOSE'];
const deals: DemoDeal[] = ['MXN', 'RUB'].flatMap((currency, c) =>
  STAGES.map((stage, i) => ({ id: c * 100 + i + 1, stage, currency, amount: '150000' })),
);
const today = '2026-12-06';

describe('demo contract dates', () => {
  const plans = demoPortfolioPlan(deals, today);

  it('no demo loan is contracted after its disbursement', () => {
    expect(plans.length).toBeGreaterThan(10);
    for (const p of plans) expect(p.terms.contractDate! <= p.terms.disbursementDate, `deal ${p.dealId}`).toBe(true);
  });

  it("the application's contract date is the loan's", () => {
    const overdue = plans.find((p) => p.dealId === STAGES.indexOf('OVERDUE') + 1)!;
    const deal = { id: overdue.dealId, title: 'Préstamo personal — Ana López', currency: 'MXN', amount: '150000' };
    const v = demoValues({ ...deal, contractDate: overdue.terms.contractDate! }, 0);
    expect(v['contract.date']).toBe('2026-06-06');
    expect(v['contract.date']! <= overdue.terms.disbursementDate).toBe(true);
  });
});
