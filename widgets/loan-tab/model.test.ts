import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { immediateDefer } from './deferred.js';
import { checkPayment, computeEffectiveRates, computeSchedule, computeServicing, scaleOf } from './lending-adapter.js';
import { createLoanModel, type ModelDeps } from './model.js';
import { errorText, loadTranslator } from './i18n.js';
import { formatters } from './format.js';

const PESO_PRODUCT = {
  code: 'peso',
  title: 'Peso',
  method: 'annuity' as const,
  rateKind: 'annual' as const,
  rateMin: '20',
  rateMax: '90',
  termMin: 3,
  termMax: 24,
  amountMin: null,
  amountMax: null,
  currency: 'MXN',
  fees: [],
  dayCount: 'actual/360',
  profile: null,
};

function model(over: Partial<ModelDeps> = {}) {
  let n = 0;
  return createLoanModel({
    core: { computeSchedule, computeEffectiveRates, computeServicing, checkPayment, scaleOf },
    defer: immediateDefer,
    api: null,
    dealId: '42',
    currency: 'RUB',
    today: '2026-01-15',
    products: [
      {
        code: 'micro',
        title: 'Micro',
        method: 'annuity',
        rateKind: 'daily',
        rateMin: '0.3',
        rateMax: '0.8',
        termMin: 2,
        termMax: 6,
        amountMin: '1000',
        amountMax: '30000',
        currency: 'RUB',
        fees: [],
        dayCount: 'actual/365',
        profile: 'RU-MFO',
      },
      PESO_PRODUCT,
    ],
    newId: () => `p${++n}`,
    ...over,
  });
}

const sum = (xs: string[]) => xs.reduce((s, x) => s.plus(x), new Decimal(0)).toFixed(2);

describe('loan tab model', () => {
  it('recomputes the schedule when an input changes, and the principal parts sum to the loan', () => {
    const m = model();
    const before = m.schedule.value;
    expect(before.ok).toBe(true);
    m.setField('rate', '24');
    const after = m.schedule.value;
    if (!before.ok || !after.ok) throw new Error('schedule failed');
    expect(after.value.rows).toHaveLength(12);
    expect(new Decimal(after.value.totals.interest).gt(before.value.totals.interest)).toBe(true);
    expect(sum(after.value.rows.map((r) => r.principal))).toBe('100000.00');
    const rates = m.effectiveRates.value;
    expect(rates?.ok && rates.value.psk).toBeTruthy();
  });

  it('reports bad input as issues on the field, translated', async () => {
    const m = model();
    m.setField('amount', '-5');
    expect(m.issues.value[0]).toMatchObject({ field: 'principal' });
    m.setField('amount', '1000');
    m.setField('installments', 'x');
    expect(m.issues.value[0]?.field).toBe('installments');
    const code = m.issues.value[0]?.code ?? '';
    const ru = await loadTranslator('ru');
    expect(errorText(ru, code)).not.toBe(ru('err.UNKNOWN'));
    m.setField('installments', '6');
    m.setField('rate', 'abc');
    expect(m.issues.value[0]?.field).toMatch(/^rate/);
  });

  it('what-if: a larger future payment shortens the debt and lowers interest; dates move interest', () => {
    const m = model();
    const base = m.schedule.value;
    if (!base.ok) throw new Error('schedule failed');
    m.editAmount(3, '40000');
    const edited = m.schedule.value;
    if (!edited.ok) throw new Error(JSON.stringify(edited.issues));
    expect(edited.value.rows[2]?.total).toBe('40000.00');
    expect(new Decimal(edited.value.totals.interest).lt(base.value.totals.interest)).toBe(true);
    expect(sum(edited.value.rows.map((r) => r.principal))).toBe('100000.00');
    m.resetWhatIf();
    m.editDueDate(1, '2026-02-25');
    const later = m.schedule.value;
    if (!later.ok) throw new Error('schedule failed');
    expect(new Decimal(later.value.rows[0]!.interest).gt(base.value.rows[0]!.interest)).toBe(true);
    // What-if never changes what would be saved.
    expect(m.loanInput.value.dueDates).toBeUndefined();
  });

  it('servicing: a missed installment is overdue with penalty; a payment is allocated; payoff ≥ to-be-current', async () => {
    const m = model();
    m.asOf.value = '2026-03-20';
    const s1 = m.servicing.value;
    if (!s1?.ok) throw new Error('servicing failed');
    expect(s1.value.daysPastDue).toBeGreaterThan(0);
    expect(s1.value.installments[0]?.status).toBe('overdue');
    expect(new Decimal(s1.value.payoff).gt(s1.value.toBeCurrent)).toBe(true);
    await m.addPayment('2026-02-15', '9200');
    const s2 = m.servicing.value;
    if (!s2?.ok) throw new Error('servicing failed');
    const a = s2.value.allocations[0]!;
    // Components add up to the payment; inAdvance says how much of them belonged to later installments.
    expect(sum([a.interest, a.principal, a.penalty, a.fees])).toBe(new Decimal(a.amount).toFixed(2));
    expect(a.inAdvance).toBe('32.00');
    await m.addPayment('2026-02-16', '0');
    expect(m.paymentError.value?.code).toBe('AMOUNT_NOT_POSITIVE');
    expect(m.payments.value).toHaveLength(1);
  });

  it('a product fixes method, rate unit and profile, and keeps the loan inside its ranges', () => {
    const m = model();
    expect(m.products.map((p) => p.code)).toEqual(['micro']); // the MXN product is not offered on a RUB deal
    m.setField('product', 'micro');
    expect(m.form.value).toMatchObject({ rate: '0.3', rateKind: 'daily', installments: '6' });
    expect(m.loanInput.value).toMatchObject({ profile: 'RU-MFO', dayCount: 'actual/365', rate: { dailyPercent: '0.3' } });
    expect(m.issues.value).toEqual([{ code: 'PRODUCT_AMOUNT_RANGE', field: 'principal', hint: '1000–30000' }]);
    expect(m.canSubmit.value).toBe(false);
    m.setField('amount', '20000');
    expect(m.issues.value).toEqual([]);
    m.setField('rate', '0.9');
    expect(m.issues.value.map((i) => i.code)).toContain('PRODUCT_RATE_RANGE');
  });

  it('formats money in the deal currency per language', () => {
    expect(formatters('ru', 'RUB').money('1234.5')).toMatch(/1\s234,50\s₽/);
    expect(formatters('es', 'MXN').money('1234.5')).toBe('$1,234.50');
    expect(formatters('en', 'USD').money('1234.5')).toBe('$1,234.50');
  });
});

describe('loan tab: numbers typed in the user locale', () => {
  it('es-MX "15,000" is fifteen thousand pesos, not 15', () => {
    const m = model({ currency: 'MXN', locale: 'es' });
    m.setField('amount', '15,000');
    expect(m.loanInput.value.principal).toBe('15000.00');
    const s = m.schedule.value;
    expect(s.ok && sum(s.value.rows.map((r) => r.principal))).toBe('15000.00');
    m.setField('amount', '$15,000.50');
    expect(m.loanInput.value.principal).toBe('15000.50');
  });

  it('ru takes its own display format back: "45 000", "15 000,50" with no-break spaces, "12,5" %', () => {
    const m = model({ locale: 'ru' });
    m.setField('amount', '45\u00a0000');
    expect(m.loanInput.value.principal).toBe('45000.00');
    m.setField('amount', '15\u202f000,50');
    m.setField('rate', '12,5');
    expect(m.loanInput.value.principal).toBe('15000.50');
    expect(m.loanInput.value.rate).toEqual({ annualPercent: '12.5' });
    expect(m.issues.value).toEqual([]);
  });

  it('an ambiguous amount is refused beside its field, kept as typed, and cannot be saved', async () => {
    const m = model({ currency: 'MXN', locale: 'es' });
    m.setField('amount', '1.000');
    expect(m.form.value.amount).toBe('1.000');
    expect(m.issues.value).toEqual([{ code: 'AMBIGUOUS_SEPARATOR', field: 'principal' }]);
    expect(m.canSubmit.value).toBe(false);
    const t = await loadTranslator('es');
    expect(errorText(t, 'AMBIGUOUS_SEPARATOR')).toMatch(/Miles o decimales/);
  });

  it('a what-if amount typed as the table shows it (ru "2 030,86") reads; a bad one is kept and named by its row', () => {
    const m = model({ locale: 'ru' });
    const s = m.schedule.value;
    if (!s.ok) throw new Error('no schedule');
    const fmt = formatters('ru', 'RUB');
    const shown = fmt.number(s.value.rows[2]!.total);
    m.editAmount(3, shown);
    expect(m.schedule.value.ok).toBe(true);
    const edited = m.schedule.value;
    m.editAmount(4, '1.000');
    // The schedule stays (the way back too); the bad amount is kept as typed and named by its row.
    expect(m.schedule.value).toEqual(edited);
    expect(m.amountEdits.value.find((o) => o.n === 4)).toEqual({ n: 4, total: '1.000', issue: 'AMBIGUOUS_SEPARATOR' });
    expect(m.issues.value).toEqual([{ code: 'AMBIGUOUS_SEPARATOR', field: 'whatIf.4' }]);
  });

  it('a saved loan comes back in the user format (ru decimal comma)', () => {
    const m = model({ locale: 'ru' });
    m.load({
      loan: { ...m.loanInput.value, principal: '15000.50', rate: { annualPercent: '12.5' } },
      productId: null,
      payments: [],
      reversedPayments: [],
      status: 'ACTIVE',
      closedReason: null,
    });
    expect([m.form.value.amount, m.form.value.rate]).toEqual(['15000,50', '12,5']);
    expect(m.loanInput.value.principal).toBe('15000.50');
  });

  it('a saved single-payment microloan with due dates and no frequency loads (demo deal 16)', () => {
    const m = model({ locale: 'ru' });
    // As scripts/demo/portfolio.ts saves it: no frequency, one explicit due date 30 days out.
    m.load({
      loan: {
        principal: '15000',
        currency: 'RUB',
        contractDate: '2026-01-10',
        disbursementDate: '2026-01-10',
        method: 'single-payment',
        rate: { dailyPercent: '0.8' },
        installments: 1,
        dueDates: ['2026-02-09'],
        dayCount: 'actual/365',
        profile: 'RU-MFO',
      },
      productId: null,
      payments: [],
    });
    expect(m.schedule.value.ok).toBe(true);
    if (!m.schedule.value.ok) return;
    expect(m.schedule.value.value.rows.map((r) => r.dueDate)).toEqual(['2026-02-09']);
  });
});
