// The slow parts, recomputed after the user pauses typing: the effective rates (CAT, ПСК) and the
// loan's servicing as of a date; and the payoff check a payment runs before it is added.
import { computed, signal, type ReadonlySignal } from '@preact/signals';
import { deferredComputed, type Defer } from './deferred.js';
import type {
  EffectiveRates,
  LendingIssue,
  LoanInput,
  Outcome,
  PaymentInput,
  PrepaymentInput,
  Schedule,
  Servicing,
  ServicingInput,
  ServicingSettings,
} from './lending-types.js';
import type { LendingCore } from './model-deps.js';
import { overpaymentOf, type Overpayment } from './payment-safety.js';
import type { SaveState } from './save-model.js';
import { readTyped, type NumberLocale } from './typed-numbers.js';

export interface RecomputeDeps {
  core: Pick<LendingCore, 'computeEffectiveRates' | 'computeServicing'>;
  defer: Defer;
  today: string;
  locale: NumberLocale;
  scale: number;
  loanInput: ReadonlySignal<LoanInput>;
  baseSchedule: ReadonlySignal<Outcome<Schedule>>;
  savedServicing: ReadonlySignal<ServicingSettings>;
  servicingPayments: ReadonlySignal<PaymentInput[]>;
  servicingPrepayments: ReadonlySignal<PrepaymentInput[]>;
  penaltyRead: ReadonlySignal<{ value: string; issue: LendingIssue | null }>;
  /** The server's refusal of the saved penalty rate stands beside the field. */
  saveState: ReadonlySignal<SaveState>;
}

export function createRecomputeModel(deps: RecomputeDeps) {
  const { loanInput, baseSchedule, penaltyRead, locale, scale } = deps;
  const asOf = signal(deps.today);
  /** A rate that does not read is refused beside its field; servicing meanwhile runs without one. */
  const penaltyRate = () => (penaltyRead.value.issue ? '0' : penaltyRead.value.value);

  // Null while a newer answer is pending.
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
        loan: { ...loanInput.value, ...deps.savedServicing.value },
        rows: s.value.rows,
        payments: deps.servicingPayments.value,
        prepayments: deps.servicingPrepayments.value,
        asOf: asOf.value,
        penaltyDailyPercent: penaltyRate(),
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
    const s = deps.saveState.value;
    return s.kind === 'failed' && s.field === 'penaltyDailyPercent' ? { code: s.code, field: s.field } : null;
  });

  /** A payment beyond the payoff as of its date: the payoff and the credit balance it would leave. */
  function overpayment(date: string, typed: string): Overpayment | null {
    const s = baseSchedule.value;
    const amount = readTyped(typed, 'paymentAmount', locale, { scale });
    if (!s.ok || amount.issue || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
    const sv = deps.core.computeServicing({
      loan: loanInput.value,
      rows: s.value.rows,
      payments: deps.servicingPayments.value,
      prepayments: deps.servicingPrepayments.value,
      asOf: date,
      penaltyDailyPercent: penaltyRate(),
    });
    return sv.ok ? overpaymentOf(amount.value, sv.value.payoff, scale) : null;
  }

  return { asOf, effectiveRates, servicing, penaltyIssue, overpayment };
}
