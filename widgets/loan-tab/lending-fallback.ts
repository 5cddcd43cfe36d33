// TEMPORARY stand-in for lending/ while the core is being written (issue 4). Same JSON shapes
// (lending-types.ts), deliberately simple: periodic or Actual/365 interest, annuity / equal
// principal / flat, XIRR as the effective rate, RU statutory allocation order, daily penalty on
// overdue principal. lending-adapter.ts switches to lending/ once it exports buildSchedule.
import Decimal from 'decimal.js';
import type {
  Allocation, InstallmentState, LendingIssue, LoanInput, Outcome, Schedule, ScheduleRow, Servicing, ServicingInput,
} from './lending-types.js';

const D = Decimal.clone({ precision: 34, rounding: Decimal.ROUND_HALF_UP });
type Dec = InstanceType<typeof D>;
const ISO = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

const SCALE: Record<string, number> = { JPY: 0, KRW: 0, CLP: 0 };
const scaleOf = (currency: string): number => SCALE[currency] ?? 2;

function toMs(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`);
}
function fromMs(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
export function daysBetween(a: string, b: string): number {
  return Math.round((toMs(b) - toMs(a)) / DAY_MS);
}
function addMonths(iso: string, months: number, anchorDay: number): string {
  const [y, m] = iso.split('-').map(Number) as [number, number];
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = total % 12;
  const last = new Date(Date.UTC(ny, nm + 1, 0)).getUTCDate();
  return fromMs(Date.UTC(ny, nm, Math.min(anchorDay, last)));
}

function dueDates(input: LoanInput): string[] {
  if (input.dueDates && input.dueDates.length === input.installments) return input.dueDates;
  const { unit, every } = input.frequency;
  const first = input.firstDueDate ?? step(input.disbursementDate, unit, every, 1, Number(input.disbursementDate.slice(8)));
  const anchor = Number(first.slice(8));
  const out: string[] = [];
  for (let i = 0; i < input.installments; i++) out.push(step(first, unit, every, i, anchor));
  return out;
}
function step(from: string, unit: string, every: number, k: number, anchor: number): string {
  if (unit === 'month') return addMonths(from, every * k, anchor);
  return fromMs(toMs(from) + (unit === 'week' ? 7 : 1) * every * k * DAY_MS);
}

function validDate(s: string | undefined): boolean {
  return typeof s === 'string' && ISO.test(s) && !Number.isNaN(toMs(s)) && fromMs(toMs(s)) === s;
}
function validDecimal(s: string | undefined): boolean {
  if (typeof s !== 'string' || s.trim() === '') return false;
  try {
    return new D(s).isFinite();
  } catch {
    return false;
  }
}

export function validateLoan(input: LoanInput): LendingIssue[] {
  const issues: LendingIssue[] = [];
  if (!validDecimal(input.principal)) issues.push({ code: 'NOT_A_NUMBER', field: 'principal' });
  else if (new D(input.principal).lte(0)) issues.push({ code: 'PRINCIPAL_NOT_POSITIVE', field: 'principal' });
  const rate = 'annualPercent' in input.rate ? input.rate.annualPercent : input.rate.dailyPercent;
  if (!validDecimal(rate)) issues.push({ code: 'NOT_A_NUMBER', field: 'rate' });
  else if (new D(rate).lt(0)) issues.push({ code: 'RATE_NEGATIVE', field: 'rate' });
  else if (input.profile === 'RU-MFO' && new D(rate).gt('dailyPercent' in input.rate ? '0.8' : '292')) {
    issues.push({ code: 'RATE_OVER_CAP', field: 'rate' });
  }
  if (!Number.isInteger(input.installments) || input.installments < 1) issues.push({ code: 'TERM_NOT_POSITIVE', field: 'installments' });
  else if (input.installments > 600) issues.push({ code: 'TERM_TOO_LONG', field: 'installments' });
  if (!validDate(input.disbursementDate)) issues.push({ code: 'BAD_DATE', field: 'disbursementDate' });
  if (input.firstDueDate !== undefined && !validDate(input.firstDueDate)) issues.push({ code: 'BAD_DATE', field: 'firstDueDate' });
  if (issues.length === 0 && input.firstDueDate && input.firstDueDate <= input.disbursementDate) {
    issues.push({ code: 'FIRST_DUE_BEFORE_DISBURSEMENT', field: 'firstDueDate' });
  }
  for (const [i, f] of (input.fees ?? []).entries()) {
    const v = f.amount ?? f.percent;
    if (!validDecimal(v) || new D(v as string).lt(0)) issues.push({ code: 'FEE_INVALID', field: `fees.${i}` });
  }
  return issues;
}

export function buildScheduleFallback(input: LoanInput): Outcome<Schedule> {
  const issues = validateLoan(input);
  if (issues.length > 0) return { ok: false, issues };
  const scale = scaleOf(input.currency);
  const r2 = (x: Dec): Dec => x.toDecimalPlaces(scale, D.ROUND_HALF_UP);
  const principal = new D(input.principal);
  const dates = dueDates(input);
  const ppy = input.frequency.unit === 'month' ? 12 / input.frequency.every : 365 / ((input.frequency.unit === 'week' ? 7 : 1) * input.frequency.every);
  const annual = 'annualPercent' in input.rate ? new D(input.rate.annualPercent).div(100) : new D(input.rate.dailyPercent).div(100).mul(365);
  const periodic = annual.div(ppy);
  const n = input.installments;
  const level = periodic.isZero()
    ? principal.div(n)
    : principal.mul(periodic).div(new D(1).minus(periodic.plus(1).pow(-n)));
  const perInstallmentFee = (input.fees ?? [])
    .filter((f) => f.at === 'installment')
    .reduce((s, f) => s.plus(f.amount ? new D(f.amount) : principal.mul(new D(f.percent ?? '0')).div(100)), new D(0));
  const rows: ScheduleRow[] = [];
  let balance = principal;
  let prev = input.disbursementDate;
  const installment = r2(level);
  for (let i = 0; i < n; i++) {
    const due = dates[i] as string;
    const days = daysBetween(prev, due);
    const interest = r2(
      input.method === 'flat'
        ? principal.mul(periodic)
        : input.interest === 'daily' ? balance.mul(annual).mul(days).div(365) : balance.mul(periodic),
    );
    const last = i === n - 1;
    let principalPart =
      input.method === 'annuity' ? installment.minus(interest) : r2(principal.div(n));
    if (last || principalPart.gt(balance)) principalPart = balance;
    if (principalPart.lt(0)) principalPart = new D(0);
    const fee = r2(perInstallmentFee);
    const closing = balance.minus(principalPart);
    rows.push({
      n: i + 1, dueDate: due, days,
      opening: balance.toFixed(scale), principal: principalPart.toFixed(scale), interest: interest.toFixed(scale),
      fees: fee.toFixed(scale), total: principalPart.plus(interest).plus(fee).toFixed(scale), closing: closing.toFixed(scale),
    });
    balance = closing;
    prev = due;
  }
  const sum = (k: keyof ScheduleRow): Dec => rows.reduce((s, r) => s.plus(r[k] as string), new D(0));
  const upfront = (input.fees ?? [])
    .filter((f) => f.at === 'disbursement')
    .reduce((s, f) => s.plus(f.amount ? new D(f.amount) : principal.mul(new D(f.percent ?? '0')).div(100)), new D(0));
  const flows = [{ date: input.disbursementDate, amount: principal.minus(upfront).neg() }, ...rows.map((r) => ({ date: r.dueDate, amount: new D(r.total) }))];
  const xirr = solveXirr(flows);
  const eff = xirr === null ? undefined : xirr.mul(100).toFixed(3);
  return {
    ok: true,
    value: {
      installmentAmount: (rows[0]?.total ?? '0'),
      rows,
      totals: {
        principal: sum('principal').toFixed(scale), interest: sum('interest').toFixed(scale),
        fees: sum('fees').plus(upfront).toFixed(scale), total: sum('total').plus(upfront).toFixed(scale),
      },
      effectiveRates: { psk: eff, cat: eff === undefined ? undefined : new D(eff).toFixed(1), xirr: eff },
    },
  };
}

// Bisection on the NPV in years (Actual/365): slow but it cannot diverge, and 80 steps are plenty.
function solveXirr(flows: { date: string; amount: Dec }[]): Dec | null {
  const t0 = flows[0]?.date ?? '';
  const npv = (rate: number): number =>
    flows.reduce((s, f) => s + f.amount.toNumber() / Math.pow(1 + rate, daysBetween(t0, f.date) / 365), 0);
  let lo = -0.99;
  let hi = 1000;
  if (npv(lo) * npv(hi) > 0) return null;
  for (let i = 0; i < 100; i++) {
    const mid = (lo + hi) / 2;
    if (npv(lo) * npv(mid) <= 0) hi = mid;
    else lo = mid;
  }
  return new D((lo + hi) / 2);
}

interface Open { n: number; dueDate: string; principal: Dec; interest: Dec; fees: Dec; penalty: Dec; accruedTo: string; due: Dec; paid: Dec; }

export function serviceFallback(input: ServicingInput, currency: string): Outcome<Servicing> {
  if (!validDate(input.asOf)) return { ok: false, issues: [{ code: 'BAD_DATE', field: 'asOf' }] };
  for (const [i, p] of input.payments.entries()) {
    if (!validDate(p.date)) return { ok: false, issues: [{ code: 'BAD_DATE', field: `payments.${i}.date` }] };
    if (!validDecimal(p.amount) || new D(p.amount).lte(0)) return { ok: false, issues: [{ code: 'PAYMENT_NOT_POSITIVE', field: `payments.${i}.amount` }] };
  }
  const scale = scaleOf(currency);
  const r2 = (x: Dec): Dec => x.toDecimalPlaces(scale, D.ROUND_HALF_UP);
  const daily = new D(input.penaltyDailyPercent || '0').div(100);
  const open: Open[] = input.rows.map((r) => ({
    n: r.n, dueDate: r.dueDate, principal: new D(r.principal), interest: new D(r.interest), fees: new D(r.fees),
    penalty: new D(0), accruedTo: r.dueDate, due: new D(r.total), paid: new D(0),
  }));
  const accrue = (to: string): void => {
    for (const o of open) {
      if (o.dueDate >= to || o.principal.isZero()) continue;
      const from = o.accruedTo > o.dueDate ? o.accruedTo : o.dueDate;
      const days = Math.max(0, daysBetween(from, to));
      o.penalty = o.penalty.plus(r2(o.principal.mul(daily).mul(days)));
      o.accruedTo = to;
    }
  };
  const take = (o: Open, k: 'principal' | 'interest' | 'fees' | 'penalty', left: Dec): Dec => {
    const x = D.min(o[k], left);
    o[k] = o[k].minus(x);
    if (k !== 'penalty') o.paid = o.paid.plus(x);
    return x;
  };
  const allocations: Allocation[] = [];
  const payments = [...input.payments].filter((p) => p.date <= input.asOf).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  for (const p of payments) {
    accrue(p.date);
    let left = new D(p.amount);
    const a = { penalty: new D(0), interest: new D(0), principal: new D(0), inAdvance: new D(0) };
    // RU statutory order (since 2024-07-01): overdue interest, overdue principal, current interest,
    // current principal, other (fees), penalty last; then the next installments in advance.
    const overdue = open.filter((o) => o.dueDate < p.date);
    const current = open.filter((o) => o.dueDate === p.date);
    for (const o of overdue) { const x = take(o, 'interest', left); a.interest = a.interest.plus(x); left = left.minus(x); }
    for (const o of overdue) { const x = take(o, 'principal', left); a.principal = a.principal.plus(x); left = left.minus(x); }
    for (const o of current) { const x = take(o, 'interest', left); a.interest = a.interest.plus(x); left = left.minus(x); }
    for (const o of current) { const x = take(o, 'principal', left); a.principal = a.principal.plus(x); left = left.minus(x); }
    for (const o of [...overdue, ...current]) { const x = take(o, 'fees', left); a.interest = a.interest.plus(x); left = left.minus(x); }
    for (const o of overdue) { const x = take(o, 'penalty', left); a.penalty = a.penalty.plus(x); left = left.minus(x); }
    for (const o of open.filter((x) => x.dueDate > p.date)) {
      for (const k of ['interest', 'principal', 'fees'] as const) { const x = take(o, k, left); a.inAdvance = a.inAdvance.plus(x); left = left.minus(x); }
    }
    a.inAdvance = a.inAdvance.plus(left);
    allocations.push({
      paymentId: p.id, date: p.date, amount: new D(p.amount).toFixed(scale), penalty: a.penalty.toFixed(scale),
      interest: a.interest.toFixed(scale), principal: a.principal.toFixed(scale), inAdvance: a.inAdvance.toFixed(scale),
    });
  }
  accrue(input.asOf);
  const installments: InstallmentState[] = open.map((o) => {
    const outstanding = o.principal.plus(o.interest).plus(o.fees);
    const pastDue = o.dueDate < input.asOf && outstanding.gt(0);
    return {
      n: o.n, dueDate: o.dueDate, due: o.due.toFixed(scale), paid: o.paid.toFixed(scale), outstanding: outstanding.toFixed(scale),
      penalty: o.penalty.toFixed(scale), daysPastDue: pastDue ? daysBetween(o.dueDate, input.asOf) : 0,
      status: outstanding.isZero() ? 'paid' : pastDue ? 'overdue' : o.paid.gt(0) ? 'partial' : 'upcoming',
    };
  });
  const sumOpen = (f: (o: Open) => Dec, filter: (o: Open) => boolean = () => true): Dec => open.filter(filter).reduce((s, o) => s.plus(f(o)), new D(0));
  const penalty = sumOpen((o) => o.penalty);
  const dueNow = sumOpen((o) => o.principal.plus(o.interest).plus(o.fees), (o) => o.dueDate <= input.asOf);
  // Payoff: everything due, all remaining principal, and interest of the running period pro rata.
  const next = open.find((o) => o.dueDate > input.asOf);
  const row = next ? input.rows.find((r) => r.n === next.n) : undefined;
  const runningInterest = next && row && row.days > 0
    ? r2(next.interest.mul(Math.max(0, row.days - daysBetween(input.asOf, next.dueDate))).div(row.days))
    : new D(0);
  const futurePrincipal = sumOpen((o) => o.principal, (o) => o.dueDate > input.asOf);
  return {
    ok: true,
    value: {
      installments, allocations,
      daysPastDue: installments.reduce((m, i) => Math.max(m, i.daysPastDue), 0),
      penaltyOutstanding: penalty.toFixed(scale),
      toBeCurrent: dueNow.plus(penalty).toFixed(scale),
      payoff: dueNow.plus(penalty).plus(futurePrincipal).plus(runningInterest).toFixed(scale),
    },
  };
}
