// The tab's state: signals for what the user typed, computed signals for what lending/ says about
// it. Actions are plain functions over the signals; dependencies (core, API, clock) come in as
// arguments, so the same model runs in the browser, the unit tests and the bench.
import { batch, computed, signal } from '@preact/signals';
import { ApiError, type Api, type LoanStatus, type SavedLoan } from './api.js';
import { deferredComputed, type Defer } from './deferred.js';
import type {
  EffectiveRates,
  LendingIssue,
  LoanInput,
  Method,
  Outcome,
  PaymentInput,
  Schedule,
  Servicing,
  ServicingInput,
  ServicingSettings,
  FrequencyUnit,
} from './lending-types.js';
import { applyAmountOverrides, type AmountOverride } from './what-if.js';
import { annuityOf, applyProduct, productIssues, productsFor, withProductServicing, type Product } from './product.js';
import { createPaymentsModel } from './payments-model.js';
import { readTyped, typedFromDecimal, type NumberLocale } from './typed-numbers.js';
import { addDays } from '../../lending/dates.js';
import { describeTermChanges, overpaymentOf, type Overpayment, type TermChange } from './payment-safety.js';
import { withoutPause, withPause, type PauseDraft, type PauseIssue } from './pauses.js';

/** Form fields exactly as typed — strings, so a half-typed "12," is kept and reported, not lost. */
export interface LoanForm {
  product: string;
  amount: string;
  rate: string;
  rateKind: 'annual' | 'daily';
  installments: string;
  unit: FrequencyUnit;
  every: string;
  method: Method;
  disbursementDate: string;
  firstDueDate: string;
  feeAmount: string;
  feeWithheld: boolean;
  /** Principal due on the disbursement day (installment 1); empty = none. */
  downPayment: string;
  /** Whether the down payment is typed as an amount in the currency or a percent of the amount. */
  downPaymentUnit: 'amount' | 'percent';
  /** "Installments in multiples of" (Fineract): empty = the currency's minor unit, i.e. no rounding. */
  installmentStep: string;
  /**
   * The annuity's level payment: from the nominal rate (the core's default), solved for the actual
   * periods (Fineract progressive), or that with Fineract's cent adjustment. Annuity only.
   */
  annuityMode: AnnuityMode;
  /** How CAT times the flows for this loan: '' = the profile's (MX: periods), else periods or dates. */
  catBasis: '' | 'periods' | 'dates';
  /** "Pay this much a period until done": when typed, the term follows from it; empty = none. */
  fixedPayment: string;
}

export type { Product } from './product.js';

export const ANNUITY_MODES = ['fixed-payment', 'resolved', 'fineract'] as const;
export type AnnuityMode = (typeof ANNUITY_MODES)[number];

export interface LendingCore {
  computeSchedule(input: LoanInput): Outcome<Schedule>;
  computeEffectiveRates(input: LoanInput): Outcome<EffectiveRates>;
  computeServicing(input: ServicingInput): Outcome<Servicing>;
  checkPayment(p: PaymentInput, scale: number): LendingIssue | null;
  scaleOf(currency: string): number;
}

export interface ModelDeps {
  core: LendingCore;
  api: Api | null;
  dealId: string | null;
  currency: string;
  today: string;
  products: Product[];
  newId: () => string;
  /** When the slow parts (effective rates, servicing) run: after a typing pause in the browser. */
  defer: Defer;
  /** Whose separators typed numbers use (the user's language); en when not given. */
  locale?: NumberLocale;
}

/** failed: the server's stable code (localized by the tab) and the field it names, if any. */
export type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved' }
  /** `message`: the server's text in the user's language (e.g. a fixed offer's, which names the stages). */
  | { kind: 'failed'; code: string; field: string | null; message: string }
  /** The loan has payments and the terms changed: what changes, waiting for the user's yes. */
  | { kind: 'confirm-reterm'; changes: TermChange[] };

/** The first due date one period after the disbursement: a new frequency moves it with it. */
export function firstDueFor(disbursementDate: string, unit: FrequencyUnit, every: number): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(disbursementDate) || !(every >= 1)) return '';
  if (unit === 'month') return addMonthsIso(disbursementDate, every);
  return addDays(disbursementDate, unit === 'week' ? 7 * every : every);
}

export function addMonthsIso(iso: string, months: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d.toISOString().slice(0, 10);
}

export function defaultForm(today: string, amount = '100000'): LoanForm {
  return {
    product: '',
    amount,
    rate: '18',
    rateKind: 'annual',
    installments: '12',
    unit: 'month',
    every: '1',
    method: 'annuity',
    disbursementDate: today,
    firstDueDate: addMonthsIso(today, 1),
    feeAmount: '0',
    feeWithheld: true,
    downPayment: '',
    downPaymentUnit: 'amount',
    installmentStep: '',
    annuityMode: 'fixed-payment',
    catBasis: '',
    fixedPayment: '',
  };
}

/** The form's decimals read in the user's locale; issues name the field the core would name. */
export interface LoanNumbers {
  principal: string;
  rate: string;
  fee: string;
  /** Decimal strings, or '' when not typed. */
  downPayment: string;
  fixedPayment: string;
  installmentStep: string;
  issues: LendingIssue[];
}

export function readLoanNumbers(f: LoanForm, locale: NumberLocale, scale: number): LoanNumbers {
  const principal = readTyped(f.amount, 'principal', locale, { scale });
  const rate = readTyped(f.rate, 'rate', locale, { percent: true });
  // No fee is no fee: an empty field is not a refusal.
  const fee = f.feeAmount.trim() === '' ? { value: '0', issue: null } : readTyped(f.feeAmount, 'fees', locale, { scale });
  const optional = (raw: string, field: string) =>
    raw.trim() === '' ? { value: '', issue: null } : readTyped(raw, field, locale, { scale });
  const down =
    f.downPaymentUnit === 'percent'
      ? f.downPayment.trim() === ''
        ? { value: '', issue: null }
        : readTyped(f.downPayment, 'downPayment', locale, { percent: true })
      : optional(f.downPayment, 'downPayment');
  const fixed = optional(f.fixedPayment, 'fixedPayment');
  // The step only exists where the form shows it (stepApplies): a hidden one is not read, nor sent.
  const step = stepApplies(f.method) ? optional(f.installmentStep, 'rounding.installmentStep') : { value: '', issue: null };
  return {
    principal: principal.value,
    rate: rate.value,
    fee: fee.value,
    downPayment: down.value,
    fixedPayment: fixed.value,
    installmentStep: step.value,
    issues: [principal.issue, rate.issue, fee.issue, down.issue, fixed.issue, step.issue].filter((i): i is LendingIssue => i !== null),
  };
}

/** A single payment has no installment to round (the core refuses a step there): the form hides the field. */
export function stepApplies(method: Method): boolean {
  return method !== 'single-payment';
}

/** The level-payment rule and the cent adjustment are an annuity's only (the core refuses them elsewhere). */
function annuityFields(f: LoanForm): Pick<LoanInput, 'annuity' | 'annuityAdjustment'> {
  return annuityOf(f.method === 'annuity' ? f.annuityMode : 'fixed-payment');
}

export function toLoanInput(
  f: LoanForm,
  currency: string,
  profile: string | undefined,
  dueDates: string[] | undefined,
  numbers: LoanNumbers = readLoanNumbers(f, 'en', 2),
): LoanInput {
  const fee = numbers.fee;
  // A fixed payment derives the term (the core refuses both); a zero down payment is none.
  const fixedPayment = numbers.fixedPayment;
  const down = numbers.downPayment === '' || /^0(\.0*)?$/.test(numbers.downPayment) ? null : numbers.downPayment;
  const step = numbers.installmentStep;
  return {
    principal: numbers.principal,
    currency,
    contractDate: f.disbursementDate,
    disbursementDate: f.disbursementDate,
    method: f.method,
    rate: f.rateKind === 'annual' ? { annualPercent: numbers.rate } : { dailyPercent: numbers.rate },
    ...(fixedPayment ? { fixedPayment } : { installments: /^\d+$/.test(f.installments.trim()) ? Number(f.installments.trim()) : NaN }),
    ...(down ? { downPayment: f.downPaymentUnit === 'percent' ? { percent: down } : { amount: down } } : {}),
    // "every 0" or a half-typed number goes to the core as it is, which refuses it beside the field.
    frequency: { unit: f.unit, every: /^\d+$/.test(f.every.trim()) ? Number(f.every.trim()) : NaN },
    firstDueDate: f.firstDueDate || undefined,
    dueDates,
    // Interest on actual days, so what-if date edits change it as they would in the contract.
    dayCount: currency === 'RUB' ? 'actual/actual-ru' : 'actual/365',
    interest: 'daily',
    ...annuityFields(f),
    // No step typed: the core's default, the currency's minor unit (JPY 1, MXN 0.01).
    rounding: { mode: 'half-up', ...(step ? { installmentStep: step } : {}), last: 'adjust' },
    ...(f.catBasis ? { catBasis: f.catBasis } : {}),
    fees: /^0(\.0*)?$/.test(fee) ? [] : [{ name: 'opening', amount: fee, at: 'disbursement', withheld: f.feeWithheld }],
    profile,
  };
}

/** A saved step as the form shows it: the minor unit (or none) is no step. */
function typedStep(step: string | undefined, scale: number, locale: NumberLocale): string {
  const minor = scale === 0 ? '1' : `0.${'0'.repeat(scale - 1)}1`;
  const plain = step?.includes('.') ? step.replace(/0+$/, '').replace(/\.$/, '') : step;
  return plain === undefined || plain === minor ? '' : typedFromDecimal(plain, locale);
}

export function createLoanModel(deps: ModelDeps) {
  const locale = deps.locale ?? 'en';
  const scale = deps.core.scaleOf(deps.currency);
  const form = signal<LoanForm>(defaultForm(deps.today));
  /** What-if due dates by installment number. */
  const dateEdits = signal<Record<number, string>>({});
  const amountEdits = signal<AmountOverride[]>([]);
  const asOf = signal(deps.today);
  /** The loan's penalty rate, % a day, as typed (null: untouched, the default): saved with the loan. */
  const penaltyTyped = signal<string | null>(null);
  /** The terms as last saved or loaded (with the penalty): a re-term of a loan with payments asks first. */
  const savedInput = signal<LoanInput | null>(null);
  const saveState = signal<SaveState>({ kind: 'idle' });
  /** A CLOSED loan (its deal was deleted) is read-only: shown, never saved, paid or reversed. */
  const loanStatus = signal<{ status: LoanStatus; closedReason: string | null }>({ status: 'ACTIVE', closedReason: null });
  const closed = computed(() => loanStatus.value.status === 'CLOSED');
  // Payments that count, reversed ones, adding and reversing (payments-model.ts); its signals and
  // actions are part of this model's surface under the same names.
  const { load: loadPayments, ...pay } = createPaymentsModel({
    checkPayment: deps.core.checkPayment,
    scale,
    readAmount: (raw) => readTyped(raw, 'paymentAmount', locale, { scale }),
    api: deps.api,
    dealId: deps.dealId,
    newId: deps.newId,
    closed,
    // The refusal stands beside the amount (paymentError), in the user's language — not at the top.
    onPaymentRefused: () => undefined,
    onLoanClosed: (reason) => (loanStatus.value = { status: 'CLOSED', closedReason: reason }),
  });

  const products = productsFor(deps.products, deps.currency);
  const product = computed(() => products.find((p) => p.code === form.value.product));

  /**
   * The saved loan's regulatory profile (MX, RU-MFO): kept when its product is not offered here (e.g.
   * inactive), so the tab shows the loan the server services — with its IVA, caps and statutory order.
   */
  const savedProfile = signal<string | undefined>(undefined);
  /**
   * The saved loan's late fees and delinquency grace and pauses (set through the loan API): serviced
   * here as the server services them, and sent back on save so saving from the tab never drops them.
   */
  const savedServicing = signal<ServicingSettings>({});
  /** The schedule as typed, without what-if edits — what gets saved. */
  const numbers = computed(() => readLoanNumbers(form.value, locale, scale));
  const loanInput = computed(() =>
    applyProduct(toLoanInput(form.value, deps.currency, savedProfile.value, undefined, numbers.value), product.value),
  );
  // Ranges only make sense for numbers that read.
  const rangeIssues = computed(() => (numbers.value.issues.length > 0 ? [] : productIssues(loanInput.value, product.value)));
  // A number that does not read in the user's locale is refused with its reason, never guessed at.
  const baseSchedule = computed<Outcome<Schedule>>(() =>
    numbers.value.issues.length > 0 ? { ok: false, issues: numbers.value.issues } : deps.core.computeSchedule(loanInput.value),
  );

  // The server's default for loans saved without a rate (server/loans/lending-adapter.ts): RU-MFO's
  // cap is 20 % a year while interest accrues, so 0.05 % a day there.
  const penaltyDailyPercent = computed(
    () => penaltyTyped.value ?? typedFromDecimal(loanInput.value.profile === 'RU-MFO' ? '0.05' : '0.1', locale),
  );
  const penaltyRead = computed(() => readTyped(penaltyDailyPercent.value, 'penaltyDailyPercent', locale, { percent: true }));
  /** What Save sends: the terms and the penalty rate that goes with them. */
  const saveInput = computed<LoanInput>(() => ({
    ...loanInput.value,
    ...savedServicing.value,
    penaltyDailyPercent: penaltyRead.value.value,
  }));

  const whatIfActive = computed(() => Object.keys(dateEdits.value).length > 0 || amountEdits.value.length > 0);

  /** What-if amounts that did not read (kept as typed, shown beside their cell); the others apply. */
  const whatIfIssues = computed<LendingIssue[]>(() =>
    amountEdits.value.flatMap((o) => (o.issue ? [{ code: o.issue, field: `whatIf.${o.n}` }] : [])),
  );
  const readAmountEdits = computed(() => amountEdits.value.filter((o) => !o.issue));

  const schedule = computed<Outcome<Schedule>>(() => {
    const base = baseSchedule.value;
    if (!base.ok || !whatIfActive.value) return base;
    // A down payment's row is the input's own (not a due date to pass); with dates pinned the count is
    // fixed, so a fixed payment gives way to the level payment over those dates.
    const down = loanInput.value.downPayment ? 1 : 0;
    const dates = base.value.rows.slice(down).map((r) => dateEdits.value[r.n] ?? r.dueDate);
    // Pinned dates are no longer a regular frequency: CAT by periods does not apply to them (the core refuses it).
    const pinned = {
      ...loanInput.value,
      dueDates: dates,
      firstDueDate: undefined,
      fixedPayment: undefined,
      installments: undefined,
      catBasis: undefined,
    };
    const dated = Object.keys(dateEdits.value).length > 0 ? deps.core.computeSchedule(pinned) : base;
    if (!dated.ok) return dated;
    return applyAmountOverrides(pinned, dated.value, readAmountEdits.value, deps.core.computeSchedule);
  });

  // Slow parts, computed after the user pauses; null while a newer answer is pending.
  const effectiveRates = deferredComputed<Outcome<EffectiveRates>>(
    computed(() => {
      const input = loanInput.value;
      return baseSchedule.value.ok ? { key: JSON.stringify(input), run: () => deps.core.computeEffectiveRates(input) } : null;
    }),
    deps.defer,
  );
  const servicing = deferredComputed<Outcome<Servicing>>(
    computed(() => {
      const s = baseSchedule.value;
      if (!s.ok) return null;
      const input: ServicingInput = {
        loan: { ...loanInput.value, ...savedServicing.value },
        rows: s.value.rows,
        payments: pay.servicingPayments.value,
        prepayments: pay.servicingPrepayments.value,
        asOf: asOf.value,
        penaltyDailyPercent: penaltyRead.value.issue ? '0' : penaltyRead.value.value,
      };
      return {
        key: JSON.stringify([input.loan, input.payments, input.prepayments, input.asOf, input.penaltyDailyPercent]),
        run: () => deps.core.computeServicing(input),
      };
    }),
    deps.defer,
  );

  /** The penalty rate that does not read, or that the core refuses (above the profile's cap). */
  const penaltyIssue = computed<LendingIssue | null>(() => {
    if (penaltyRead.value.issue) return penaltyRead.value.issue;
    const sv = servicing.value;
    const refused = sv && !sv.ok ? sv.issues.find((i) => i.field.startsWith('penalty')) : undefined;
    if (refused) return { ...refused, field: 'penaltyDailyPercent' };
    // The server's refusal of the saved rate stands beside the field until the rate is edited.
    const s = saveState.value;
    return s.kind === 'failed' && s.field === 'penaltyDailyPercent' ? { code: s.code, field: s.field } : null;
  });
  const issues = computed<LendingIssue[]>(() => [
    ...(schedule.value.ok ? [] : schedule.value.issues),
    ...rangeIssues.value,
    ...whatIfIssues.value,
    ...(penaltyIssue.value ? [penaltyIssue.value] : []),
  ]);
  /** Saving needs a schedule, a loan inside its product's ranges and a penalty that reads (the server checks again). */
  const canSubmit = computed(() => baseSchedule.value.ok && rangeIssues.value.length === 0 && penaltyRead.value.issue === null);

  /** "Saved" is about what is on screen: the first edit after a save takes it away. */
  function edited(): void {
    // A refusal that named a field is answered by editing: the new value is checked afresh.
    const st = saveState.peek();
    if (st.kind === 'saved' || st.kind === 'confirm-reterm' || (st.kind === 'failed' && st.field !== null))
      saveState.value = { kind: 'idle' };
  }

  /** The loan's delinquency pauses: servicing counts them at once; they are stored with the loan on Save. */
  const pauses = computed(() => savedServicing.value.delinquency?.pauses ?? []);

  /** Adds a pause (backdating allowed), or answers why not — what was typed stays with the user. */
  function addPause(draft: PauseDraft): PauseIssue | null {
    const r = withPause(savedServicing.peek().delinquency, draft, form.peek().disbursementDate);
    if (!r.ok) return r.issue;
    batch(() => {
      savedServicing.value = { ...savedServicing.peek(), delinquency: r.delinquency };
      edited();
    });
    return null;
  }

  function removePause(index: number): void {
    batch(() => {
      const { delinquency: _old, ...rest } = savedServicing.peek();
      const delinquency = withoutPause(savedServicing.peek().delinquency, index);
      savedServicing.value = { ...rest, ...(delinquency ? { delinquency } : {}) };
      edited();
    });
  }

  /** The loan's late fees as serviced and saved: its product's, unless waived, or the saved loan's own. */
  const lateFees = computed(() => savedServicing.value.lateFees ?? []);
  /** The product lets this loan go without its late fees (late-fee-check.ts on the server, the same rule). */
  const lateFeesWaivable = computed(() => Boolean(product.value?.lateFeesWaivable && (product.value.lateFees ?? []).length > 0));

  /** Waives the product's late fees on this loan, or takes them back; the server accepts only these two. */
  function waiveLateFees(waived: boolean): void {
    const p = product.peek();
    if (!p?.lateFeesWaivable) return;
    batch(() => {
      const { lateFees: _old, ...rest } = savedServicing.peek();
      const fees = p.lateFees ?? [];
      savedServicing.value = waived || fees.length === 0 ? rest : { ...rest, lateFees: fees };
      edited();
    });
  }

  function setPenalty(typed: string): void {
    batch(() => {
      penaltyTyped.value = typed;
      edited();
    });
  }

  function setField<K extends keyof LoanForm>(key: K, value: LoanForm[K]): void {
    batch(() => {
      const next = { ...form.value, [key]: value };
      if (key === 'product') {
        const p = products.find((x) => x.code === value);
        if (p) {
          const term = Number(next.installments);
          Object.assign(next, {
            method: p.method,
            rateKind: p.rateKind,
            rate: typedFromDecimal(p.rateMin, locale),
            installments: String(Number.isInteger(term) ? Math.min(Math.max(term, p.termMin), p.termMax) : p.termMin),
          });
          savedServicing.value = withProductServicing(savedServicing.value, p);
        }
      }
      // A new frequency moves the first due date one period after the disbursement (weekly: a week out).
      if (key === 'unit' || key === 'every' || key === 'disbursementDate') {
        const every = Number(next.every);
        const first = firstDueFor(next.disbursementDate, next.unit, every);
        if (first) next.firstDueDate = first;
      }
      form.value = next;
      edited();
      // What-if edits refer to rows of the old schedule; a new loan shape makes them meaningless.
      dateEdits.value = {};
      amountEdits.value = [];
    });
  }

  function editDueDate(n: number, date: string): void {
    dateEdits.value = { ...dateEdits.value, [n]: date };
  }

  function editAmount(n: number, typed: string): void {
    const r = readTyped(typed, `whatIf.${n}`, locale, { scale });
    const edit: AmountOverride = r.issue ? { n, total: r.value, issue: r.issue.code } : { n, total: r.value };
    amountEdits.value = [...amountEdits.value.filter((o) => o.n !== n), edit];
  }

  function resetWhatIf(): void {
    batch(() => {
      dateEdits.value = {};
      amountEdits.value = [];
    });
  }

  function load(saved: SavedLoan): void {
    const l = saved.loan;
    batch(() => {
      form.value = {
        ...form.value,
        product: saved.productId && products.some((p) => p.code === saved.productId) ? saved.productId : '',
        amount: typedFromDecimal(l.principal, locale),
        rate: typedFromDecimal('annualPercent' in l.rate ? l.rate.annualPercent : l.rate.dailyPercent, locale),
        rateKind: 'annualPercent' in l.rate ? 'annual' : 'daily',
        installments: l.installments === undefined ? form.value.installments : String(l.installments),
        // The core's default when the loan has none (a single-payment loan may omit it, parse-input.ts).
        unit: l.frequency?.unit ?? 'month',
        every: String(l.frequency?.every ?? 1),
        method: l.method,
        disbursementDate: l.disbursementDate,
        // A loan saved with explicit due dates (the demo's 30-day microloan) is due on the first of them.
        firstDueDate: l.firstDueDate ?? l.dueDates?.[0] ?? '',
        feeAmount: typedFromDecimal(l.fees?.[0]?.amount ?? '0', locale),
        feeWithheld: l.fees?.[0]?.withheld ?? true,
        downPayment: l.downPayment
          ? typedFromDecimal('amount' in l.downPayment ? l.downPayment.amount : l.downPayment.percent, locale)
          : '',
        downPaymentUnit: l.downPayment && 'percent' in l.downPayment ? 'percent' : 'amount',
        installmentStep: typedStep(l.rounding?.installmentStep, scale, locale),
        annuityMode: l.annuity !== 'resolved' ? 'fixed-payment' : l.annuityAdjustment === 'fineract' ? 'fineract' : 'resolved',
        catBasis: l.catBasis ?? '',
        fixedPayment: l.fixedPayment ? typedFromDecimal(l.fixedPayment, locale) : '',
      };
      savedProfile.value = l.profile ?? undefined;
      savedServicing.value = { ...(l.lateFees ? { lateFees: l.lateFees } : {}), ...(l.delinquency ? { delinquency: l.delinquency } : {}) };
      penaltyTyped.value = l.penaltyDailyPercent === undefined ? null : typedFromDecimal(l.penaltyDailyPercent, locale);
      savedInput.value = saveInput.peek();
      loadPayments(saved);
      loanStatus.value = { status: saved.status ?? 'ACTIVE', closedReason: saved.closedReason ?? null };
    });
  }

  /**
   * Saves the terms. A loan with payments whose terms change has its payments re-allocated to the
   * new schedule: that is shown first (what changes) and saved only on confirmSave().
   */
  async function save(): Promise<void> {
    if (!deps.api || !deps.dealId || !canSubmit.value || closed.value) return;
    const before = savedInput.value;
    const changes = before && pay.payments.value.length > 0 ? describeTermChanges(before, saveInput.value) : [];
    if (changes.length > 0) {
      saveState.value = { kind: 'confirm-reterm', changes };
      return;
    }
    await confirmSave();
  }

  async function confirmSave(): Promise<void> {
    if (!deps.api || !deps.dealId || !canSubmit.value || closed.value) return;
    const input = saveInput.value;
    saveState.value = { kind: 'saving' };
    try {
      const reply = await deps.api.saveLoan(deps.dealId, input, product.value?.code ?? null);
      batch(() => {
        pay.termsSaved(reply.version ?? null);
        savedInput.value = input;
        saveState.value = { kind: 'saved' };
      });
    } catch (e) {
      const code = e instanceof ApiError ? e.reason : 'NETWORK';
      const field = e instanceof ApiError && typeof e.details.field === 'string' ? e.details.field : null;
      // What the user typed stays in the form: a refusal only sets the state.
      saveState.value = { kind: 'failed', code, field, message: e instanceof ApiError ? e.message : '' };
    }
  }

  function cancelSave(): void {
    if (saveState.value.kind === 'confirm-reterm') saveState.value = { kind: 'idle' };
  }

  /** A payment beyond the payoff as of its date: the payoff and the credit balance it would leave. */
  function overpayment(date: string, typed: string): Overpayment | null {
    const s = baseSchedule.value;
    const amount = readTyped(typed, 'paymentAmount', locale, { scale });
    if (!s.ok || amount.issue || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
    const sv = deps.core.computeServicing({
      loan: loanInput.value,
      rows: s.value.rows,
      payments: pay.servicingPayments.value,
      prepayments: pay.servicingPrepayments.value,
      asOf: date,
      penaltyDailyPercent: penaltyRead.value.issue ? '0' : penaltyRead.value.value,
    });
    return sv.ok ? overpaymentOf(amount.value, sv.value.payoff, scale) : null;
  }

  return {
    currency: deps.currency,
    locale,
    dealId: deps.dealId,
    products,
    canSave: deps.api !== null && deps.dealId !== null,
    form,
    dateEdits,
    amountEdits,
    ...pay,
    loanStatus,
    closed,
    asOf,
    penaltyDailyPercent,
    penaltyIssue,
    setPenalty,
    pauses,
    lateFees,
    lateFeesWaivable,
    waiveLateFees,
    addPause,
    removePause,
    saveState,
    loanInput,
    baseSchedule,
    canSubmit,
    product,
    schedule,
    effectiveRates,
    servicing,
    issues,
    whatIfActive,
    setField,
    editDueDate,
    editAmount,
    resetWhatIf,
    load,
    save,
    confirmSave,
    cancelSave,
    overpayment,
  };
}

export type LoanModel = ReturnType<typeof createLoanModel>;
