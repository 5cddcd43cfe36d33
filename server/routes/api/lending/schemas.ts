// JSON Schemas (TypeBox) of the lending API: amounts are decimal strings, dates ISO YYYY-MM-DD.
// Values are checked by type here; their meaning (known currency, day count, …) by lending/ itself,
// so HTTP and CLI refuse the same input with the same code and field path.
import { Type, type TSchema } from '@sinclair/typebox';

const Amount = Type.String({ pattern: '^-?\\d+(\\.\\d+)?$', description: 'Decimal string, e.g. "1234.56"', examples: ['100000'] });
const Percent = Type.String({ pattern: '^\\d+(\\.\\d+)?$', description: 'Percent as a decimal string, e.g. "18" for 18 %' });
const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'ISO date YYYY-MM-DD', examples: ['2024-01-15'] });
const Opt = <T extends TSchema>(t: T) => Type.Optional(t);

export const LoanInput = Type.Object(
  {
    principal: Amount,
    currency: Type.String({ description: 'ISO 4217; its scale sets the rounding (RUB 2, JPY 0, …)' }),
    contractDate: IsoDate,
    disbursementDate: Opt(IsoDate),
    method: Type.String({ description: 'annuity | equal-principal | flat | single-payment | interest-free' }),
    rate: Opt(Type.Object({ annualPercent: Opt(Percent), dailyPercent: Opt(Percent) })),
    installments: Opt(Type.Integer()),
    frequency: Opt(
      Type.Object({ unit: Type.String({ description: 'day | week | month' }), every: Opt(Type.Integer()), monthEnd: Opt(Type.Boolean()) }),
    ),
    firstDueDate: Opt(IsoDate),
    dueDates: Opt(Type.Array(IsoDate, { maxItems: 1200 })),
    dayCount: Opt(
      Type.String({ description: '30/360 | 30E/360 | actual/360 | actual/364 | actual/365 | actual/actual-isda | actual/actual-ru' }),
    ),
    interest: Opt(Type.String({ description: 'daily | periodic' })),
    annuity: Opt(Type.String({ description: 'fixed-payment | resolved' })),
    rounding: Opt(
      Type.Object({
        mode: Opt(Type.String({ description: 'half-up | half-even | down | up' })),
        installmentStep: Opt(Amount),
        installmentMode: Opt(Type.String()),
        last: Opt(Type.String({ description: 'adjust' })),
        remainderTo: Opt(Type.String({ description: 'first | last' })),
      }),
    ),
    grace: Opt(Type.Object({ principal: Opt(Type.Integer()), interest: Opt(Type.Integer()) })),
    fees: Opt(
      Type.Array(
        Type.Object({
          name: Type.String(),
          amount: Opt(Amount),
          percent: Opt(Percent),
          at: Type.String({ description: 'disbursement | installment' }),
          withheld: Opt(Type.Boolean()),
        }),
        { maxItems: 20 },
      ),
    ),
    vat: Opt(Type.Object({ percent: Percent, onFees: Opt(Type.Boolean()) })),
    profile: Opt(Type.String({ description: 'RU-MFO | MX' })),
    effectiveRates: Opt(Type.Array(Type.String({ description: 'psk | cat | xirr' }), { maxItems: 3 })),
    pskMonthDays: Opt(Type.String({ description: 'actual | 30 | 365/12' })),
    catBasis: Opt(
      Type.String({
        description: 'periods (Banxico: t = k / periods a year) | dates (days / 365); default: the profile’s (MX periods), else dates',
      }),
    ),
    annuityAdjustment: Opt(Type.String({ description: 'none | fineract (annuity "resolved" only: Fineract’s EMI adjustment)' })),
    downPayment: Opt(
      Type.Object(
        { amount: Opt(Amount), percent: Opt(Percent) },
        { description: 'Principal due on the disbursement date (installment 1)' },
      ),
    ),
    fixedPayment: Opt(
      Type.String({ ...Amount, description: 'Installment per period; the number of installments follows (omit installments)' }),
    ),
  },
  { $id: 'LendingLoanInput', title: 'Loan terms' },
);

const Row = Type.Object({
  n: Type.Integer(),
  dueDate: IsoDate,
  days: Type.Integer(),
  opening: Amount,
  principal: Amount,
  interest: Amount,
  fees: Amount,
  vat: Opt(Amount),
  total: Amount,
  closing: Amount,
});

export const ScheduleReply = Type.Object({
  currency: Type.String(),
  installmentAmount: Amount,
  rows: Type.Array(Row),
  totals: Type.Object({
    principal: Amount,
    interest: Amount,
    fees: Amount,
    vat: Amount,
    total: Amount,
    disbursementFees: Amount,
    netDisbursed: Amount,
    costOfCredit: Amount,
  }),
  effectiveRates: Type.Object({ psk: Opt(Type.String()), cat: Opt(Type.String()), xirr: Opt(Type.String()) }),
  catBasis: Opt(Type.String({ description: 'periods | dates: how the CAT was timed' })),
  profile: Opt(Type.String()),
});

const Payment = Type.Object({ id: Type.String({ maxLength: 100 }), date: IsoDate, amount: Amount });

export const ServicingInput = Type.Object({
  loan: Opt(Type.Ref('LendingLoanInput')),
  rows: Opt(
    Type.Array(
      Type.Object({
        n: Opt(Type.Integer()),
        dueDate: IsoDate,
        principal: Amount,
        interest: Opt(Amount),
        fees: Opt(Amount),
        vat: Opt(Amount),
      }),
      { maxItems: 1200 },
    ),
  ),
  currency: Opt(Type.String()),
  disbursementDate: Opt(IsoDate),
  contractDate: Opt(IsoDate),
  profile: Opt(Type.String()),
  payments: Opt(Type.Array(Payment, { maxItems: 5000 })),
  asOf: IsoDate,
  penalty: Opt(
    Type.Object({
      dailyPercent: Opt(Percent),
      annualPercent: Opt(Percent),
      base: Opt(Type.String({ description: 'principal | principal+interest' })),
      graceDays: Opt(Type.Integer()),
      capAmount: Opt(Amount),
      interestAccrues: Opt(Type.Boolean()),
    }),
  ),
  allocation: Opt(
    Type.Union([Type.String(), Type.Array(Type.String(), { maxItems: 20 })], {
      description: 'ru-statutory-2024 | ru-statutory-2014 | penalties-first, or ["past-due:interest", …]',
    }),
  ),
  overpayment: Opt(Type.String({ description: 'in-advance | reduce-principal' })),
  payoffInterest: Opt(Type.String({ description: 'pro-rata (default) | whole-period: the current period’s interest in a payoff' })),
  delinquencyRanges: Opt(
    Type.Array(Type.Object({ name: Type.String(), minDays: Type.Integer(), maxDays: Opt(Type.Integer()) }), { maxItems: 20 }),
  ),
  lateFees: Opt(
    Type.Array(
      Type.Object({
        name: Opt(Type.String({ maxLength: 60 })),
        amount: Opt(Amount),
        percent: Opt(Percent),
        base: Opt(Type.String({ description: 'principal | principal+interest (a percent fee’s base)' })),
        graceDays: Opt(Type.Integer({ description: 'Charged on the first non-paused day after due date + graceDays' })),
        vatPercent: Opt(Percent),
      }),
      { maxItems: 5, description: 'Late fees, once per installment still unpaid after its grace' },
    ),
  ),
  delinquency: Opt(
    Type.Object({
      graceDays: Opt(Type.Integer({ description: 'Days after the due date before days past due count' })),
      pauses: Opt(
        Type.Array(Type.Object({ from: IsoDate, to: Opt(IsoDate) }), {
          maxItems: 100,
          description: 'Paused days [from, to): no days past due, no penalties; to = the day counting resumes',
        }),
      ),
    }),
  ),
  prepayments: Opt(
    Type.Array(
      Type.Object({
        id: Type.String({ maxLength: 100 }),
        date: IsoDate,
        amount: Amount,
        mode: Type.String({ description: 'reduce-term | reduce-installment | reschedule-next' }),
      }),
      { maxItems: 500 },
    ),
  ),
});

const Parts = { principal: Amount, interest: Amount, fees: Amount, vat: Amount, penalty: Amount };
const Component = Type.Object({ due: Amount, paid: Amount, outstanding: Amount });

export const ServicingReply = Type.Object({
  asOf: IsoDate,
  currency: Type.String(),
  allocationOrder: Opt(Type.String()),
  installments: Type.Array(
    Type.Object({
      n: Type.Integer(),
      dueDate: IsoDate,
      due: Amount,
      paid: Amount,
      outstanding: Amount,
      penalty: Amount,
      daysPastDue: Type.Integer(),
      status: Type.String(),
      components: Type.Object({ principal: Component, interest: Component, fees: Component, vat: Component, penalty: Component }),
      charges: Opt(Type.Array(Type.Object({ name: Type.String(), date: IsoDate, amount: Amount, vat: Amount }))),
    }),
  ),
  allocations: Type.Array(
    Type.Object({
      paymentId: Type.String(),
      date: IsoDate,
      amount: Amount,
      ...Parts,
      inAdvance: Amount,
      excess: Amount,
      prepayment: Opt(Type.Object({ mode: Type.String(), principal: Amount })),
    }),
  ),
  daysPastDue: Type.Integer(),
  pastDueDays: Type.Integer(),
  bucket: Type.String(),
  dpdHistory: Type.Array(Type.Object({ bucket: Type.String(), from: IsoDate, to: Opt(IsoDate) })),
  delinquencyPaused: Type.Boolean(),
  outstanding: Type.Object({ ...Parts, total: Amount }),
  penaltyOutstanding: Amount,
  toBeCurrent: Amount,
  payoff: Type.Object({ amount: Amount, ...Parts }),
  creditBalance: Amount, // paid beyond what the loan owes (to refund or hold)
});

export const PrepayInput = Type.Object({
  loan: Type.Ref('LendingLoanInput'),
  prepayment: Type.Object({ date: IsoDate, amount: Amount, mode: Type.String({ description: 'reduce-term | reduce-installment' }) }),
});

export const PrepayReply = Type.Object({
  prepayment: Type.Object({ date: IsoDate, amount: Amount, interest: Amount, principal: Amount, mode: Type.String() }),
  installmentAmount: Amount,
  rows: Type.Array(Row),
  totals: Type.Object({ principal: Amount, interest: Amount, fees: Amount, vat: Amount, total: Amount }),
  interestSaved: Amount,
});

export const RatesInput = Type.Object({
  method: Type.String({ description: 'psk | cat | xirr' }),
  flows: Type.Array(Type.Object({ date: Opt(IsoDate), period: Opt(Type.Integer()), amount: Amount }), { maxItems: 2000 }),
  periodsPerYear: Opt(Amount),
  pskMonthDays: Opt(Type.String()),
});

export const RatesReply = Type.Object({
  method: Type.String(),
  percent: Type.String(),
  basePeriod: Opt(Type.Object({ unit: Type.String(), count: Type.Integer() })),
  periodsPerYear: Opt(Type.String()),
});

export const LendingErrorReply = Type.Object({
  error: Type.String(),
  message: Type.String(),
  path: Type.String(),
  rule: Opt(Type.String()),
});
