// `npm run demo`: a living portfolio on the demo deals — applications, issued, current with
// payments, partially paid, overdue at two depths, paid off early, a reversed payment, a RU-MFO
// loan and an MX (CAT, IVA) loan. Every loan goes through the app's own use cases (saveLoan,
// registerPayment, reversePayment) with the outbox bound, so the schedule items and deal fields
// reach the portal the way a manager's save would. Dates are relative to the first demo start; a
// deal that already has a loan is left alone (a restart keeps what the portfolio — or a user — made).
import Decimal from 'decimal.js';
import { addDays, addMonths } from '../../lending/dates.js';
import { enqueue } from '../../server/jobs/outbox.js';
import type { Executor } from '../../server/db/executor.js';
import type { LoanInput } from '../../server/loans/lending-types.js';
import { defaultLoanDeps, type LoanDeps } from '../../server/loans/operations/deps.js';
import { getLoanView } from '../../server/loans/operations/get-loan-view.js';
import { registerPayment } from '../../server/loans/operations/register-payment.js';
import { reversePayment } from '../../server/loans/operations/reverse-payment.js';
import { saveLoan } from '../../server/loans/operations/save-loan.js';
import { findLoanByDeal } from '../../server/loans/loan-repo.js';

export interface DemoDeal {
  id: number;
  /** The stage code without the pipeline prefix: NEW, ISSUED, REPAYING, … */
  stage: string;
  currency: string;
  amount: string;
}

/** What happens to a loan after it is saved, in order. */
type Step =
  | { pay: 'installment'; n: number; daysLate?: number }
  | { pay: 'part'; n: number; percent: number }
  | { pay: 'payoff'; on: string }
  /**
   * Paid, then reversed with a reason code (the tab shows it in the viewer's language) and a note as a
   * person on this loan would type it: in the loan's language, never a mix (a RU loan read "Платёж
   * учтён дважды · booked twice").
   */
  | { pay: 'reversed'; n: number; reasonCode: string; note: string };

export interface LoanPlan {
  dealId: number;
  /** What a person reads in the demo's output: which stage of a loan's life this deal shows. */
  shows: string;
  terms: LoanInput;
  steps: Step[];
}

/** Monthly annuity terms for a deal, contracted `monthsAgo` months before today; `extra` overrides. */
const termsOf =
  (d: DemoDeal, today: string, annualPercent: string) =>
  (monthsAgo: number, extra: Partial<LoanInput> = {}): LoanInput => {
    const contractDate = addMonths(today, -monthsAgo);
    return {
      principal: d.amount,
      currency: d.currency,
      contractDate,
      disbursementDate: contractDate,
      method: 'annuity',
      rate: { annualPercent },
      installments: 12,
      frequency: { unit: 'month', every: 1 },
      firstDueDate: addMonths(contractDate, 1),
      // The loan tab's own conventions for a new loan (widgets/loan-tab/kept-conventions.ts): a demo
      // loan is one the manager saved from the tab, so it shows no conventions line there. (A loan with
      // other conventions keeps them in the tab, which recomputes the very schedule the items hold.)
      dayCount: d.currency === 'RUB' ? 'actual/actual-ru' : 'actual/365',
      interest: 'daily',
      ...extra,
    };
  };

// Until a deal is issued, its loan is a calculation the manager saved; a rejected deal has none.
const APPLICATION_STAGES = new Set(['NEW', 'VERIFICATION', 'UNDERWRITING', 'APPROVED', 'CONTRACT_SIGNED']);
const application = (dealId: number, terms: LoanInput): LoanPlan => ({
  dealId,
  shows: 'application (a calculation saved, nothing paid)',
  terms,
  steps: [],
});

function mxPlan(d: DemoDeal, today: string): LoanPlan | undefined {
  const terms = termsOf(d, today, '60');
  if (APPLICATION_STAGES.has(d.stage)) return application(d.id, terms(0));
  switch (d.stage) {
    case 'ISSUED': {
      const issued = addDays(today, -10);
      const shows = 'issued, first installment not due yet';
      return {
        dealId: d.id,
        shows,
        terms: terms(0, { contractDate: issued, disbursementDate: issued, firstDueDate: addDays(today, 20) }),
        steps: [],
      };
    }
    case 'REPAYING':
      return {
        dealId: d.id,
        shows: 'MX profile (CAT, IVA 16 %): current, four installments paid, one a few days late',
        terms: terms(4, { profile: 'MX' }),
        steps: [
          { pay: 'installment', n: 1 },
          { pay: 'installment', n: 2, daysLate: 3 },
          { pay: 'installment', n: 3 },
          { pay: 'installment', n: 4 },
        ],
      };
    case 'OVERDUE':
      return {
        dealId: d.id,
        shows: 'overdue about four months: one installment paid, the second paid in part',
        terms: terms(6),
        steps: [
          { pay: 'installment', n: 1 },
          { pay: 'part', n: 2, percent: 40 },
        ],
      };
    case 'WON':
      return {
        dealId: d.id,
        shows: 'paid off early: two installments, then the payoff',
        terms: terms(7),
        steps: [
          { pay: 'installment', n: 1 },
          { pay: 'installment', n: 2 },
          { pay: 'payoff', on: addMonths(today, -4) },
        ],
      };
    default:
      return undefined;
  }
}

function ruPlan(d: DemoDeal, today: string): LoanPlan | undefined {
  const terms = termsOf(d, today, '24');
  if (APPLICATION_STAGES.has(d.stage)) return application(d.id, terms(0));
  switch (d.stage) {
    case 'ISSUED': {
      // A classic microloan: one payment after 30 days at 0.8 % a day, under the RU-MFO caps.
      const issued = addDays(today, -5);
      return {
        dealId: d.id,
        shows: 'RU-MFO microloan: one payment after 30 days at 0.8 %/day, issued 5 days ago',
        terms: {
          principal: d.amount,
          currency: d.currency,
          contractDate: issued,
          disbursementDate: issued,
          method: 'single-payment',
          rate: { dailyPercent: '0.8' },
          installments: 1,
          dueDates: [addDays(issued, 30)],
          dayCount: 'actual/365',
          profile: 'RU-MFO',
        },
        steps: [],
      };
    }
    case 'REPAYING':
      return {
        dealId: d.id,
        shows: 'current, three installments paid; a mistaken extra payment was reversed',
        terms: terms(3),
        steps: [
          { pay: 'installment', n: 1 },
          { pay: 'installment', n: 2 },
          { pay: 'reversed', n: 3, reasonCode: 'DUPLICATE', note: 'Банк прислал этот перевод в выписке дважды' },
          { pay: 'installment', n: 3 },
        ],
      };
    case 'OVERDUE':
      return {
        dealId: d.id,
        shows: 'RU-MFO installment loan, overdue about a month: the first installment paid',
        terms: terms(3, { installments: 6, rate: { dailyPercent: '0.3' }, profile: 'RU-MFO' }),
        steps: [{ pay: 'installment', n: 1 }],
      };
    case 'WON':
      return {
        dealId: d.id,
        shows: 'paid off early, a month after the first installment',
        terms: terms(5),
        steps: [
          { pay: 'installment', n: 1 },
          { pay: 'payoff', on: addMonths(today, -3) },
        ],
      };
    default:
      return undefined;
  }
}

/** The portfolio for these deals as of `today` (pure: no I/O). */
export function demoPortfolioPlan(deals: DemoDeal[], today: string): LoanPlan[] {
  return deals.map((d) => (d.currency === 'RUB' ? ruPlan(d, today) : mxPlan(d, today))).filter((p): p is LoanPlan => p !== undefined);
}

export interface SeedResult {
  seeded: LoanPlan[];
  /** A loan the app refused stays unseeded with the reason; the demo starts anyway. */
  failed: { dealId: number; reason: string }[];
}

/** Saves each planned loan and books its payments; deals that have a loan already are skipped. */
export async function seedDemoPortfolio(db: Executor, portalId: string, plans: LoanPlan[]): Promise<SeedResult> {
  const deps = defaultLoanDeps({ enqueue: (trx, job) => enqueue(trx, job) });
  const result: SeedResult = { seeded: [], failed: [] };
  for (const plan of plans) {
    if (await findLoanByDeal(db, portalId, plan.dealId)) continue;
    try {
      await seedLoan(db, portalId, plan, deps);
      result.seeded.push(plan);
    } catch (e) {
      result.failed.push({ dealId: plan.dealId, reason: e instanceof Error ? e.message : String(e) });
    }
  }
  return result;
}

async function seedLoan(db: Executor, portalId: string, plan: LoanPlan, deps: LoanDeps): Promise<void> {
  const actor = { userId: 1 };
  const { schedule } = await saveLoan(db, portalId, plan.dealId, { terms: plan.terms, reason: 'demo portfolio' }, actor, deps);
  let i = 0;
  for (const step of plan.steps) {
    const id = `demo-${plan.dealId}-${++i}`;
    const pay = (date: string, amount: string, paymentId = id) =>
      registerPayment(db, portalId, plan.dealId, { id: paymentId, date, amount, method: 'transfer', reference: `DEMO-${i}` }, actor, deps);
    if (step.pay === 'payoff') {
      // One payment of the payoff quoted for the date closes the loan (lending/servicing/service.ts).
      const quote = (await getLoanView(db, portalId, plan.dealId, step.on))!.servicing.payoff.amount;
      await pay(step.on, quote);
      continue;
    }
    const row = schedule.rows[step.n - 1]!;
    if (step.pay === 'installment') await pay(addDays(row.dueDate, step.daysLate ?? 0), row.total);
    if (step.pay === 'part') await pay(row.dueDate, partOf(row.total, step.percent));
    if (step.pay === 'reversed') {
      await pay(row.dueDate, row.total);
      await reversePayment(db, portalId, plan.dealId, id, { reasonCode: step.reasonCode, note: step.note }, actor, deps);
    }
  }
}

/** percent % of an installment, in whole units (a round partial payment, as people pay). */
function partOf(total: string, percent: number): string {
  return new Decimal(total).mul(percent).div(100).floor().toFixed(0);
}
