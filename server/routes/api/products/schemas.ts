import { Type } from '@sinclair/typebox';

const Str = (max: number) => Type.String({ minLength: 1, maxLength: max });
const Percent = Type.String({ pattern: '^\\d{1,6}(\\.\\d{1,6})?$' });
const Amount = Type.String({ pattern: '^\\d{1,15}(\\.\\d{1,4})?$' });

const Fee = Type.Object({
  name: Str(64),
  amount: Type.Optional(Amount),
  percent: Type.Optional(Percent),
  at: Type.Union([Type.Literal('disbursement'), Type.Literal('installment')]),
  withheld: Type.Optional(Type.Boolean()),
});

/** A late fee a new loan of the product starts with (lending README "Servicing input" `lateFees[]`). */
const LateFee = Type.Object({
  name: Type.Optional(Str(60)),
  amount: Type.Optional(Amount),
  percent: Type.Optional(Percent),
  base: Type.Optional(Type.Union([Type.Literal('principal'), Type.Literal('principal+interest')])),
  graceDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 365 })),
  vatPercent: Type.Optional(Percent),
});

/** A loan product as the admin screen edits it (method / day count / profile ids of the lending core). */
export const ProductBody = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_.-]+$' }),
  name: Str(120),
  method: Str(32),
  rateUnit: Type.Union([Type.Literal('annual'), Type.Literal('daily')]),
  rateMin: Percent,
  rateMax: Percent,
  termMin: Type.Integer({ minimum: 1, maximum: 1200 }),
  termMax: Type.Integer({ minimum: 1, maximum: 1200 }),
  amountMin: Type.Union([Amount, Type.Null()], { default: null }),
  amountMax: Type.Union([Amount, Type.Null()], { default: null }),
  currency: Type.Union([Type.String({ pattern: '^[A-Z]{3}$' }), Type.Null()], { default: null }),
  fees: Type.Array(Fee, { maxItems: 20, default: [] }),
  dayCount: Str(32),
  profile: Type.Union([Str(20), Type.Null()], { default: null }),
  payoffInterest: Type.Optional(
    Type.Union([Type.Literal('pro-rata'), Type.Literal('whole-period')], {
      default: 'pro-rata',
      description: "The current period's interest in a payoff: pro rata to the days elapsed, or the whole period",
    }),
  ),
  catBasis: Type.Optional(
    Type.Union([Type.Literal('periods'), Type.Literal('dates'), Type.Null()], {
      default: null,
      description: 'CAT time base: periods (Banxico, t = k / periods a year) or dates (days / 365); null = the profile’s',
    }),
  ),
  lateFees: Type.Optional(Type.Array(LateFee, { maxItems: 5, default: [] })),
  delinquencyGraceDays: Type.Optional(
    // Null first: the validator coerces types, and would turn null into 0 for an integer tried first.
    Type.Union([Type.Null(), Type.Integer({ minimum: 0, maximum: 365 })], {
      default: null,
      description: 'Days after a due date before days past due count; null = none',
    }),
  ),
  lateFeesWaivable: Type.Optional(
    Type.Boolean({
      default: false,
      description: 'Whether a loan of the product may go without its late fees (waived); else it carries exactly them',
    }),
  ),
  installmentStep: Type.Optional(
    Type.Union([Type.Null(), Amount], {
      default: null,
      description: 'Installments of the product’s loans in multiples of this (Fineract installmentAmountInMultiplesOf); null = the loan’s',
    }),
  ),
  annuityMode: Type.Optional(
    Type.Union([Type.Null(), Type.Literal('fixed-payment'), Type.Literal('resolved'), Type.Literal('fineract')], {
      default: null,
      description: 'An annuity’s level payment: nominal rate, Fineract progressive, or that with its cent adjustment; null = the loan’s',
    }),
  ),
  active: Type.Boolean({ default: true }),
});

export const ProductParams = Type.Object({ productId: Type.String({ minLength: 1, maxLength: 64 }) });
export const ProductsQuery = Type.Object({ includeInactive: Type.Optional(Type.Boolean()) });
export const ProductsBody = Type.Object({ products: Type.Array(ProductBody, { maxItems: 200 }) });
export const ProductsReply = Type.Object({ products: Type.Array(ProductBody) });
export const ProductReply = Type.Object({ product: ProductBody });

export { ErrorReply } from '../../../../wire/errors.js';
