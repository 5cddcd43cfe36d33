// What the loan model is given from outside: the lending core, the API, the clock and the tab's
// context. Apart from model.ts so the parts of the model (terms, what-if, servicing) can name the core
// without importing the facade that assembles them.
import type { Api } from './api.js';
import type { Defer } from './deferred.js';
import type * as L from './lending-types.js';
import type { Product } from './product.js';
import type { NumberLocale } from './typed-numbers.js';

/** The lending core as the tab calls it (lending-adapter.ts in the browser, the bench and the tests). */
export interface LendingCore {
  computeSchedule(input: L.LoanInput): L.Outcome<L.Schedule>;
  computeEffectiveRates(input: L.LoanInput): L.Outcome<L.EffectiveRates>;
  computeServicing(input: L.ServicingInput): L.Outcome<L.Servicing>;
  checkPayment(p: L.PaymentInput, scale: number): L.LendingIssue | null;
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
