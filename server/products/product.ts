import type { LoanFee } from '../loans/lending-types.js';

/** A loan product an admin defines; the loan tab offers the active ones and saveLoan re-checks them. */
export interface LoanProduct {
  id: string;
  name: string;
  method: string;
  rateUnit: 'annual' | 'daily';
  rateMin: string;
  rateMax: string;
  termMin: number;
  termMax: number;
  amountMin: string | null;
  amountMax: string | null;
  currency: string | null;
  fees: LoanFee[];
  dayCount: string;
  profile: string | null;
  active: boolean;
}
