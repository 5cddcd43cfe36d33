// The loan's terms as the user types them: the form, the product that holds it, and what the core
// makes of them — the numbers read in the user's locale, the loan input, the product's ranges and the
// schedule without what-if edits (what gets saved).
import { batch, computed, signal, type Signal } from '@preact/signals';
import type { Outcome, Schedule, ServicingSettings } from './lending-types.js';
import type { LendingCore } from './model-deps.js';
import { applyProduct, productIssues, productsFor, withProductServicing, type Product } from './product.js';
import { defaultForm, firstDueFor, readLoanNumbers, toLoanInput, type LoanForm } from './terms-form.js';
import { typedFromDecimal, type NumberLocale } from './typed-numbers.js';

export interface TermsDeps {
  core: Pick<LendingCore, 'computeSchedule'>;
  currency: string;
  today: string;
  /** All the portal's products: the form offers those in this currency. */
  products: Product[];
  locale: NumberLocale;
  scale: number;
  /** The loan's late fees, grace and pauses: choosing a product brings the product's. */
  savedServicing: Signal<ServicingSettings>;
  /** A field changed (called inside the same batch): the save state and the what-if edits answer it. */
  onEdited: () => void;
}

export function createTermsModel(deps: TermsDeps) {
  const { locale, scale, savedServicing } = deps;
  const form = signal<LoanForm>(defaultForm(deps.today));
  const products = productsFor(deps.products, deps.currency);
  const product = computed(() => products.find((p) => p.code === form.value.product));

  /**
   * The saved loan's regulatory profile (MX, RU-MFO): kept when its product is not offered here (e.g.
   * inactive), so the tab shows the loan the server services — with its IVA, caps and statutory order.
   */
  const savedProfile = signal<string | undefined>(undefined);
  /** The schedule as typed, without what-if edits — what gets saved. */
  const numbers = computed(() => readLoanNumbers(form.value, locale, scale));
  /**
   * The product whose settings the loan takes. A saved loan opened under the product it was saved
   * with keeps its own conventions (a contract keeps its terms when the tariff changes). Picking a
   * product is a re-term under it — what a lender means by choosing a tariff, and what the server
   * checks (product-check.ts): its day count, fees, payoff rule, step and level-payment rule replace
   * the loan's, while what no product sets — interest per day or per period, rounding, grace, VAT, the
   * contract date — stays the contract's, named in the conventions line (kept-conventions.ts); "—"
   * keeps the loan's own fees and day count.
   */
  const appliedProduct = computed(() => {
    const kept = form.value.conventions;
    return kept && kept.product === form.value.product ? undefined : product.value;
  });
  const loanInput = computed(() =>
    applyProduct(toLoanInput(form.value, deps.currency, savedProfile.value, undefined, numbers.value), appliedProduct.value),
  );
  // Ranges only make sense for numbers that read.
  const rangeIssues = computed(() => (numbers.value.issues.length > 0 ? [] : productIssues(loanInput.value, product.value)));
  // A number that does not read in the user's locale is refused with its reason, never guessed at.
  const baseSchedule = computed<Outcome<Schedule>>(() =>
    numbers.value.issues.length > 0 ? { ok: false, issues: numbers.value.issues } : deps.core.computeSchedule(loanInput.value),
  );

  function setField<K extends keyof LoanForm>(key: K, value: LoanForm[K]): void {
    batch(() => {
      const next = { ...form.value, [key]: value };
      if (key === 'product') {
        // From now on the picked product's settings apply (appliedProduct), not the saved loan's.
        if (next.conventions) next.conventions = { ...next.conventions, product: null };
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
      deps.onEdited();
    });
  }

  return { form, products, product, appliedProduct, savedProfile, loanInput, rangeIssues, baseSchedule, setField };
}
