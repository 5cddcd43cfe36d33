// What-if edits of future installments, built only from the core's buildSchedule so that it works the
// same with the stand-in and with lending/. A changed payment amount at row k keeps rows 1..k, turns
// the difference into principal, and re-amortises the rest over the remaining dates.
import Decimal from 'decimal.js';
import type { LoanInput, Outcome, Schedule, ScheduleRow } from './lending-types.js';

export interface AmountOverride {
  n: number;
  /** The decimal as read in the user's locale, or the typed text when it did not read (then `issue`). */
  total: string;
  /** Why the typed amount did not read (lending/locale-number.ts codes); the model does not apply such an edit. */
  issue?: string;
}

type Compute = (input: LoanInput) => Outcome<Schedule>;

export function applyAmountOverrides(input: LoanInput, base: Schedule, overrides: AmountOverride[], compute: Compute): Outcome<Schedule> {
  let rows = base.rows;
  for (const o of [...overrides].sort((a, b) => a.n - b.n)) {
    const k = rows.findIndex((r) => r.n === o.n);
    const row = rows[k];
    if (!row || k === rows.length - 1) continue;
    let total: Decimal;
    try {
      total = new Decimal(o.total);
    } catch {
      return { ok: false, issues: [{ code: 'NOT_A_NUMBER', field: `whatIf.${o.n}` }] };
    }
    const scale = (row.opening.split('.')[1] ?? '').length;
    const minimum = new Decimal(row.interest).plus(row.fees);
    if (total.lt(minimum) || total.gt(new Decimal(row.opening).plus(minimum))) {
      return { ok: false, issues: [{ code: 'WHAT_IF_OUT_OF_RANGE', field: `whatIf.${o.n}` }] };
    }
    const principal = total.minus(minimum);
    const closing = new Decimal(row.opening).minus(principal);
    const edited: ScheduleRow = {
      ...row,
      principal: principal.toFixed(scale),
      total: total.toFixed(scale),
      closing: closing.toFixed(scale),
    };
    const head = [...rows.slice(0, k), edited];
    if (closing.isZero()) {
      rows = head;
      continue;
    }
    const rest = rows.slice(k + 1);
    const tail = compute({
      ...input,
      principal: closing.toFixed(scale),
      disbursementDate: row.dueDate,
      installments: rest.length,
      // Explicit dates carry the first one; the core refuses both together.
      firstDueDate: undefined,
      dueDates: rest.map((r) => r.dueDate),
      fees: (input.fees ?? []).filter((f) => f.at === 'installment'),
    });
    if (!tail.ok) return tail;
    rows = [...head, ...tail.value.rows.map((r, i) => ({ ...r, n: k + 2 + i }))];
  }
  const sum = (key: 'principal' | 'interest' | 'fees' | 'total'): string =>
    rows.reduce((s, r) => s.plus(r[key]), new Decimal(0)).toFixed((base.totals[key].split('.')[1] ?? '').length);
  const upfront = new Decimal(base.totals.fees).minus(base.rows.reduce((s, r) => s.plus(r.fees), new Decimal(0)));
  return {
    ok: true,
    value: {
      ...base,
      rows,
      totals: {
        principal: sum('principal'),
        interest: sum('interest'),
        vat: rows.reduce((s, r) => s.plus(r.vat ?? '0'), new Decimal(0)).toFixed((base.totals.vat.split('.')[1] ?? '').length),
        fees: new Decimal(sum('fees')).plus(upfront).toFixed((base.totals.fees.split('.')[1] ?? '').length),
        total: new Decimal(sum('total')).plus(upfront).toFixed((base.totals.total.split('.')[1] ?? '').length),
      },
    },
  };
}
