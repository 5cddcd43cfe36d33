// Exactly-once payouts: requestPayout (store intent, keyed by event_token) → executePayout (outbox
// worker: claim, ask-before-retry, create, store) → refreshPayout (pending → final).
export {
  requestPayout,
  payoutRequestHash,
  DEFAULT_PAYOUT_MAX_ATTEMPTS,
  type PayoutRequestInput,
  type RequestPayoutOptions,
} from './request-payout.js';
export { executePayout, refreshPayout, payoutBackoffMs, type ExecutePayoutOptions, type ExecutePayoutResult } from './execute-payout.js';
export { findPayoutById, findPayoutByKey, type PayoutRecord } from './payout-repo.js';
export type { PayoutStatus } from './tables.js';
export { refuseUnservedCurrency, refuseSecondPayout, refuseRepaidLoan } from './payout-guards.js';
