// The rule for a loan's delinquency grace days against its product (issue 13 item 2). Grace days
// decide when days past due start counting, hence the loan's bucket, its collection queue and what a
// lender reports to a credit bureau (Buró de Crédito / БКИ): a term of the product like its late
// fees, not a manager's choice. More grace on one loan would hide arrears from collectors; less would
// send a borrower to collections sooner than the contract says. A borrower who needs time gets a
// delinquency pause instead: dated, visible on the tab and in the DPD history, backdatable (Fineract's
// per-loan "pause delinquency"), which is why the product has no "may loosen on a loan" switch here,
// unlike `lateFeesWaivable`. So a save of a loan of a product is accepted when its grace days are
//  - the product's (null on the product = none = 0);
//  - unchanged from the loan's saved version under the same product: a signed contract keeps its
//    grace when the product's change later.
// Anything else is 422 PRODUCT_RANGE on `delinquency.graceDays`, nothing stored.
import { AppError } from '../../errors.js';
import type { LoanProduct } from '../../products/product.js';
import type { LoanInput } from '../lending-types.js';

const grace = (t: LoanInput | null) => t?.delinquency?.graceDays ?? 0;

/** `saved`: the loan's current terms when it is already saved under this product, else null. */
export function checkGraceDays(input: LoanInput, p: LoanProduct, saved: LoanInput | null): void {
  if (grace(input) === (p.delinquencyGraceDays ?? 0)) return;
  if (saved && grace(input) === grace(saved)) return;
  throw new AppError(
    'PRODUCT_RANGE',
    `delinquency grace days of a loan of ${p.id} differ from the product's`,
    { key: 'PRODUCT_GRACE_DAYS', params: { product: p.name, days: p.delinquencyGraceDays ?? 0 } },
    { field: 'delinquency.graceDays' },
  );
}
