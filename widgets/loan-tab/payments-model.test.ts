import Decimal from 'decimal.js';
import { describe, expect, it, vi } from 'vitest';
import { ApiError, type Api, type ReversalReply, type SavedLoan } from './api.js';
import { immediateDefer } from './deferred.js';
import { loadTranslator } from './i18n.js';
import { checkPayment, computeEffectiveRates, computeSchedule, computeServicing, scaleOf } from './lending-adapter.js';
import { createLoanModel, defaultForm, toLoanInput } from './model.js';
import { reversalErrorKey } from './payments-model.js';
import { versionLine } from './schedule-version.js';
import type { NumberLocale } from './typed-numbers.js';

// The payments half of the tab's model, through the model the components use: a fake API stands
// for the server, so what is asserted is what the tab shows and what it asks the server to do.

type ApiCalls = Pick<Api, 'registerPayment' | 'reversePayment' | 'saveLoan' | 'scheduleVersion'>;

function fakeApi(over: Partial<ApiCalls> = {}) {
  const calls = {
    registerPayment: vi.fn<ApiCalls['registerPayment']>(() => Promise.resolve({})),
    reversePayment: vi.fn<ApiCalls['reversePayment']>((_deal, paymentId, req) =>
      Promise.resolve<ReversalReply>({
        reversal: { entryId: 'e-rev', paymentId, date: '2026-03-21', amount: '-1', reasonCode: req.reasonCode, note: req.note ?? null },
        replayed: false,
      }),
    ),
    saveLoan: vi.fn<ApiCalls['saveLoan']>(() => Promise.resolve({ version: 2 })),
    scheduleVersion: vi.fn<ApiCalls['scheduleVersion']>((_deal, version) =>
      Promise.resolve({ version, schedule: { installmentAmount: '1.00', rows: [HELD_ROW], totals: {}, effectiveRates: {} } }),
    ),
    ...over,
  };
  // Only the calls the payments use; the others are never reached in these tests.
  return { calls, api: calls as unknown as Api };
}

const HELD_ROW = {
  n: 1,
  dueDate: '2026-02-15',
  days: 31,
  opening: '60000.00',
  principal: '60000.00',
  interest: '1.00',
  fees: '0.00',
  total: '60001.00',
  closing: '0.00',
};

const HELD_SCHEDULE = { installmentAmount: '1.00', rows: [HELD_ROW], totals: {}, effectiveRates: {} };

const LOAN = toLoanInput(defaultForm('2026-01-15'), 'RUB', undefined, undefined);

function saved(over: Partial<SavedLoan> = {}): SavedLoan {
  return {
    loan: LOAN,
    payments: [
      { id: 'pay-1', date: '2026-02-15', amount: '9200.00', method: 'transfer', reference: 'п/п 17' },
      { id: 'pay-2', date: '2026-02-16', amount: '9200.00', method: 'cash', reference: null },
    ],
    reversedPayments: [],
    status: 'ACTIVE',
    closedReason: null,
    ...over,
  };
}

function model(api: Api | null, locale: NumberLocale = 'en') {
  let n = 0;
  const m = createLoanModel({
    core: { computeSchedule, computeEffectiveRates, computeServicing, checkPayment, scaleOf },
    defer: immediateDefer,
    api,
    dealId: '42',
    currency: 'RUB',
    today: '2026-03-20',
    products: [],
    newId: () => `new-${++n}`,
    locale,
  });
  return m;
}

function servicingOf(m: ReturnType<typeof model>) {
  const s = m.servicing.value;
  if (!s?.ok) throw new Error('servicing failed');
  return s.value;
}

describe('loan tab payments', () => {
  it('keeps how each payment was made; servicing gets only id, date and amount', () => {
    const m = model(fakeApi().api);
    m.load(saved());
    expect(m.payments.value[0]).toEqual({ id: 'pay-1', date: '2026-02-15', amount: '9200.00', method: 'transfer', reference: 'п/п 17' });
    expect(m.servicingPayments.value).toEqual([
      { id: 'pay-1', date: '2026-02-15', amount: '9200.00' },
      { id: 'pay-2', date: '2026-02-16', amount: '9200.00' },
    ]);
    expect(servicingOf(m).allocations.map((a) => a.paymentId)).toEqual(['pay-1', 'pay-2']);
  });

  it('a booked prepayment is serviced with its mode, as the server services it; a new one is sent with its mode', async () => {
    const { api, calls } = fakeApi();
    const m = model(api);
    const withPrepayment = saved({
      payments: [...saved().payments, { id: 'pre-1', date: '2026-03-01', amount: '15000.50', prepaymentMode: 'reduce-term' }],
    });
    m.load(withPrepayment);
    expect(m.servicingPayments.value.map((p) => p.id)).toEqual(['pay-1', 'pay-2']);
    expect(m.servicingPrepayments.value).toEqual([{ id: 'pre-1', date: '2026-03-01', amount: '15000.50', mode: 'reduce-term' }]);
    const s = servicingOf(m);
    expect(s.allocations.map((a) => a.paymentId)).toEqual(['pay-1', 'pay-2', 'pre-1']);
    // The shorter term: fewer installments than the schedule the loan was saved with.
    m.load(saved());
    const plain = servicingOf(m);
    expect(s.installments.length).toBeLessThan(plain.installments.length);

    expect(await m.addPayment('2026-03-20', '1000', 'cash', '', 'reschedule-next')).toBe(true);
    expect(calls.registerPayment).toHaveBeenCalledWith('42', {
      id: 'new-1',
      date: '2026-03-20',
      amount: '1000.00',
      method: 'cash',
      reference: '',
      prepaymentMode: 'reschedule-next',
    });
    expect(m.servicingPrepayments.value.map((p) => p.mode)).toEqual(['reschedule-next']);
  });

  it('a prepayment that rebuilt the schedule: the tab holds the version the server stores; a save gives the form its schedule back', async () => {
    const { api, calls } = fakeApi({ registerPayment: vi.fn<ApiCalls['registerPayment']>(() => Promise.resolve({ version: 2 })) });
    const m = model(api);
    m.load(saved({ version: 1 }));
    expect(m.heldSchedule.value).toBeNull();
    expect(await m.addPayment('2026-03-01', '15000.50', 'cash', '', 'reduce-term')).toBe(true);
    expect(calls.scheduleVersion).toHaveBeenCalledWith('42', 2);
    expect(m.heldSchedule.value).toEqual({ version: 2, rows: [HELD_ROW], installmentAmount: '1.00', totals: {} });
    // An ordinary payment after it leaves the version as it is.
    expect(await m.addPayment('2026-03-02', '100', 'cash', '')).toBe(true);
    expect(calls.scheduleVersion).toHaveBeenCalledTimes(1);
    await m.save();
    expect(m.heldSchedule.value).toBeNull();
  });

  it('a reversal the server books moves the payment to the reversed list and servicing recomputes without it', async () => {
    const { api, calls } = fakeApi();
    const m = model(api);
    m.load(saved());
    const before = servicingOf(m);
    const pending = m.reversePayment('pay-2', 'DUPLICATE', '  twice by the bank ');
    // Not optimistic: until the server answers, the payment still counts.
    expect(m.reversal.value).toEqual({ kind: 'reversing', paymentId: 'pay-2' });
    expect(m.payments.value).toHaveLength(2);
    // A second click while the first is on its way sends nothing.
    expect(await m.reversePayment('pay-2', 'DUPLICATE')).toBe(false);
    expect(await pending).toBe(true);

    expect(calls.reversePayment).toHaveBeenCalledTimes(1);
    expect(calls.reversePayment).toHaveBeenCalledWith('42', 'pay-2', { reasonCode: 'DUPLICATE', note: '  twice by the bank ' });
    expect(m.payments.value.map((p) => p.id)).toEqual(['pay-1']);
    expect(m.reversedPayments.value).toEqual([
      {
        id: 'pay-2',
        date: '2026-02-16',
        amount: '9200.00',
        method: 'cash',
        reference: null,
        reversal: { date: '2026-03-21', reasonCode: 'DUPLICATE', note: '  twice by the bank ' },
      },
    ]);
    expect(m.reversal.value).toEqual({ kind: 'idle' });
    const after = servicingOf(m);
    expect(after.allocations.map((a) => a.paymentId)).toEqual(['pay-1']);
    expect(new Decimal(after.payoff).minus(before.payoff).gt(9000)).toBe(true);
    // A reversed payment is gone from the list: it cannot be reversed again.
    expect(await m.reversePayment('pay-2', 'DUPLICATE')).toBe(false);
    expect(calls.reversePayment).toHaveBeenCalledTimes(1);
  });

  it('reversing a rebuilding prepayment shows the version it left; with none left rebuilding, the contract schedule', async () => {
    const reversed =
      (version: number): ApiCalls['reversePayment'] =>
      (_deal, paymentId, req) =>
        Promise.resolve<ReversalReply>({
          reversal: { entryId: 'e-rev', paymentId, date: '2026-03-21', amount: '-1', reasonCode: req.reasonCode, note: null },
          replayed: false,
          version,
        });
    const prepayments = [
      { id: 'pre-1', date: '2026-03-01', amount: '15000.50', prepaymentMode: 'reduce-term' as const },
      { id: 'pre-2', date: '2026-03-10', amount: '5000.00', prepaymentMode: 'reduce-installment' as const },
    ];
    const reverse = vi.fn<ApiCalls['reversePayment']>(reversed(4));
    const { api, calls } = fakeApi({ reversePayment: reverse });
    const m = model(api);
    m.load(
      saved({ version: 3, payments: [...saved().payments, ...prepayments], schedule: { ...HELD_SCHEDULE, installmentAmount: '3.00' } }),
    );
    expect(m.heldSchedule.value?.version).toBe(3);
    // A later prepayment still rebuilds: the tab holds the server's new version.
    expect(await m.reversePayment('pre-1', 'WRONG_LOAN')).toBe(true);
    expect(calls.scheduleVersion).toHaveBeenCalledWith('42', 4);
    expect(m.heldSchedule.value).toEqual({ version: 4, rows: [HELD_ROW], installmentAmount: '1.00', totals: {} });
    expect(m.servicingPrepayments.value.map((p) => p.id)).toEqual(['pre-2']);
    expect(m.reversedPayments.value.map((p) => [p.id, p.prepaymentMode])).toEqual([['pre-1', 'reduce-term']]);

    // The last rebuilding one reversed: the schedule is the contract's, as a reopened tab computes it.
    reverse.mockImplementation(reversed(5));
    expect(await m.reversePayment('pre-2', 'DUPLICATE')).toBe(true);
    expect(calls.scheduleVersion).toHaveBeenCalledTimes(1);
    expect(m.heldSchedule.value).toBeNull();
    m.load(saved({ version: 5, reversedPayments: [] }));
    expect(m.heldSchedule.value).toBeNull();
  });

  it('reversing the only rebuilding prepayment: contract rows again, yet the tab still names the new version and why (en, es, ru)', async () => {
    const reverse = vi.fn<ApiCalls['reversePayment']>((_deal, paymentId, req) =>
      Promise.resolve<ReversalReply>({
        reversal: { entryId: 'e-rev', paymentId, date: '2026-03-21', amount: '-1', reasonCode: req.reasonCode, note: null },
        replayed: false,
        version: 3,
      }),
    );
    const { api, calls } = fakeApi({ reversePayment: reverse });
    const m = model(api);
    const [en, es, ru] = await Promise.all([loadTranslator('en'), loadTranslator('es'), loadTranslator('ru')]);
    const prepayment = { id: 'pre-1', date: '2026-03-01', amount: '15000.50', prepaymentMode: 'reduce-term' as const };
    m.load(saved({ version: 2, versionReason: 'prepayment:pre-1', payments: [prepayment], schedule: HELD_SCHEDULE }));
    expect(versionLine(en, m.scheduleVersion.value)).toBe('Schedule version 2 · rebuilt after a prepayment');

    expect(await m.reversePayment('pre-1', 'WRONG_LOAN')).toBe(true);
    expect(calls.scheduleVersion).not.toHaveBeenCalled();
    expect(m.heldSchedule.value).toBeNull();
    expect(m.scheduleVersion.value).toEqual({ version: 3, cause: 'reversal' });
    expect(versionLine(en, m.scheduleVersion.value)).toBe('Schedule version 3 · rebuilt after a reversal');
    expect(versionLine(es, m.scheduleVersion.value)).toBe('Versión de la tabla de amortización 3 · recalculada tras un reverso');
    expect(versionLine(ru, m.scheduleVersion.value)).toBe('Версия графика 3 · график пересчитан после сторно');

    // Reopened: the loan view names the version's reason; a save that changed nothing keeps it.
    m.load(saved({ version: 3, versionReason: 'reversal:pre-1', payments: [] }));
    expect(versionLine(ru, m.scheduleVersion.value)).toBe('Версия графика 3 · график пересчитан после сторно');
    m.termsSaved(3);
    expect(m.scheduleVersion.value).toEqual({ version: 3, cause: 'reversal' });
    m.termsSaved(4);
    expect(versionLine(es, m.scheduleVersion.value)).toBe('Versión de la tabla de amortización 4 · condiciones modificadas');
    // A loan on its first version needs no line.
    m.load(saved({ version: 1, versionReason: 'save' }));
    expect(versionLine(en, m.scheduleVersion.value)).toBeNull();
  });

  it('a refused reversal changes nothing and says why in the user language', async () => {
    const refusal = new ApiError(409, 'IDEMPOTENCY_MISMATCH', 'This payment was already reversed with a different reason');
    const { api } = fakeApi({ reversePayment: () => Promise.reject(refusal) });
    const m = model(api);
    m.load(saved());
    const before = servicingOf(m);
    expect(await m.reversePayment('pay-1', 'WRONG_AMOUNT')).toBe(false);
    expect(m.payments.value.map((p) => p.id)).toEqual(['pay-1', 'pay-2']);
    expect(m.reversedPayments.value).toEqual([]);
    expect(servicingOf(m)).toEqual(before);
    expect(m.reversal.value).toEqual({ kind: 'failed', paymentId: 'pay-1', code: 'IDEMPOTENCY_MISMATCH' });
    expect(m.closed.value).toBe(false);
    const ru = await loadTranslator('ru');
    expect(ru('reversalFailed')).toBe('Платёж не сторнирован');
    expect(ru(reversalErrorKey('IDEMPOTENCY_MISMATCH'))).toBe('он уже сторнирован с другой причиной');
    // A network failure has no code from the server: the generic "try again".
    const es = await loadTranslator('es');
    expect(es(reversalErrorKey('NETWORK'))).toBe('inténtelo de nuevo');
    m.dismissReversalError();
    expect(m.reversal.value).toEqual({ kind: 'idle' });
  });

  it('a loan closed on the server while the tab was open turns read-only on the refusal', async () => {
    const closed = new ApiError(409, 'LOAN_CLOSED', 'closed', { reason: 'DEAL_DELETED' });
    const { api } = fakeApi({ reversePayment: () => Promise.reject(closed) });
    const m = model(api);
    m.load(saved());
    expect(await m.reversePayment('pay-1', 'BOUNCED')).toBe(false);
    expect(m.loanStatus.value).toEqual({ status: 'CLOSED', closedReason: 'DEAL_DELETED' });
    expect(m.canReverse.value).toBe(false);
  });

  it('a closed loan refuses payments, reversals and saves without calling the server', async () => {
    const { api, calls } = fakeApi();
    const m = model(api);
    m.load(saved({ status: 'CLOSED', closedReason: 'DEAL_DELETED', reversedPayments: [] }));
    expect(m.closed.value).toBe(true);
    expect(m.loanStatus.value.closedReason).toBe('DEAL_DELETED');
    expect(m.canReverse.value).toBe(false);
    await m.addPayment('2026-03-01', '100');
    expect(await m.reversePayment('pay-1', 'DUPLICATE')).toBe(false);
    await m.save();
    expect(calls.registerPayment).not.toHaveBeenCalled();
    expect(calls.reversePayment).not.toHaveBeenCalled();
    expect(calls.saveLoan).not.toHaveBeenCalled();
    expect(m.payments.value.map((p) => p.id)).toEqual(['pay-1', 'pay-2']);
    // What-if stays: it saves nothing.
    m.editAmount(3, '40000');
    expect(m.whatIfActive.value).toBe(true);
    expect(m.schedule.value.ok).toBe(true);
  });

  it('an added payment keeps its method and reference and is sent with them', async () => {
    const { api, calls } = fakeApi();
    const m = model(api, 'ru');
    m.load(saved({ payments: [] }));
    expect(await m.addPayment('2026-02-15', '5 000,5', 'card', 'R-9')).toBe(true);
    expect(m.payments.value).toEqual([{ id: 'new-1', date: '2026-02-15', amount: '5000.50', method: 'card', reference: 'R-9' }]);
    expect(calls.registerPayment).toHaveBeenCalledWith('42', {
      id: 'new-1',
      date: '2026-02-15',
      amount: '5000.50',
      method: 'card',
      reference: 'R-9',
    });
  });

  it('a payment the server refuses leaves the list and the tab says why', async () => {
    const { api } = fakeApi({
      registerPayment: vi.fn(() => Promise.reject(new ApiError(422, 'VALIDATION', 'amount over the payoff'))),
    });
    const m = model(api);
    m.load(saved({ payments: [] }));
    expect(await m.addPayment('2026-02-15', '5000')).toBe(false);
    expect(m.payments.value).toEqual([]);
    // Beside the amount only (not at the top of the page), so the user corrects what they typed.
    expect(m.saveState.value).toEqual({ kind: 'idle' });
    expect(m.paymentError.value).toEqual({ code: 'VALIDATION', field: 'paymentAmount' });
  });

  it('reads a typed payment in the user locale: es-MX "1,000" is a thousand, never $1.00', async () => {
    const { api, calls } = fakeApi();
    const m = model(api, 'es');
    m.load(saved({ payments: [] }));
    expect(await m.addPayment('2026-02-15', '1,000')).toBe(true);
    expect(calls.registerPayment).toHaveBeenCalledWith('42', expect.objectContaining({ amount: '1000.00' }));
  });

  it('refuses an ambiguous payment before sending it, with its reason', async () => {
    const { api, calls } = fakeApi();
    const m = model(api, 'ru');
    m.load(saved({ payments: [] }));
    expect(await m.addPayment('2026-02-15', '1.000')).toBe(false);
    expect(m.paymentError.value).toEqual({ code: 'AMBIGUOUS_SEPARATOR', field: 'paymentAmount' });
    expect(calls.registerPayment).not.toHaveBeenCalled();
    expect(await m.addPayment('2026-02-15', '1 000')).toBe(true);
    expect(m.paymentError.value).toBeNull();
  });

  it('a payment whose answer never came stays unconfirmed and is sent again under the same id', async () => {
    let down = true;
    const registerPayment = vi.fn<ApiCalls['registerPayment']>(() =>
      down ? Promise.reject(new TypeError('Failed to fetch')) : Promise.resolve({}),
    );
    const m = model(fakeApi({ registerPayment }).api);
    m.load(saved({ payments: [] }));
    await m.addPayment('2026-02-15', '5000');
    expect(m.payments.value).toMatchObject([{ id: 'new-1', unconfirmed: true }]);
    // It still counts in what the tab shows: the server may well have booked it.
    expect(m.servicingPayments.value).toEqual([{ id: 'new-1', date: '2026-02-15', amount: '5000.00' }]);
    down = false;
    await m.retryPayment('new-1');
    expect(m.payments.value).toMatchObject([{ id: 'new-1', unconfirmed: false }]);
    expect(registerPayment.mock.calls.map((c) => c[1].id)).toEqual(['new-1', 'new-1']);
  });

  it('without a server (no session) nothing can be reversed', async () => {
    const m = model(null);
    m.load(saved());
    expect(m.canReverse.value).toBe(false);
    expect(await m.reversePayment('pay-1', 'DUPLICATE')).toBe(false);
  });
});
