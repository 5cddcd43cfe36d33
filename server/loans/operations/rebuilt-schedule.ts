import Decimal from 'decimal.js';
import type { LoanInput, Schedule, ScheduleRow, Servicing } from '../lending-types.js';

const DAY_MS = 86_400_000;

/**
 * The schedule a prepayment left, read off the servicing run that applied it (the same computation
 * the tab, the loan API and the CRM sync show): each installment's principal, interest, fees and VAT
 * as now due, with opening and closing balances. The principal a prepayment took off sits in the
 * installment it was booked on, so the rows still sum to the loan's principal. The disbursement fees
 * stay as they were; the effective rates are the contract's, disclosed when the loan was signed.
 * `terms`: the version's — its disbursement date and method (the installment is read as the core reads it).
 */
export function rebuiltSchedule(
  base: Schedule,
  servicing: Servicing,
  terms: Pick<LoanInput, 'disbursementDate' | 'method'>,
  after: string,
): Schedule {
  const disbursementDate = terms.disbursementDate;
  // The scale the rows are written in (the currency's): "8400.00" has 2, which Decimal would drop.
  const dp = (base.rows[0]?.principal.split('.')[1] ?? '').length;
  const fix = (d: Decimal) => d.toFixed(dp);
  let balance = servicing.installments.reduce((s, i) => s.add(i.components.principal.due), new Decimal(0));
  let prev = disbursementDate;
  const hasVat = base.rows.some((r) => r.vat !== undefined);
  const rows: ScheduleRow[] = servicing.installments.map((i) => {
    const c = i.components;
    const principal = new Decimal(c.principal.due);
    const total = principal.add(c.interest.due).add(c.fees.due).add(c.vat.due);
    const opening = balance;
    balance = balance.sub(principal);
    const days = Math.round((Date.parse(i.dueDate) - Date.parse(prev)) / DAY_MS);
    prev = i.dueDate;
    return {
      n: i.n,
      dueDate: i.dueDate,
      days,
      opening: fix(opening),
      principal: c.principal.due,
      interest: c.interest.due,
      fees: c.fees.due,
      ...(hasVat ? { vat: c.vat.due } : {}),
      total: fix(total),
      closing: fix(balance),
    };
  });
  const sumOf = (k: 'principal' | 'interest' | 'fees' | 'vat' | 'total') => rows.reduce((s, r) => s.add(r[k] ?? '0'), new Decimal(0));
  const total = sumOf('total');
  const totals: Record<string, string> = {
    ...base.totals,
    principal: fix(sumOf('principal')),
    interest: fix(sumOf('interest')),
    fees: fix(sumOf('fees')),
    vat: fix(sumOf('vat')),
    total: fix(total),
  };
  // The cost of credit moves by what the rows' total moved (interest, fees and VAT no longer charged).
  const before = base.totals.costOfCredit;
  if (before !== undefined) totals.costOfCredit = fix(new Decimal(before).sub(new Decimal(base.totals.total ?? total).sub(total)));
  // The installment as it now stands: the first whole period after the prepayment (the period the
  // prepayment fell in carries the principal it took off), in the contract's own terms (lending/README
  // `installmentAmount`): an annuity's level payment is principal + interest, fees and VAT riding on
  // top; another method's is the row's total. A Mexican loan's row total carries IVA: read as the
  // installment, it showed a reduce-term prepayment raising it ("Cuota actual 2,082.90 / Contrato 2,030.86").
  const ahead = rows.filter((r) => r.dueDate > after);
  const level = ahead[1] ?? ahead[0];
  const installmentOf = (r: ScheduleRow) => (terms.method === 'annuity' ? fix(new Decimal(r.principal).add(r.interest)) : r.total);
  return { installmentAmount: level ? installmentOf(level) : base.installmentAmount, rows, totals, effectiveRates: base.effectiveRates };
}
