// A down payment: installment 1 falls due on the disbursement date and repays only principal (no
// days have run, so no interest); the rest of the loan amortises from installment 2. This is Apache
// Fineract's "enable down payment" (disbursedAmountPercentageForDownPayment): its integration tests
// show installment 1 dated the disbursement day with principal = percent × disbursed and no interest.
import { ZERO } from '../decimal.js';
import type { Dec } from '../decimal.js';
import type { LoanTerms, ScheduleRow } from '../types.js';
import type { Amortized } from './amortize.js';

export function withDownPayment<A extends Amortized>(t: LoanTerms, rest: A, down: Dec): A {
  const row: ScheduleRow = {
    n: 1,
    dueDate: t.disbursementDate,
    days: 0,
    opening: t.principal,
    principal: down,
    interest: ZERO,
    fees: ZERO,
    vat: ZERO,
    total: down,
    closing: t.principal.minus(down),
  };
  return { ...rest, rows: [row, ...rest.rows], principal: rest.principal.plus(down), total: rest.total.plus(down) };
}
