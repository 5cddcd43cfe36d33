// Late fees (driven by service.ts): once per installment, on its charge day — the first day after
// due date + graceDays that no delinquency pause covers — if any of its principal, interest, fees or
// VAT is still unpaid that morning (payments of the charge day come after it, like Fineract's
// end-of-day "apply penalty to overdue loans" job). A fixed fee (MX "comisión por pago tardío") or a
// percentage of the installment's unpaid principal (or principal + interest: Fineract's
// PERCENT_OF_AMOUNT / PERCENT_OF_AMOUNT_AND_INTEREST), plus VAT (MX IVA 16 %, LIVA art. 1).
import { Dec, ZERO } from '../decimal.js';
import { fromDayIndex } from '../dates.js';
import { roundMoney, type RoundingMode } from '../money.js';
import { firstActiveDay, type DayPause } from './pauses.js';
import type { Amounts, ChargeApplied, LateFeeTerms } from './types.js';

export function chargeDay(fee: LateFeeTerms, dueDay: number, pauses: readonly DayPause[]): number {
  return firstActiveDay(pauses, dueDay + fee.graceDays + 1);
}

/** The fee on an installment whose unpaid amounts are `out`, before any cap. */
export function lateFeeFor(fee: LateFeeTerms, out: Amounts, day: number, scale: number, mode: RoundingMode): ChargeApplied {
  const base = fee.base === 'principal' ? out.principal : out.principal.plus(out.interest);
  const amount = fee.amount ?? roundMoney(base.times(fee.fraction ?? ZERO), scale, mode);
  const vat = fee.vatRate ? roundMoney(amount.times(fee.vatRate), scale, mode) : ZERO;
  return { name: fee.name, date: fromDayIndex(day), amount, vat };
}

/** A fee cut to the room left under the loan's ceiling: the gross is the room, VAT keeps its share. */
export function clipCharge(
  c: ChargeApplied,
  room: Dec | undefined,
  rate: Dec | undefined,
  scale: number,
  mode: RoundingMode,
): ChargeApplied {
  const gross = c.amount.plus(c.vat);
  if (room === undefined || gross.lte(room)) return c;
  const left = roundMoney(Dec.max(ZERO, room), scale, 'down');
  const amount = rate ? roundMoney(left.div(rate.plus(1)), scale, mode) : left;
  return { ...c, amount, vat: left.minus(amount) };
}
