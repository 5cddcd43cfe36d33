// TEMPORARY stand-in for lending/ (issue 4) until the core lands: just enough of buildSchedule
// and servicing (annuity / equal principal / flat, per-installment fixed fees, oldest-first
// allocation fees → interest → principal, no penalties) for the server code and its tests.
// Only lending-adapter.ts imports this file; delete it when the adapter points at lending/.
import Decimal from 'decimal.js';
import type {
  AllocationPart,
  Components,
  InstallmentState,
  LendingFailure,
  LoanInput,
  PaymentAllocation,
  PaymentInput,
  Schedule,
  ScheduleRow,
  Servicing,
} from './lending-types.js';

export class FallbackLendingError extends Error implements LendingFailure {
  constructor(
    readonly code: string,
    readonly path: string,
    message: string,
  ) {
    super(message);
  }
}

const SCALE: Record<string, number> = { JPY: 0, KRW: 0, CLP: 0 };
const DAY_COUNTS = new Set(['30/360', '30E/360', 'actual/360', 'actual/364', 'actual/365', 'actual/actual-isda', 'actual/actual-ru']);
const METHODS = new Set(['annuity', 'equal-principal', 'flat']);
const MAX_INSTALLMENTS = 1200;

function fail(code: string, path: string, message: string): never {
  throw new FallbackLendingError(code, path, message);
}

function dec(v: unknown, path: string): Decimal {
  if (typeof v !== 'string' || !/^-?\d+(\.\d+)?$/.test(v)) fail('AMOUNT_INVALID', path, `${path} must be a decimal string`);
  return new Decimal(v);
}

function isoDate(v: unknown, path: string): string {
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(`${v}T00:00:00Z`))) {
    fail('DATE_INVALID', path, `${path} must be a date YYYY-MM-DD`);
  }
  return v;
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

function addPeriods(anchor: string, unit: 'day' | 'week' | 'month', count: number): string {
  const [y, m, d] = anchor.split('-').map(Number) as [number, number, number];
  if (unit === 'month') {
    const target = new Date(Date.UTC(y, m - 1 + count, 1));
    const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
    target.setUTCDate(Math.min(d, lastDay));
    return target.toISOString().slice(0, 10);
  }
  const t = new Date(Date.UTC(y, m - 1, d + count * (unit === 'week' ? 7 : 1)));
  return t.toISOString().slice(0, 10);
}

function periodsPerYear(unit: 'day' | 'week' | 'month', every: number): number {
  return (unit === 'month' ? 12 : unit === 'week' ? 52 : 365) / every;
}

export function buildScheduleFallback(input: LoanInput): Schedule {
  const scale = SCALE[input.currency] ?? 2;
  const round = (x: Decimal) => x.toDecimalPlaces(scale, Decimal.ROUND_HALF_UP);
  const fmt = (x: Decimal) => x.toFixed(scale);
  const principal = dec(input.principal, 'principal');
  if (principal.lte(0)) fail('PRINCIPAL_NOT_POSITIVE', 'principal', 'principal must be positive');
  if (!Number.isInteger(input.installments) || input.installments < 1 || input.installments > MAX_INSTALLMENTS) {
    fail('TERM_INVALID', 'installments', `installments must be an integer 1..${MAX_INSTALLMENTS}`);
  }
  if (!METHODS.has(input.method)) fail('METHOD_UNKNOWN', 'method', `unknown method ${input.method}`);
  if (!DAY_COUNTS.has(input.dayCount)) fail('DAY_COUNT_UNKNOWN', 'dayCount', `unknown day count ${input.dayCount}`);
  isoDate(input.contractDate, 'contractDate');
  const disbursed = isoDate(input.disbursementDate, 'disbursementDate');
  const freq = input.frequency;
  if (!freq || !['day', 'week', 'month'].includes(freq.unit) || !Number.isInteger(freq.every) || freq.every < 1) {
    fail('FREQUENCY_INVALID', 'frequency', 'frequency must be {unit: day|week|month, every ≥ 1}');
  }
  const annual = input.rate?.annualPercent !== undefined ? dec(input.rate.annualPercent, 'rate.annualPercent') : undefined;
  const daily = input.rate?.dailyPercent !== undefined ? dec(input.rate.dailyPercent, 'rate.dailyPercent') : undefined;
  if (!annual && !daily) fail('RATE_MISSING', 'rate', 'rate.annualPercent or rate.dailyPercent is required');
  if ((annual ?? daily)!.lt(0)) fail('RATE_NEGATIVE', annual ? 'rate.annualPercent' : 'rate.dailyPercent', 'rate must not be negative');
  if (input.profile === 'RU-MFO' && daily && daily.gt('0.8')) fail('RATE_OVER_CAP', 'rate.dailyPercent', 'daily rate above 0.8 % cap');

  const annualRate = annual ? annual.div(100) : daily!.div(100).mul(365);
  const n = input.installments;
  const first = input.firstDueDate ? isoDate(input.firstDueDate, 'firstDueDate') : addPeriods(disbursed, freq.unit, freq.every);
  if (first <= disbursed) fail('DATE_INVALID', 'firstDueDate', 'first due date must follow disbursement');
  const periodic = annualRate.div(periodsPerYear(freq.unit, freq.every));
  const perInstallmentFee = (input.fees ?? [])
    .filter((f) => f.at === 'installment')
    .reduce((s, f, i) => s.add(f.amount ? dec(f.amount, `fees[${i}].amount`) : principal.mul(dec(f.percent ?? '0', `fees[${i}].percent`)).div(100)), new Decimal(0));
  const fee = round(perInstallmentFee);

  const level = periodic.isZero() ? round(principal.div(n)) : round(principal.mul(periodic).div(new Decimal(1).sub(periodic.add(1).pow(-n))));
  const flatInterest = round(principal.mul(periodic));
  const rows: ScheduleRow[] = [];
  let balance = principal;
  let prevDate = disbursed;
  for (let i = 1; i <= n; i++) {
    const dueDate = i === 1 ? first : addPeriods(first, freq.unit, freq.every * (i - 1));
    const days = daysBetween(prevDate, dueDate);
    const interest =
      input.method === 'flat' ? flatInterest : input.interest === 'daily' ? round(balance.mul(annualRate).mul(days).div(365)) : round(balance.mul(periodic));
    let part: Decimal;
    if (i === n) part = balance;
    else if (input.method === 'annuity') part = Decimal.max(0, Decimal.min(balance, level.sub(interest)));
    else part = Decimal.min(balance, round(principal.div(n)));
    const closing = balance.sub(part);
    rows.push({ n: i, dueDate, days, opening: fmt(balance), principal: fmt(part), interest: fmt(interest), fees: fmt(fee), total: fmt(part.add(interest).add(fee)), closing: fmt(closing) });
    balance = closing;
    prevDate = dueDate;
  }
  const sum = (k: 'principal' | 'interest' | 'fees' | 'total') => fmt(rows.reduce((s, r) => s.add(r[k]), new Decimal(0)));
  return {
    installmentAmount: rows[0]!.total,
    rows,
    totals: { principal: sum('principal'), interest: sum('interest'), fees: sum('fees'), total: sum('total') },
    effectiveRates: {},
  };
}

type Comp = 'fees' | 'interest' | 'principal';
const ORDER: Comp[] = ['fees', 'interest', 'principal'];

export function servicingFallback(schedule: Schedule, currency: string, payments: PaymentInput[], asOf: string): Servicing {
  const scale = SCALE[currency] ?? 2;
  const fmt = (x: Decimal) => x.toFixed(scale);
  const paid = schedule.rows.map(() => ({ fees: new Decimal(0), interest: new Decimal(0), principal: new Decimal(0) }));
  const allocations: PaymentAllocation[] = [];
  const counted = payments.filter((p) => p.date <= asOf).sort((a, b) => (a.date === b.date ? (a.id < b.id ? -1 : 1) : a.date < b.date ? -1 : 1));
  for (const p of counted) {
    let left = dec(p.amount, 'payments.amount');
    if (left.lte(0)) fail('PAYMENT_NOT_POSITIVE', 'amount', 'payment must be positive');
    const parts: AllocationPart[] = [];
    for (let i = 0; i < schedule.rows.length && left.gt(0); i++) {
      const row = schedule.rows[i]!;
      for (const c of ORDER) {
        const owed = new Decimal(row[c]).sub(paid[i]![c]);
        if (owed.lte(0) || left.lte(0)) continue;
        const take = Decimal.min(owed, left);
        paid[i]![c] = paid[i]![c].add(take);
        left = left.sub(take);
        parts.push({ n: row.n, component: c, amount: fmt(take) });
      }
    }
    allocations.push({ paymentId: p.id, parts, unapplied: fmt(left) });
  }
  const comps = (f: Decimal, i: Decimal, pr: Decimal): Components => ({ principal: fmt(pr), interest: fmt(i), fees: fmt(f), penalty: fmt(new Decimal(0)), total: fmt(pr.add(i).add(f)) });
  let toBeCurrent = new Decimal(0);
  let payoff = new Decimal(0);
  let principalOutstanding = new Decimal(0);
  let loanDpd = 0;
  const installments: InstallmentState[] = schedule.rows.map((row, i) => {
    const pd = paid[i]!;
    const of = new Decimal(row.fees).sub(pd.fees);
    const oi = new Decimal(row.interest).sub(pd.interest);
    const op = new Decimal(row.principal).sub(pd.principal);
    const outstandingTotal = of.add(oi).add(op);
    const dpd = row.dueDate < asOf && outstandingTotal.gt(0) ? daysBetween(row.dueDate, asOf) : 0;
    loanDpd = Math.max(loanDpd, dpd);
    if (row.dueDate <= asOf) {
      toBeCurrent = toBeCurrent.add(outstandingTotal);
      payoff = payoff.add(of).add(oi);
    }
    payoff = payoff.add(op);
    principalOutstanding = principalOutstanding.add(op);
    return { n: row.n, dueDate: row.dueDate, due: comps(new Decimal(row.fees), new Decimal(row.interest), new Decimal(row.principal)), paid: comps(pd.fees, pd.interest, pd.principal), outstanding: comps(of, oi, op), daysPastDue: dpd };
  });
  return { asOf, installments, daysPastDue: loanDpd, principalOutstanding: fmt(principalOutstanding), toBeCurrent: fmt(toBeCurrent), payoff: fmt(payoff), allocations };
}
