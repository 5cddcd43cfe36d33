// The product's shape is the lending core's (lending/products.ts), shared with the settings widget
// that edits it and the loan tab that offers it; the server names it LoanProduct.
import type { LoanProductJson } from '../../lending/index.js';

/** A loan product an admin defines; the loan tab offers the active ones and saveLoan re-checks them. */
export type LoanProduct = LoanProductJson;
