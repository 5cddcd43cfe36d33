import { Type, type Static } from '@sinclair/typebox';

// Wire shapes of the loan API (/api/v1/deals/:dealId/loan, …/payments, …/reversal), declared once:
// the server's routes validate and serialise with these schemas, the loan tab takes its types from
// them (type-only imports: no TypeBox in the bundle). wire/ imports nothing of server/ or widgets/.
// The loan input is checked here for types only; the lending core validates its meaning and answers
// 422 LOAN_TERMS_REFUSED with its code and the field path. Nested parts the server does not read
// itself (frequency, rounding, grace, fees, vat, …) are passed to the core as given.

const Str = (max: number) => Type.String({ maxLength: max });
export const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const Decimal = Type.String({ pattern: '^-?\\d{1,15}(\\.\\d{1,10})?$' });
const Money = Type.String({ description: 'decimal string in the currency scale' });
const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);

export const DealParams = Type.Object({ dealId: Type.Integer({ minimum: 1 }) });
export const PaymentParams = Type.Object({
  dealId: Type.Integer({ minimum: 1 }),
  paymentId: Type.String({ minLength: 1, maxLength: 100 }),
});
export const AsOfQuery = Type.Object({ asOf: Type.Optional(IsoDate) });

export const LoanInputBody = Type.Object(
  {
    principal: Str(32),
    currency: Type.String({ minLength: 3, maxLength: 3 }),
    contractDate: IsoDate,
    disbursementDate: Type.Optional(IsoDate),
    method: Str(32),
    rate: Type.Object({ annualPercent: Type.Optional(Str(32)), dailyPercent: Type.Optional(Str(32)) }),
    installments: Type.Optional(Type.Integer({ minimum: 0, maximum: 1200 })),
    frequency: Type.Optional(Type.Unknown()),
    firstDueDate: Type.Optional(IsoDate),
    dueDates: Type.Optional(Type.Array(IsoDate, { maxItems: 1200 })),
    dayCount: Type.Optional(Str(32)),
    interest: Type.Optional(Str(16)),
    annuity: Type.Optional(Str(32)),
    rounding: Type.Optional(Type.Unknown()),
    grace: Type.Optional(Type.Unknown()),
    fees: Type.Optional(Type.Array(Type.Unknown(), { maxItems: 20 })),
    vat: Type.Optional(Type.Unknown()),
    profile: Type.Optional(Str(20)),
    effectiveRates: Type.Optional(Type.Unknown()),
    pskMonthDays: Type.Optional(Str(8)),
    /** Penalty on overdue principal, % a day; checked against the profile's caps on save. */
    penaltyDailyPercent: Type.Optional(Str(16)),
    // Issue 13 (lending README "Loan input"): checked by the core.
    downPayment: Type.Optional(Type.Unknown()),
    fixedPayment: Type.Optional(Str(32)),
    catBasis: Type.Optional(Str(8)),
    annuityAdjustment: Type.Optional(Str(16)),
    /** The current period's interest in a payoff, from the loan's product; saved with the loan. */
    payoffInterest: Type.Optional(Type.Union([Type.Literal('pro-rata'), Type.Literal('whole-period')])),
    /** Late fees and delinquency grace and pauses (lending README "Servicing input"); checked on save. */
    lateFees: Type.Optional(
      Type.Array(
        Type.Object({
          name: Type.Optional(Str(60)),
          amount: Type.Optional(Str(32)),
          percent: Type.Optional(Str(32)),
          base: Type.Optional(Str(24)),
          graceDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 365 })),
          vatPercent: Type.Optional(Str(16)),
        }),
        { maxItems: 5 },
      ),
    ),
    delinquency: Type.Optional(
      Type.Object({
        graceDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 365 })),
        pauses: Type.Optional(
          Type.Array(
            Type.Object({
              from: IsoDate,
              to: Type.Optional(IsoDate),
              /** For people (the loan tab shows it); servicing does not read it. */
              reason: Type.Optional(Type.Union([Type.Literal('payment-holiday'), Type.Literal('court-stay'), Type.Literal('other')])),
            }),
            { maxItems: 100 },
          ),
        ),
      }),
    ),
  },
  { description: 'Loan input of the lending core (issue 4 §9)' },
);

export const SaveLoanBody = Type.Object({
  loan: LoanInputBody,
  productId: Type.Optional(Type.Union([Str(64), Type.Null()])),
  reason: Type.Optional(Str(200)),
});

const ScheduleRow = Type.Object({
  n: Type.Integer(),
  dueDate: Type.String(),
  days: Type.Integer(),
  opening: Money,
  principal: Money,
  interest: Money,
  fees: Money,
  vat: Type.Optional(Money),
  total: Money,
  closing: Money,
});

export const ScheduleBody = Type.Object({
  installmentAmount: Money,
  rows: Type.Array(ScheduleRow),
  totals: Type.Record(Type.String(), Type.String()),
  effectiveRates: Type.Record(Type.String(), Type.String()),
});

/**
 * What a prepayment does to the schedule (lending README "Servicing input", `prepayments[].mode`):
 * reduce-term keeps the installment and shortens the term, reduce-installment keeps the dates and
 * lowers the installments, reschedule-next pays the next installments ahead (the schedule keeps its shape).
 */
export const PrepaymentModeBody = Type.Union([
  Type.Literal('reduce-term'),
  Type.Literal('reduce-installment'),
  Type.Literal('reschedule-next'),
]);

const Allocation = Type.Object({
  paymentId: Type.String(),
  date: Type.String(),
  amount: Money,
  principal: Money,
  interest: Money,
  fees: Money,
  vat: Money,
  penalty: Money,
  inAdvance: Money,
  excess: Money,
  prepayment: Type.Optional(Type.Object({ mode: PrepaymentModeBody, principal: Money })),
});

const PaymentFields = {
  id: Type.String(),
  entryId: Type.String(),
  date: Type.String(),
  amount: Money,
  method: Nullable(Type.String()),
  reference: Nullable(Type.String()),
  createdAt: Type.String(),
  allocationAtPosting: Type.Union([Allocation, Type.Null()]),
  /** Set on a prepayment: its mode; null or absent on an ordinary payment. */
  prepaymentMode: Type.Optional(Type.Union([PrepaymentModeBody, Type.Null()])),
};

export const PaymentView = Type.Object({ ...PaymentFields, allocation: Type.Union([Allocation, Type.Null()]) });
export const ReversedPaymentView = Type.Object({
  ...PaymentFields,
  reversal: Type.Object({
    entryId: Type.String(),
    date: Type.String(),
    reasonCode: Nullable(Type.String()),
    note: Nullable(Type.String()),
    createdAt: Type.String(),
  }),
});

export const LoanViewBody = Type.Object({
  loanId: Type.String(),
  dealId: Type.Integer(),
  productId: Nullable(Type.String()),
  status: Type.Union([Type.Literal('ACTIVE'), Type.Literal('CLOSED')], {
    description: 'ACTIVE, or CLOSED (read-only: saves and payments answer 409 LOAN_CLOSED)',
  }),
  closedReason: Nullable(Type.String({ description: 'why a CLOSED loan was closed, e.g. DEAL_DELETED' })),
  closedAt: Nullable(Type.String()),
  issue: Type.Optional(
    Type.Union([Type.Literal('issued'), Type.Literal('not-issued'), Type.Literal('unknown')], {
      description:
        "whether the loan is issued, from the deal's stage and the pipeline's stage map (server/lifecycle/issue-state.ts); 'unknown' without a map with an issued stage",
    }),
  ),
  version: Type.Integer(),
  /** Why the current version was written, as ScheduleVersionsReply says it: the tab names it beside the number. */
  versionReason: Type.Optional(
    Type.String({ description: "'save', a save's reason, 'prepayment:<payment id>' or 'reversal:<payment id>'" }),
  ),
  updatedAt: Type.String(),
  asOf: Type.String(),
  loan: Type.Unknown({ description: 'the saved loan input' }),
  schedule: ScheduleBody,
  payments: Type.Array(PaymentView),
  reversedPayments: Type.Array(ReversedPaymentView),
  servicing: Type.Unknown({
    description:
      "lending core's servicing JSON as of asOf (installments with their late-fee charges, allocations, daysPastDue, pastDueDays, bucket, dpdHistory, delinquencyPaused, outstanding, toBeCurrent, payoff)",
  }),
});

export const ScheduleVersionParams = Type.Object({ dealId: Type.Integer({ minimum: 1 }), version: Type.Integer({ minimum: 1 }) });

/**
 * A loan's schedule versions, oldest first: a save makes one, a prepayment that rebuilt the schedule
 * another, and so does the reversal of a payment or prepayment that changed it.
 */
export const ScheduleVersionsReply = Type.Object({
  current: Type.Integer(),
  versions: Type.Array(
    Type.Object({
      version: Type.Integer(),
      reason: Type.String({ description: "'save', a save's reason, 'prepayment:<payment id>' or 'reversal:<payment id>'" }),
      createdAt: Type.String(),
    }),
  ),
});

/** One schedule version as stored (history is never edited: an old version reads as it was). */
export const ScheduleVersionReply = Type.Object({
  version: Type.Integer(),
  reason: Type.String(),
  baseVersion: Type.Union([Type.Integer(), Type.Null()], {
    description: 'set on a version prepayments (or a reversal) rebuilt: the version servicing replays them on',
  }),
  createdAt: Type.String(),
  schedule: ScheduleBody,
});

export const SaveLoanReply = Type.Object({
  loanId: Type.String(),
  version: Type.Integer(),
  created: Type.Boolean(),
  changed: Type.Boolean(),
  schedule: ScheduleBody,
});

export const PaymentBody = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 100, description: 'made by the client before sending; the idempotency key' }),
  date: IsoDate,
  amount: Decimal,
  method: Type.Optional(Str(32)),
  reference: Type.Optional(Str(200)),
  prepaymentMode: Type.Optional(PrepaymentModeBody),
});

export const PaymentReply = Type.Object({
  payment: PaymentView,
  replayed: Type.Boolean(),
  /** The loan's schedule version after the booking: one more when a prepayment rebuilt the schedule. */
  version: Type.Optional(Type.Integer()),
});

export const ReversalBody = Type.Object({
  reasonCode: Type.String({ minLength: 1, maxLength: 40, pattern: '^[A-Z0-9_]+$' }),
  note: Type.Optional(Str(500)),
});

export const ReversalReply = Type.Object({
  reversal: Type.Object({
    entryId: Type.String(),
    paymentId: Type.String(),
    date: Type.String(),
    amount: Money,
    reasonCode: Type.String(),
    note: Nullable(Type.String()),
  }),
  replayed: Type.Boolean(),
  /** The loan's schedule version once reversed: one more when reversing a prepayment rebuilt the schedule. */
  version: Type.Optional(Type.Integer()),
});

export type LoanView = Static<typeof LoanViewBody>;
export type PaymentViewT = Static<typeof PaymentView>;
export type ReversedPaymentViewT = Static<typeof ReversedPaymentView>;
export type SaveLoanReplyT = Static<typeof SaveLoanReply>;
export type PaymentBodyT = Static<typeof PaymentBody>;
export type PrepaymentModeT = Static<typeof PrepaymentModeBody>;
export type ScheduleVersionsReplyT = Static<typeof ScheduleVersionsReply>;
export type ScheduleVersionReplyT = Static<typeof ScheduleVersionReply>;
export type ReversalBodyT = Static<typeof ReversalBody>;
export type ReversalReplyT = Static<typeof ReversalReply>;

export { ErrorReply } from './errors.js';
