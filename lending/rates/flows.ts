import type { Dec } from '../decimal.js';
import { invalid } from '../errors.js';

/** A rate needs money both ways: at least one negative and one positive flow. */
export function assertFlows(flows: readonly { amount: Dec }[], path: string): void {
  if (!flows.some((f) => f.amount.isNegative()) || !flows.some((f) => f.amount.gt(0))) {
    throw invalid('FLOWS_ONE_SIDED', path, 'Cash flows need at least one disbursement (negative) and one payment (positive)');
  }
}
