// The rule for a loan's late fees against its product (issue 13 item 7). The admin sets late fees on
// the product as a tariff (in Mexico a comisión registered with CONDUSEF; in Russia a term of the
// contract); a manager on the phone must not quietly charge other ones. So a save of a loan of a
// product is accepted when its late fees are
//  - the product's (compared as the core reads them: amounts as numbers, defaults filled, names ignored);
//  - none, when the product lets a loan waive them (`lateFeesWaivable`: a condonación, all or nothing —
//    a partial discount would be a different tariff, which is the product's to define);
//  - unchanged from the loan's saved version under the same product: a signed contract keeps the fees
//    it was made with when the product's change later.
// Anything else is 422 PRODUCT_RANGE on `lateFees`, nothing stored.
import Decimal from 'decimal.js';
import { AppError } from '../../errors.js';
import type { LoanProduct } from '../../products/product.js';
import type { LoanInput } from '../lending-types.js';

type LateFee = NonNullable<LoanInput['lateFees']>[number];

/** A late fee as servicing reads it (lending/servicing/parse-conventions.ts), for comparing. */
function key(f: LateFee): string {
  const num = (v: string | undefined) => (v === undefined ? null : new Decimal(v).toString());
  return JSON.stringify([
    num(f.amount),
    num(f.percent),
    f.percent === undefined ? null : (f.base ?? 'principal'),
    f.graceDays ?? 0,
    // Absent = the profile's VAT (MX 16 %), which is not "0".
    num(f.vatPercent),
  ]);
}

export function sameLateFees(a: LateFee[] | undefined, b: LateFee[] | undefined): boolean {
  const ka = (a ?? []).map(key);
  const kb = (b ?? []).map(key);
  return ka.length === kb.length && ka.every((k, i) => k === kb[i]);
}

/** `saved`: the loan's current terms when it is already saved under this product, else null. */
export function checkLateFees(input: LoanInput, p: LoanProduct, saved: LoanInput | null): void {
  if (sameLateFees(input.lateFees, p.lateFees)) return;
  if (p.lateFeesWaivable && (input.lateFees ?? []).length === 0) return;
  if (saved && sameLateFees(input.lateFees, saved.lateFees)) return;
  throw new AppError(
    'PRODUCT_RANGE',
    `late fees of a loan of ${p.id} differ from the product's`,
    { key: p.lateFeesWaivable ? 'PRODUCT_LATE_FEES_WAIVABLE' : 'PRODUCT_LATE_FEES', params: { product: p.name } },
    { field: 'lateFees' },
  );
}
